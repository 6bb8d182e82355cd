using Faithful.Reports.RunFiles.Streaming;
using Faithful.Traces.Results;

namespace Faithful.Reports.Summaries;

/// <summary>Where a result was read from, so that a sampled one can be read again in full at the end.</summary>
public sealed record CaseLocation(RunFileIndex File, long Offset, int Line);

/// <summary>A result picked for the drill-down, and why.</summary>
/// <param name="Result">The result (its full verdict, once recovered).</param>
/// <param name="Group">The group it represents: model and length range.</param>
/// <param name="Pick"><c>worst</c> (lowest step faithfulness in its group, failed requests first) or <c>random</c>.</param>
/// <param name="Problem">Why its per-step table could not be recovered, or null.</param>
public sealed record SampledCase(CaseResult Result, string Group, string Pick, string? Problem = null)
{
    /// <summary>The series it belongs to: the model, or <c>model [protocol]</c> in a run that compares protocols.</summary>
    public string Series { get; init; } = Result.Model;
}

/// <summary>
/// Picks the drill-down: for each (model, power-of-two length bin) group, its worst cases (failed requests first, then
/// lowest step faithfulness, wrong first answers first) and a few at random (smallest SHA-256 of the result key, so the
/// pick is the same whatever order cases arrive in, and for a run merged from shards). At most
/// <see cref="MaxPerGroup"/> per group, and <see cref="MaxTotal"/> in all: with more groups than that allows, each gets
/// fewer, worst first. Memory: a handful of candidates per group, never the cases.
/// </summary>
internal sealed class DrillDownSampler(int maxTotal)
{
    public const int MaxPerGroup = 5;

    private readonly Dictionary<(string Model, int Bin), Group> _groups = [];

    public int MaxTotal { get; } = Math.Max(0, maxTotal);

    public void Add(CaseResult result, CaseLocation? where, string series)
    {
        if (MaxTotal == 0)
        {
            return;
        }

        var key = (series, LengthGroups.BinOf(result.Length));
        if (!_groups.TryGetValue(key, out var group))
        {
            group = new Group();
            _groups[key] = group;
        }

        // With a location the line is read again at the end; holding the reply meanwhile would cost memory for nothing.
        var kept = where is null ? result : result with { Reply = "", Metadata = null };
        group.Offer(new Candidate(kept, where, ResultKeyHash.Of(RunFiles.RunFile.KeyOf(result)), series));
    }

    /// <summary>The picks, by model, then length, worst first within a group.</summary>
    public IReadOnlyList<(Candidate Candidate, string Group, string Pick)> Picks()
    {
        var picks = new List<(Candidate, string, string)>();
        if (_groups.Count == 0)
        {
            return picks;
        }

        var perGroup = Math.Clamp(MaxTotal / _groups.Count, 1, MaxPerGroup);
        var randomCount = perGroup / 2;
        var worstCount = perGroup - randomCount;
        foreach (var ((model, bin), group) in _groups.OrderBy(g => g.Key.Model, StringComparer.Ordinal).ThenBy(g => g.Key.Bin))
        {
            if (picks.Count >= MaxTotal)
            {
                break;
            }

            var (from, to) = LengthGroups.BinRange(bin);
            var label = $"{model}, lengths {from}–{to}";
            var worst = group.Worst.Take(worstCount).ToList();
            picks.AddRange(worst.Select(c => (c, label, "worst")));
            var chosen = worst.Select(c => c.Hash).ToHashSet();
            picks.AddRange(group.ByHash.Where(c => !chosen.Contains(c.Hash)).Take(randomCount).Select(c => (c, label, "random")));
        }

        return picks.Take(MaxTotal).ToList();
    }

    internal sealed record Candidate(CaseResult Result, CaseLocation? Where, UInt128 Hash, string Series)
    {
        // Failed requests first, then the least faithful, wrong first answers before right ones; the hash breaks ties.
        public (int, double, int) Badness => Result.Verdict is { } v ? (1, v.StepFaithfulness, v.FirstAnswerCorrect ? 1 : 0) : (0, 0, 0);
    }

    private sealed class Group
    {
        private static readonly Comparer<Candidate> WorstFirst = Comparer<Candidate>.Create((a, b) =>
            a.Badness.CompareTo(b.Badness) is var c and not 0 ? c : a.Hash.CompareTo(b.Hash));

        private static readonly Comparer<Candidate> SmallestHash = Comparer<Candidate>.Create((a, b) => a.Hash.CompareTo(b.Hash));

        public SortedSet<Candidate> Worst { get; } = new(WorstFirst);

        public SortedSet<Candidate> ByHash { get; } = new(SmallestHash);

        public void Offer(Candidate candidate)
        {
            Keep(Worst, candidate, MaxPerGroup);

            // Enough smallest hashes to fill the random picks after the worst ones are set aside.
            Keep(ByHash, candidate, 2 * MaxPerGroup);
        }

        private static void Keep(SortedSet<Candidate> set, Candidate candidate, int size)
        {
            set.Add(candidate);
            if (set.Count > size)
            {
                set.Remove(set.Max!);
            }
        }
    }
}
