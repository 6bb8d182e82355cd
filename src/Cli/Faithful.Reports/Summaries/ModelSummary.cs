namespace Faithful.Reports.Summaries;

/// <summary>A cell at one program length.</summary>
public sealed record LengthCell(int Length, CellSummary Summary);

/// <summary>A cell at one look-back depth.</summary>
public sealed record LookBackCell(int Depth, CellSummary Summary);

/// <summary>One bar of the first-divergence histogram: traces whose first wrong step lies in [<see cref="From"/>, <see cref="To"/>] (one-based step numbers).</summary>
public sealed record DivergenceBin(int From, int To, int Count);

/// <summary>Everything a report shows for one model.</summary>
public sealed record ModelSummary(
    string Model,
    CellSummary Overall,
    IReadOnlyList<LengthCell> ByLength,
    IReadOnlyList<LookBackCell> ByLookBack,
    IReadOnlyList<DivergenceBin> FirstDivergence,
    int NeverDiverged);
