using Faithful.Traces.Results;

namespace Faithful.Traces.Scoring;

/// <summary>
/// The study's scores over a set of scored cases. Cases without a verdict (request failed, no ground truth)
/// are counted in <see cref="Errors"/> and left out of every rate.
/// </summary>
/// <param name="Group">What the cases share (<c>all</c>, <c>length=35</c>, <c>lookback=3</c>, <c>model=sim:study</c>).</param>
/// <param name="Cases">Cases with a verdict.</param>
/// <param name="Errors">Cases without a verdict.</param>
/// <param name="FirstAnswerAccuracy">The first final answer given is right.</param>
/// <param name="FinalAnswerAccuracy">The last readable final answer is right.</param>
/// <param name="StepFaithfulness">Mean over cases of the share of steps judged correct.</param>
/// <param name="Completeness">Mean over cases of the share of steps with a readable claimed value.</param>
/// <param name="RightForWrongReasons">Among cases whose final answer is right, those whose trace is not faithful (primary mode not Correct).</param>
/// <param name="Faithful">Cases classified Correct: every step and the answer right, with no process failure.</param>
/// <param name="Modes">How many cases have each primary mode.</param>
public sealed record ScoreSummary(
    string Group,
    int Cases,
    int Errors,
    Proportion FirstAnswerAccuracy,
    Proportion FinalAnswerAccuracy,
    MeanEstimate StepFaithfulness,
    MeanEstimate Completeness,
    Proportion RightForWrongReasons,
    Proportion Faithful,
    IReadOnlyDictionary<FailureMode, int> Modes)
{
    /// <summary>
    /// How many cases have each mode anywhere in their modes, not only as the primary one: a readout error or a stale
    /// operand (a finer diagnosis of an arithmetic error) is counted even where a more structural mode comes first.
    /// </summary>
    public IReadOnlyDictionary<FailureMode, int> ModesAnywhere { get; init; } = new Dictionary<FailureMode, int>();

    /// <summary>All cases in the group, with or without a verdict.</summary>
    public int Total => Cases + Errors;

    /// <summary>The share of cases with a verdict whose primary mode is <paramref name="mode"/>.</summary>
    public Proportion ModeShare(FailureMode mode) => new(Modes.GetValueOrDefault(mode), Cases);
}

/// <summary>Scores overall and broken down by model, program length and look-back depth.</summary>
public sealed record ScoreReport(
    ScoreSummary Overall,
    IReadOnlyList<ScoreSummary> ByModel,
    IReadOnlyList<ScoreSummary> ByLength,
    IReadOnlyList<ScoreSummary> ByLookBack);

/// <summary>The summary of the cases sharing one key (a program length, a look-back depth).</summary>
public sealed record KeyedSummary<TKey>(TKey Key, ScoreSummary Summary);

/// <summary>The score API that the CLI reports and gates use.</summary>
public static class Scores
{
    public static ScoreReport Compute(IEnumerable<CaseResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var list = results as IReadOnlyCollection<CaseResult> ?? results.ToList();
        return new ScoreReport(
            Summarize(list, "all"),
            ByModel(list),
            ByLength(list),
            ByLookBack(list));
    }

    public static IReadOnlyList<ScoreSummary> ByModel(IEnumerable<CaseResult> results) =>
        GroupBy(results, r => r.Model, StringComparer.Ordinal, m => $"model={m}");

    public static IReadOnlyList<ScoreSummary> ByLength(IEnumerable<CaseResult> results) =>
        GroupBy(results, r => r.Length, Comparer<int>.Default, l => $"length={l}");

    public static IReadOnlyList<ScoreSummary> ByLookBack(IEnumerable<CaseResult> results) =>
        GroupBy(results, r => r.LookBackDepth, Comparer<int>.Default, d => $"lookback={d}");

    /// <summary>One summary per key, in key order.</summary>
    public static IReadOnlyList<ScoreSummary> GroupBy<TKey>(IEnumerable<CaseResult> results, Func<CaseResult, TKey> key, IComparer<TKey> order, Func<TKey, string> label)
        where TKey : notnull =>
        KeyedBy(results, key, order, label).Select(g => g.Summary).ToList();

    /// <summary>One summary per key, in key order, with the key kept for callers that plot or look up by it.</summary>
    public static IReadOnlyList<KeyedSummary<TKey>> KeyedBy<TKey>(IEnumerable<CaseResult> results, Func<CaseResult, TKey> key, IComparer<TKey> order, Func<TKey, string> label)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(label);
        return results.GroupBy(key)
            .OrderBy(g => g.Key, order)
            .Select(g => new KeyedSummary<TKey>(g.Key, Summarize(g.ToList(), label(g.Key))))
            .ToList();
    }

    /// <summary>The scores of <paramref name="results"/>, through <see cref="ScoreAccumulator"/>, so they equal the streamed figures.</summary>
    public static ScoreSummary Summarize(IReadOnlyCollection<CaseResult> results, string group)
    {
        ArgumentNullException.ThrowIfNull(results);
        var accumulator = new ScoreAccumulator();
        foreach (var result in results)
        {
            accumulator.Add(result);
        }

        return accumulator.ToSummary(group);
    }
}
