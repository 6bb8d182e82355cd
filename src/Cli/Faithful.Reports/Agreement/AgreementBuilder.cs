using System.Text.Json;
using Faithful.Reports.RunFiles;
using Faithful.Traces.Results;

namespace Faithful.Reports.Agreement;

/// <summary>
/// Pairs human labels with the readings under test: the cases of a scored run file (streamed, one line at a time,
/// keeping only the labelled ones) or a second labels file. Labels are matched by transcript id
/// (the <c>transcript.id</c> metadata that <c>faithful score</c> keeps) or else by case id.
/// </summary>
public static class AgreementBuilder
{
    /// <summary>Compares <paramref name="gold"/> with the instrument's verdicts in the run file at <paramref name="runFilePath"/>.</summary>
    public static AgreementInput FromRunFile(LabelSet gold, string runFilePath)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(runFilePath);
        using var reader = new StreamReader(runFilePath);
        return FromRunFile(gold, reader, Path.GetFileName(runFilePath));
    }

    public static AgreementInput FromRunFile(LabelSet gold, TextReader runFile, string fileName)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(runFile);
        var cases = new Dictionary<string, AgreementCase>(StringComparer.Ordinal);
        var unscored = new List<string>();
        var issues = new List<LineIssue>(gold.Issues);
        var lineNumber = 0;
        while (runFile.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line) || line.StartsWith("{\"format\"", StringComparison.Ordinal))
            {
                continue;
            }

            CaseResult? result;
            try
            {
                // faithful.run/2 files hold program lines too, and verdicts in compact form.
                using var document = JsonDocument.Parse(line);
                if (!document.RootElement.TryGetProperty("caseId", out _) && document.RootElement.TryGetProperty("program", out _))
                {
                    continue;
                }

                result = RunFiles.Compact.CompactCaseLine.Read(document.RootElement).Result;
            }
            catch (JsonException e)
            {
                issues.Add(new LineIssue(fileName, lineNumber, "not a readable case result: " + e.Message));
                continue;
            }

            if (result is null)
            {
                continue;
            }

            var id = result.Metadata?.GetValueOrDefault("transcript.id") ?? result.CaseId;
            if (!gold.ById.TryGetValue(id, out var label))
            {
                continue;
            }

            if (Reading.Of(result) is not { } tested)
            {
                unscored.Add(id);
                continue;
            }

            // A later line for the same id (a resumed or repeated case) replaces the earlier one, as in run files.
            cases[id] = new AgreementCase(id, result.Model, result.Length, Reading.Of(label), tested, result.Reply);
        }

        var unmatched = gold.ById.Keys.Where(id => !cases.ContainsKey(id) && !unscored.Contains(id)).Order(StringComparer.Ordinal).ToList();
        return new AgreementInput(AgreementReport.Of(cases.Values), unmatched, unscored, issues);
    }

    /// <summary>Compares two labellers: <paramref name="gold"/> as the reference, <paramref name="other"/> under test.</summary>
    public static AgreementInput FromLabels(LabelSet gold, LabelSet other)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(other);
        var cases = new List<AgreementCase>();
        foreach (var (id, label) in gold.ById)
        {
            if (other.ById.TryGetValue(id, out var second))
            {
                cases.Add(new AgreementCase(id, ModelOf(id), 0, Reading.Of(label), Reading.Of(second), null));
            }
        }

        var unmatched = gold.ById.Keys.Where(id => !other.ById.ContainsKey(id)).Order(StringComparer.Ordinal).ToList();
        return new AgreementInput(AgreementReport.Of(cases), unmatched, [], [.. gold.Issues, .. other.Issues]);
    }

    // Labels files carry no model; transcript ids conventionally start with it ("gpt4/complexity-cot/12").
    private static string ModelOf(string id)
    {
        var slash = id.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 ? id[..slash] : "(all)";
    }
}

/// <summary>The comparison and what could not be compared.</summary>
/// <param name="Report">The agreement over every paired reply.</param>
/// <param name="Unmatched">Labelled ids with no reading under test.</param>
/// <param name="Unscored">Labelled ids whose case has no verdict (the request failed).</param>
/// <param name="Issues">Lines of either file that could not be read.</param>
public sealed record AgreementInput(AgreementReport Report, IReadOnlyList<string> Unmatched, IReadOnlyList<string> Unscored, IReadOnlyList<LineIssue> Issues);
