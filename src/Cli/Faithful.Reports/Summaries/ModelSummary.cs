using Faithful.Traces.Scoring;

namespace Faithful.Reports.Summaries;

/// <summary>Everything a report shows for one model; every figure comes from <see cref="Scores"/>.</summary>
public sealed record ModelSummary(
    string Model,
    ScoreSummary Overall,
    IReadOnlyList<KeyedSummary<int>> ByLength,
    IReadOnlyList<KeyedSummary<int>> ByLookBack,
    DivergenceHistogram FirstDivergence);
