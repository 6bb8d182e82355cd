using Faithful.Traces.Scoring;

namespace Faithful.Reports.Summaries;

/// <summary>Everything a report shows for one model; every figure comes from <see cref="Scores"/> (<see cref="ScoreAccumulator"/>).</summary>
/// <param name="ByLength">One summary per distinct program length (the JSON report and gates).</param>
/// <param name="LengthGroups">Lengths grouped for plots and tables (<see cref="Summaries.LengthGroups"/>): bounded whatever the suite.</param>
public sealed record ModelSummary(
    string Model,
    ScoreSummary Overall,
    IReadOnlyList<KeyedSummary<int>> ByLength,
    IReadOnlyList<KeyedSummary<int>> ByLookBack,
    DivergenceHistogram FirstDivergence,
    IReadOnlyList<LengthGroup> LengthGroups);
