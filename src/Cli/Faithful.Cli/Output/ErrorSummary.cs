using System.Globalization;
using Faithful.Clients.Running;
using Faithful.Traces.Results;

namespace Faithful.Cli.Output;

/// <summary>
/// After a run: how many cases failed, grouped by cause (HTTP 401, connection failed, timeout, ...), the first message
/// of each cause and what to do about it. A run where requests failed is never reported only as "errors 2".
/// </summary>
internal static class ErrorSummary
{
    private const int MaxMessageChars = 300;

    /// <summary>Prints the summary to <paramref name="error"/>; returns the number of failed cases.</summary>
    public static int Print(IReadOnlyList<CaseResult> results, TextWriter error)
    {
        var failed = results.Where(r => r.Verdict is null).ToList();
        if (failed.Count == 0)
        {
            return 0;
        }

        error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"error summary: {failed.Count} of {results.Count} cases failed ({results.Count - failed.Count} scored)"));
        foreach (var group in failed.GroupBy(Failure, r => r).OrderByDescending(g => g.Count()).ThenBy(g => g.Key.Cause, StringComparer.Ordinal))
        {
            var first = group.First();
            error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {group.Count()} × {group.Key.Cause} ({first.Model}, e.g. {first.CaseId}): {Shorten(first.Error)}"));
            error.WriteLine($"      what to do: {group.Key.Advice}");
        }

        error.WriteLine("  Running the same command again asks only the failed cases again.");
        return failed.Count;
    }

    private static RequestFailure Failure(CaseResult result) =>
        RequestFailure.FromRecord(result.Metadata?.GetValueOrDefault(RequestFailure.MetadataKey), result.Error);

    private static string Shorten(string? text)
    {
        var line = (text ?? "no message").ReplaceLineEndings(" ");
        return line.Length <= MaxMessageChars ? line : line[..MaxMessageChars] + "…";
    }
}
