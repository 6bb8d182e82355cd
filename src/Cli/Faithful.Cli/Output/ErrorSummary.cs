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

    /// <summary>
    /// Prints the summary to <paramref name="error"/> from results read as a stream (it keeps a count and the first
    /// example per cause, not the results); returns the number of failed cases and of all cases.
    /// </summary>
    public static (int Failed, int Total) Print(IEnumerable<CaseResult> results, TextWriter error)
    {
        var total = 0;
        var causes = new Dictionary<RequestFailure, (int Count, CaseResult First)>();
        foreach (var result in results)
        {
            total++;
            if (result.Verdict is not null)
            {
                continue;
            }

            var cause = Failure(result);
            causes[cause] = causes.TryGetValue(cause, out var seen) ? (seen.Count + 1, seen.First) : (1, result);
        }

        var failed = causes.Values.Sum(c => c.Count);
        if (failed == 0)
        {
            return (0, total);
        }

        error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"error summary: {failed} of {total} cases failed ({total - failed} scored)"));
        foreach (var (cause, (count, first)) in causes.OrderByDescending(c => c.Value.Count).ThenBy(c => c.Key.Cause, StringComparer.Ordinal))
        {
            error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {count} × {cause.Cause} ({first.Model}, e.g. {first.CaseId}): {Shorten(first.Error)}"));
            error.WriteLine($"      what to do: {cause.Advice}");
        }

        error.WriteLine("  Running the same command again asks only the failed cases again.");
        return (failed, total);
    }

    private static RequestFailure Failure(CaseResult result) =>
        RequestFailure.FromRecord(result.Metadata?.GetValueOrDefault(RequestFailure.MetadataKey), result.Error);

    private static string Shorten(string? text)
    {
        var line = (text ?? "no message").ReplaceLineEndings(" ");
        return line.Length <= MaxMessageChars ? line : line[..MaxMessageChars] + "…";
    }
}
