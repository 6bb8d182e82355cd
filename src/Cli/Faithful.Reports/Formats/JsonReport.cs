using System.Text.Json;
using Faithful.Reports.RunFiles;
using Faithful.Reports.Summaries;

namespace Faithful.Reports.Formats;

/// <summary>Writes and reads the <c>faithful.report/1</c> JSON report.</summary>
public static class JsonReport
{
    public static string Render(RunSummary summary) =>
        JsonSerializer.Serialize(ReportDocument.From(summary), FaithfulJson.Indented).ReplaceLineEndings("\n") + "\n";

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
