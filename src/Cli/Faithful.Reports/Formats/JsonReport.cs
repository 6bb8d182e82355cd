using System.Text.Json;
using Faithful.Reports.RunFiles;
using Faithful.Reports.Summaries;

namespace Faithful.Reports.Formats;

/// <summary>Writes and reads the <c>faithful.report/1</c> JSON report.</summary>
public static class JsonReport
{
    public static string Render(RunSummary summary)
    {
        using var buffer = new MemoryStream();
        Write(buffer, summary);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Writes the report to <paramref name="output"/> as a stream: the cases are read from disk one at a time.</summary>
    public static void Write(Stream output, RunSummary summary)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(summary);
        var options = new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = FaithfulJson.Indented.Encoder };
        using (var writer = new Utf8JsonWriter(output, options))
        {
            writer.WriteStartObject();
            writer.WriteString("format", ReportDocument.FormatVersion);
            writer.WritePropertyName("models");
            JsonSerializer.Serialize(writer, summary.Models.Select(ReportModel.From).ToList(), FaithfulJson.Indented);
            writer.WriteStartArray("cases");
            foreach (var reportCase in summary.Cases)
            {
                JsonSerializer.Serialize(writer, reportCase, FaithfulJson.Indented);

                // Keep the buffered writer small: flush every so often.
                if (writer.BytesPending > 1 << 16)
                {
                    writer.Flush();
                }
            }

            writer.WriteEndArray();
            if (summary.Protocols is { } protocols)
            {
                writer.WritePropertyName("protocols");
                JsonSerializer.Serialize(writer, protocols, FaithfulJson.Indented);
            }

            if (summary.TraceDependence is { } dependence)
            {
                writer.WritePropertyName("traceDependence");
                JsonSerializer.Serialize(writer, dependence, FaithfulJson.Indented);
            }

            writer.WriteEndObject();
        }

        output.WriteByte((byte)'\n');
    }

    /// <exception cref="FormatException">The text is not a <c>faithful.report/1</c> document.</exception>
    public static ReportDocument Parse(string json)
    {
        ReportDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<ReportDocument>(json, FaithfulJson.Options);
        }
        catch (JsonException e)
        {
            throw new FormatException($"The report is not valid JSON (line {e.LineNumber + 1}): {e.Message}", e);
        }

        return document is { Format: ReportDocument.FormatVersion }
            ? document
            : throw new FormatException($"The report's format is '{document?.Format}', expected '{ReportDocument.FormatVersion}'.");
    }
}
