namespace Faithful.Reports.Summaries;

/// <summary>A share of successes with its 95% Wilson score interval, which behaves at 0%, 100% and small n.</summary>
public sealed record Proportion(int Successes, int Trials, double Rate, double Low, double High)
{
    private const double Z = 1.959963984540054;

    public static Proportion Of(int successes, int trials)
    {
        if (trials <= 0)
        {
            return new Proportion(0, 0, 0, 0, 0);
        }

        var p = (double)successes / trials;
        var z2 = Z * Z;
        var denominator = 1 + z2 / trials;
        var centre = (p + z2 / (2 * trials)) / denominator;
        var half = Z * Math.Sqrt(p * (1 - p) / trials + z2 / (4.0 * trials * trials)) / denominator;
        return new Proportion(successes, trials, p, Math.Max(0, centre - half), Math.Min(1, centre + half));
    }
}

/// <summary>A mean with a 95% normal-approximation interval, clamped to [0, 1] for shares.</summary>
public sealed record Mean(double Value, int Count, double Low, double High)
{
    public static Mean OfShares(IReadOnlyCollection<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return new Mean(0, 0, 0, 0);
        }

        var mean = values.Average();
        if (values.Count == 1)
        {
            return new Mean(mean, 1, mean, mean);
        }

        var variance = values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1);
        var half = 1.959963984540054 * Math.Sqrt(variance / values.Count);
        return new Mean(mean, values.Count, Math.Max(0, mean - half), Math.Min(1, mean + half));
    }
}
