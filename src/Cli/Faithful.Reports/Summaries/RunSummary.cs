using Faithful.Traces.Results;
using Faithful.Traces.Scoring;

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
            .ThenBy(r => r.Protocol, StringComparer.Ordinal)
            .ThenBy(r => r.Length)
            .ThenBy(r => r.CaseId, StringComparer.Ordinal)
            .ToList();

        // With several protocols each (model, protocol) is its own series, so every plot and table shows them side by side.
        var hasProtocols = sorted.Any(r => r.Protocol is not null);
        var models = sorted
            .GroupBy(r => ProtocolNames.SeriesLabel(r, hasProtocols), StringComparer.Ordinal)
            .Select(g => Summarize(g.Key, g.ToList()))
            .ToList();
        return new RunSummary(models, sorted);
    }

    private static ModelSummary Summarize(string model, List<CaseResult> results) =>
        new(
            model,
            Scores.Summarize(results, $"model={model}"),
            Scores.KeyedBy(results, r => r.Length, Comparer<int>.Default, l => $"length={l}"),
            Scores.KeyedBy(results, r => r.LookBackDepth, Comparer<int>.Default, d => $"lookback={d}"),
            DivergenceHistogram.Of(results, DivergenceBins));
}
