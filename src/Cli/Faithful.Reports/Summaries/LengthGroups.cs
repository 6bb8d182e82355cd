using System.Globalization;
using Faithful.Traces.Scoring;

namespace Faithful.Reports.Summaries;

/// <summary>Cases of one or more neighbouring program lengths, summarized together.</summary>
/// <param name="From">Shortest length in the group.</param>
/// <param name="To">Longest length in the group.</param>
/// <param name="Length">Where the group sits on a length axis: the case-weighted mean length, rounded.</param>
public sealed record LengthGroup(int From, int To, int Length, ScoreSummary Summary)
{
    public string Label => From == To ? From.ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{From}–{To}");
}

/// <summary>
/// How reports group program lengths so that plots and tables stay readable whatever the suite: each length on its own
/// while a model has at most <see cref="MaxSeparateLengths"/> of them (the study grid has 11), else powers-of-two
/// bins (1, 2–3, 4–7, …, 8192–16383): at most 15 groups for programs of up to 10,000 steps.
/// </summary>
public static class LengthGroups
{
    public const int MaxSeparateLengths = 24;

    /// <summary>The power-of-two bin of a length (0 for lengths 0 and 1, 1 for 2–3, 2 for 4–7, …).</summary>
    public static int BinOf(int length) => length <= 1 ? 0 : 31 - int.LeadingZeroCount(length);

    public static (int From, int To) BinRange(int bin) => bin == 0 ? (0, 1) : (1 << bin, (1 << (bin + 1)) - 1);

    /// <summary>Groups per-length accumulators as described above.</summary>
    public static IReadOnlyList<LengthGroup> Of(IReadOnlyDictionary<int, ScoreAccumulator> byLength, string label)
    {
        ArgumentNullException.ThrowIfNull(byLength);
        var lengths = byLength.Keys.Order().ToList();
        var groups = lengths.Count <= MaxSeparateLengths
            ? lengths.Select(l => new[] { l })
            : lengths.GroupBy(BinOf).Select(g => g.ToArray());
        return groups.Select(members =>
        {
            var merged = new ScoreAccumulator();
            long weighted = 0, cases = 0;
            foreach (var length in members)
            {
                var accumulator = byLength[length];
                merged.Merge(accumulator);
                var total = accumulator.Cases + accumulator.Errors;
                weighted += (long)length * total;
                cases += total;
            }

            var from = members[0];
            var to = members[^1];
            var center = cases == 0 ? from : (int)Math.Round((double)weighted / cases, MidpointRounding.AwayFromZero);
            var name = from == to ? $"length={from}" : $"length={from}-{to}";
            return new LengthGroup(from, to, center, merged.ToSummary($"{label}, {name}"));
        }).ToList();
    }
}
