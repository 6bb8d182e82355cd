using System.Text.Json;
using Faithful.Traces.Results;

namespace Faithful.Reports.RunFiles.Compact;

/// <summary>
/// A result line of a <c>faithful.run/2</c> file: the <see cref="CaseResult"/> fields as in <c>faithful.run/1</c>, except that
/// the verdict is stored as <c>"v"</c>, a <see cref="CompactVerdict"/>, instead of <c>"verdict"</c>.
/// </summary>
public static class CompactCaseLine
{
    public const string VerdictProperty = "v";

    public static byte[] Serialize(CaseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Verdict is not { } verdict)
        {
            return JsonSerializer.SerializeToUtf8Bytes(result, FaithfulJson.Options);
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = FaithfulJson.Options.Encoder }))
        {
            writer.WriteStartObject();
            using (var fields = JsonSerializer.SerializeToDocument(result with { Verdict = null }, FaithfulJson.Options))
            {
                foreach (var property in fields.RootElement.EnumerateObject())
                {
                    property.WriteTo(writer);
                }
            }

            writer.WritePropertyName(VerdictProperty);
            JsonSerializer.Serialize(writer, CompactVerdict.From(verdict), FaithfulJson.Options);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// Reads a result line of either format: a <c>/1</c> line keeps its full verdict; a <c>/2</c> line gets its verdict's
    /// headline (<see cref="CompactVerdict.Headline"/>), and the compact verdict is returned for expanding later.
    /// </summary>
    /// <exception cref="JsonException">The line is not a case result.</exception>
    public static (CaseResult Result, CompactVerdict? Compact) Read(JsonElement root)
    {
        var result = root.Deserialize<CaseResult>(FaithfulJson.Options) ?? throw new JsonException("the line is null");
        if (result.Verdict is null && root.TryGetProperty(VerdictProperty, out var compactJson) && compactJson.ValueKind == JsonValueKind.Object)
        {
            var compact = compactJson.Deserialize<CompactVerdict>(FaithfulJson.Options) ?? throw new JsonException("'v' is null");
            return (result with { Verdict = compact.Headline() }, compact);
        }

        return (result, null);
    }

    /// <summary>Reads one result line from its bytes.</summary>
    public static (CaseResult Result, CompactVerdict? Compact) Read(ReadOnlySpan<byte> line)
    {
        var reader = new Utf8JsonReader(line, new JsonReaderOptions { MaxDepth = 64 });
        using var document = JsonDocument.ParseValue(ref reader);
        return Read(document.RootElement);
    }
}
