using System.Text.Json;
using Faithful.Model;
using Faithful.Serialization;

namespace Faithful.Reports.RunFiles.Compact;

/// <summary>How a program line of a <c>faithful.run/2</c> file gives its program.</summary>
/// <param name="Id">The program id that result lines name in <c>programId</c>.</param>
/// <param name="Json">The program as <c>faithful.program/1</c> JSON, or null.</param>
/// <param name="Source">The program's source as a transcript gave it (C# statements, parameters, question, name), or null.</param>
public sealed record ProgramLine(string Id, JsonElement? Json, JsonElement? Source)
{
    /// <summary>
    /// A program line: <c>{"program":"&lt;id&gt;","json":{faithful.program/1}}</c>, written once before the first result of
    /// that program, so that the full verdict of any result can be recovered with its ground truth.
    /// </summary>
    public static byte[] Serialize(StepProgram program)
    {
        ArgumentNullException.ThrowIfNull(program);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = FaithfulJson.Options.Encoder }))
        {
            writer.WriteStartObject();
            writer.WriteString("program", program.Id);
            writer.WritePropertyName("json");
            ProgramJson.Write(writer, program);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>A program line that gives the program by its source (<paramref name="source"/> serialized as the <c>source</c> object).</summary>
    public static byte[] SerializeSource<TSource>(string id, TSource source)
    {
        ArgumentNullException.ThrowIfNull(id);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = FaithfulJson.Options.Encoder }))
        {
            writer.WriteStartObject();
            writer.WriteString("program", id);
            writer.WritePropertyName("source");
            JsonSerializer.Serialize(writer, source, FaithfulJson.Options);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <exception cref="JsonException">Not a program line.</exception>
    public static ProgramLine Read(ReadOnlySpan<byte> line)
    {
        using var document = JsonDocument.Parse(line.ToArray());
        var root = document.RootElement;
        var id = root.TryGetProperty("program", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString()! : throw new JsonException("a program line names its 'program'");
        JsonElement? json = root.TryGetProperty("json", out var j) && j.ValueKind == JsonValueKind.Object ? j.Clone() : null;
        JsonElement? source = root.TryGetProperty("source", out var s) && s.ValueKind == JsonValueKind.Object ? s.Clone() : null;
        return new ProgramLine(id, json, source);
    }

    /// <summary>The program of a <c>json</c> line; null for a <c>source</c> line (which needs a source reader).</summary>
    /// <exception cref="FormatException">The JSON is not a readable program.</exception>
    public StepProgram? FromJson()
    {
        if (Json is not { } json)
        {
            return null;
        }

        try
        {
            return ProgramJson.Read(json);
        }
        catch (Exception e) when (e is FormatException or JsonException or KeyNotFoundException or InvalidOperationException or ArgumentException)
        {
            throw new FormatException($"program line '{Id}' does not hold a readable faithful.program/1 program: {e.Message}", e);
        }
    }
}
