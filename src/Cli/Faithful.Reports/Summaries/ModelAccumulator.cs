using Faithful.Traces.Results;
using Faithful.Traces.Scoring;

namespace Faithful.Reports.Summaries;

/// <summary>
/// One model's figures, gathered one case at a time: an accumulator overall, per program length and per look-back depth,
/// and counts of first divergent steps. Its size depends on the distinct lengths and depths, never on the number of cases.
/// </summary>
internal sealed class ModelAccumulator(string model)
{
    private readonly ScoreAccumulator _overall = new();
    private readonly Dictionary<int, ScoreAccumulator> _byLength = [];
    private readonly Dictionary<int, ScoreAccumulator> _byLookBack = [];
    private readonly Dictionary<int, int> _divergence = [];
    private int _neverDiverged;
    private int _longest;

    public string Model { get; } = model;

    public void Add(CaseResult result)
    {
        _overall.Add(result);
        Of(_byLength, result.Length).Add(result);
        Of(_byLookBack, result.LookBackDepth).Add(result);
        _longest = Math.Max(_longest, result.Length);
        if (result.Verdict is { } verdict)
        {
            if (verdict.FirstDivergence is { } step)
            {
                _divergence[step] = _divergence.GetValueOrDefault(step) + 1;
            }
            else
            {
                _neverDiverged++;
            }
        }
    }

    public ModelSummary ToSummary() => new(
        Model,
        _overall.ToSummary($"model={Model}"),
        Keyed(_byLength, "length"),
        Keyed(_byLookBack, "lookback"),
        DivergenceHistogram.FromCounts(_divergence, _neverDiverged, Math.Max(1, _longest), RunSummary.DivergenceBins),
        LengthGroups.Of(_byLength, $"model={Model}"));

    private static ScoreAccumulator Of(Dictionary<int, ScoreAccumulator> groups, int key)
    {
        if (!groups.TryGetValue(key, out var accumulator))
        {
            accumulator = new ScoreAccumulator();
            groups[key] = accumulator;
        }

        return accumulator;
    }

    private static List<KeyedSummary<int>> Keyed(Dictionary<int, ScoreAccumulator> groups, string name) =>
        groups.OrderBy(g => g.Key).Select(g => new KeyedSummary<int>(g.Key, g.Value.ToSummary($"{name}={g.Key}"))).ToList();
}
