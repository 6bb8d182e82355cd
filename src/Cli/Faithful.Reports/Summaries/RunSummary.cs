using Faithful.Traces.Results;

namespace Faithful.Reports.Summaries;

/// <summary>
/// The aggregation of a set of results, independent of the order they completed in:
/// results are sorted by model and case so that an interrupted-and-resumed run summarizes exactly like an uninterrupted one.
/// </summary>
public sealed record RunSummary(IReadOnlyList<ModelSummary> Models, IReadOnlyList<CaseResult> Results)
{
    /// <summary>How many first-divergence bins a histogram has at most.</summary>
    public const int DivergenceBins = 20;

    public static RunSummary Of(IEnumerable<CaseResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var sorted = results
            .OrderBy(r => r.Model, StringComparer.Ordinal)
            .ThenBy(r => r.Length)
            .ThenBy(r => r.CaseId, StringComparer.Ordinal)
            .ToList();
        var models = sorted
            .GroupBy(r => r.Model, StringComparer.Ordinal)
            .Select(g => Summarize(g.Key, g.ToList()))
            .ToList();
        return new RunSummary(models, sorted);
    }

    private static ModelSummary Summarize(string model, List<CaseResult> results)
    {
        var byLength = results.GroupBy(r => r.Length).OrderBy(g => g.Key)
            .Select(g => new LengthCell(g.Key, CellSummary.Of(g.ToList()))).ToList();
        var byLookBack = results.GroupBy(r => r.LookBackDepth).OrderBy(g => g.Key)
            .Select(g => new LookBackCell(g.Key, CellSummary.Of(g.ToList()))).ToList();
        var (bins, never) = Histogram(results);
        return new ModelSummary(model, CellSummary.Of(results), byLength, byLookBack, bins, never);
    }

    private static (IReadOnlyList<DivergenceBin> Bins, int Never) Histogram(List<CaseResult> results)
    {
        var verdicts = results.Where(r => r.Verdict is not null).Select(r => r.Verdict!).ToList();
        var never = verdicts.Count(v => v.FirstDivergence is null);
        var maxLength = results.Count == 0 ? 1 : Math.Max(1, results.Max(r => r.Length));
        var width = (int)Math.Ceiling(maxLength / (double)DivergenceBins);
        var binCount = (int)Math.Ceiling(maxLength / (double)width);
        var counts = new int[binCount];
        foreach (var verdict in verdicts)
        {
            if (verdict.FirstDivergence is { } index)
            {
                counts[Math.Clamp(index / width, 0, binCount - 1)]++;
            }
        }

        var bins = counts.Select((count, i) => new DivergenceBin(i * width + 1, Math.Min(maxLength, (i + 1) * width), count)).ToList();
        return (bins, never);
    }
}
