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
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBins);
        var verdicts = results.Where(r => r.Verdict is not null).Select(r => r.Verdict!).ToList();
        var never = verdicts.Count(v => v.FirstDivergence is null);
        var maxLength = results.Count == 0 ? 1 : Math.Max(1, results.Max(r => r.Length));
        var width = (int)Math.Ceiling(maxLength / (double)maxBins);
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
        return new DivergenceHistogram(bins, never);
    }
}
