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

    private static readonly byte[] VerdictName = System.Text.Encoding.UTF8.GetBytes(VerdictProperty);

    // ,"v": — what comes between a result's other fields and its compact verdict.
    private static readonly byte[] VerdictSeparator = System.Text.Encoding.UTF8.GetBytes($",\"{VerdictProperty}\":");

    public static byte[] Serialize(CaseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Verdict is not { } verdict)
        {
            return JsonSerializer.SerializeToUtf8Bytes(result, FaithfulJson.Options);
        }

        // The result's fields as faithful.run/1 writes them (a null verdict is left out), with "v" spliced in before the
        // closing brace: one serializer pass each, instead of a document built and copied.
        var fields = JsonSerializer.SerializeToUtf8Bytes(result with { Verdict = null }, FaithfulJson.Options);
        var compact = JsonSerializer.SerializeToUtf8Bytes(CompactVerdict.From(verdict), FaithfulJson.Options);
        ReadOnlySpan<byte> separator = fields.Length > 2 ? VerdictSeparator : VerdictSeparator.AsSpan(1);
        var line = new byte[fields.Length - 1 + separator.Length + compact.Length + 1];
        var at = 0;
        fields.AsSpan(0, fields.Length - 1).CopyTo(line);
        at += fields.Length - 1;
        separator.CopyTo(line.AsSpan(at));
        at += separator.Length;
        compact.CopyTo(line.AsSpan(at));
        at += compact.Length;
        line[at] = (byte)'}';
        return line;
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
    /// <remarks>
    /// Straight from the bytes, without a document: the result's fields in one serializer pass (which skips <c>"v"</c>),
    /// then <c>"v"</c> found among the top-level properties and read in place; 2-3x faster than through a <see cref="JsonDocument"/>.
    /// </remarks>
    public static (CaseResult Result, CompactVerdict? Compact) Read(ReadOnlySpan<byte> line)
    {
        var result = JsonSerializer.Deserialize<CaseResult>(line, FaithfulJson.Options) ?? throw new JsonException("the line is null");
        if (result.Verdict is not null)
        {
            return (result, null);
        }

        var reader = new Utf8JsonReader(line, new JsonReaderOptions { MaxDepth = FaithfulJson.Options.MaxDepth });
        if (!SeekTopLevelProperty(ref reader, VerdictName) || reader.TokenType != JsonTokenType.StartObject)
        {
            return (result, null);
        }

        var compact = JsonSerializer.Deserialize<CompactVerdict>(ref reader, FaithfulJson.Options) ?? throw new JsonException("'v' is null");
        return (result with { Verdict = compact.Headline() }, compact);
    }

    // Leaves the reader on the value of the top-level property named `name`; false when the object has none.
    private static bool SeekTopLevelProperty(ref Utf8JsonReader reader, ReadOnlySpan<byte> name)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var match = reader.ValueTextEquals(name);
            reader.Read();
            if (match)
            {
                return true;
            }

            reader.Skip();
        }

        return false;
    }
}
