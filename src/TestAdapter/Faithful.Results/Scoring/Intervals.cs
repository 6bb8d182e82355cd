namespace Faithful.Traces.Scoring;

/// <summary>A two-sided 95% confidence interval.</summary>
public readonly record struct Interval(double Low, double High)
{
    /// <summary>The interval cut to [<paramref name="min"/>, <paramref name="max"/>]: a mean of shares cannot leave [0, 1] whatever its t interval says.</summary>
    public Interval Within(double min, double max) => new(Math.Clamp(Low, min, max), Math.Clamp(High, min, max));

    public override string ToString() => FormattableString.Invariant($"[{Low:0.000}, {High:0.000}]");
}

/// <summary>A count of successes out of a total, with its Wilson score interval.</summary>
public sealed record Proportion(int Successes, int Total)
{
    /// <summary>The observed rate, or NaN when there are no cases.</summary>
    public double Rate => Total == 0 ? double.NaN : (double)Successes / Total;

    public Interval Ci95 => Intervals.Wilson(Successes, Total);

    public override string ToString() => FormattableString.Invariant($"{Rate:0.000} {Ci95} ({Successes}/{Total})");
}

/// <summary>A sample mean with its Student-t interval.</summary>
public sealed record MeanEstimate(double Mean, double StandardDeviation, int Count)
{
    public Interval Ci95 => Intervals.StudentT(Mean, StandardDeviation, Count);

    public static MeanEstimate Of(IReadOnlyCollection<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return new MeanEstimate(double.NaN, double.NaN, 0);
        }

        var mean = values.Average();
        var variance = values.Count > 1 ? values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1) : 0;
        return new MeanEstimate(mean, Math.Sqrt(variance), values.Count);
    }

    public override string ToString() => FormattableString.Invariant($"{Mean:0.000} {Ci95} (n={Count})");
}

/// <summary>Interval formulas.</summary>
public static class Intervals
{
    private const double Z95 = 1.959963984540054;

    /// <summary>Wilson score interval for a binomial proportion: well-behaved near 0, 1 and for small n.</summary>
    public static Interval Wilson(int successes, int total)
    {
        if (total <= 0)
        {
            return new Interval(0, 1);
        }

        double n = total, p = (double)successes / total, z2 = Z95 * Z95;
        var denominator = 1 + z2 / n;
        var center = (p + z2 / (2 * n)) / denominator;
        var half = Z95 / denominator * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        return new Interval(Math.Max(0, center - half), Math.Min(1, center + half));
    }

    /// <summary>Student-t interval for a mean; a single value gives a zero-width interval at the value.</summary>
    public static Interval StudentT(double mean, double standardDeviation, int count)
    {
        if (count <= 1 || double.IsNaN(mean))
        {
            return new Interval(mean, mean);
        }

        var half = TQuantile975(count - 1) * standardDeviation / Math.Sqrt(count);
        return new Interval(mean - half, mean + half);
    }

    // 97.5% quantiles of Student's t for 1..30 degrees of freedom (standard tables).
    private static readonly double[] TTable975 =
    [
        12.7062, 4.3027, 3.1824, 2.7764, 2.5706, 2.4469, 2.3646, 2.3060, 2.2622, 2.2281,
        2.2010, 2.1788, 2.1604, 2.1448, 2.1314, 2.1199, 2.1098, 2.1009, 2.0930, 2.0860,
        2.0796, 2.0739, 2.0687, 2.0639, 2.0595, 2.0555, 2.0518, 2.0484, 2.0452, 2.0423,
    ];

    /// <summary>The 97.5% quantile of Student's t: tabulated up to 30 degrees of freedom, a Cornish–Fisher expansion beyond (error under 0.01%).</summary>
    public static double TQuantile975(int degreesOfFreedom)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(degreesOfFreedom);
        if (degreesOfFreedom <= TTable975.Length)
        {
            return TTable975[degreesOfFreedom - 1];
        }

        double z = Z95, df = degreesOfFreedom;
        double z3 = z * z * z, z5 = z3 * z * z, z7 = z5 * z * z;
        return z
            + (z3 + z) / (4 * df)
            + (5 * z5 + 16 * z3 + 3 * z) / (96 * df * df)
            + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df * df * df);
    }
}
