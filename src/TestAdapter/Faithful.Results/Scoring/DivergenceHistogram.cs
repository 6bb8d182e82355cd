using Faithful.Traces.Results;

namespace Faithful.Traces.Scoring;

/// <summary>One bar of the first-divergence histogram: traces whose first wrong step lies in [<see cref="From"/>, <see cref="To"/>] (one-based step numbers).</summary>
public sealed record DivergenceBin(int From, int To, int Count);

/// <summary>Where traces first go wrong: equal-width bins over the step positions, and the traces that never diverged.</summary>
public sealed record DivergenceHistogram(IReadOnlyList<DivergenceBin> Bins, int NeverDiverged)
{
    /// <summary>
    /// Bins the first divergent step of every case with a verdict; bins are as narrow as possible while keeping
    /// at most <paramref name="maxBins"/> of them over the longest program. Cases without a verdict are left out.
    /// </summary>
    public static DivergenceHistogram Of(IReadOnlyCollection<CaseResult> results, int maxBins)
    {
        ArgumentNullException.ThrowIfNull(results);
        var counts = new Dictionary<int, int>();
        var never = 0;
        foreach (var verdict in results.Where(r => r.Verdict is not null).Select(r => r.Verdict!))
        {
            if (verdict.FirstDivergence is { } index)
            {
                counts[index] = counts.GetValueOrDefault(index) + 1;
            }
            else
            {
                never++;
            }
        }

        return FromCounts(counts, never, results.Count == 0 ? 1 : results.Max(r => r.Length), maxBins);
    }

    /// <summary>
    /// The histogram from counts by first divergent step index (what a streaming report keeps: one entry per step
    /// position, not per case); <paramref name="longestProgram"/> is the longest program's length among all the cases.
    /// </summary>
    public static DivergenceHistogram FromCounts(IReadOnlyDictionary<int, int> countsByStep, int neverDiverged, int longestProgram, int maxBins)
    {
        ArgumentNullException.ThrowIfNull(countsByStep);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBins);
        var maxLength = Math.Max(1, longestProgram);
        var width = (int)Math.Ceiling(maxLength / (double)maxBins);
        var binCount = (int)Math.Ceiling(maxLength / (double)width);
        var counts = new int[binCount];
        foreach (var (index, count) in countsByStep)
        {
            counts[Math.Clamp(index / width, 0, binCount - 1)] += count;
        }

        var bins = counts.Select((count, i) => new DivergenceBin(i * width + 1, Math.Min(maxLength, (i + 1) * width), count)).ToList();
        return new DivergenceHistogram(bins, neverDiverged);
    }
}
