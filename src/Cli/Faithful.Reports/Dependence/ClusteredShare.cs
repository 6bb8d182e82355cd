namespace Faithful.Reports.Dependence;

/// <summary>
/// A 95% interval for a share over probes that come in clusters (one case asked at several positions shares its
/// behaviour, so its probes are not independent): Wilson's interval on the effective count, the probe count divided by
/// the design effect that the between-case variance of the ratio estimate implies. With one probe per case it is
/// Wilson's interval.
/// </summary>
internal static class ClusteredShare
{
    private const double Z95 = 1.959963984540054;

    /// <param name="clusters">Per case: probes counted, and those among them that hit.</param>
    /// <returns>The interval, or null when nothing is counted.</returns>
    public static (double Low, double High)? Interval(IReadOnlyCollection<(int Counted, int Hits)> clusters)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        var used = clusters.Where(c => c.Counted > 0).ToList();
        double n = used.Sum(c => c.Counted);
        if (n == 0)
        {
            return null;
        }

        var p = used.Sum(c => c.Hits) / n;
        var effective = n;
        if (used.Count > 1 && used.Any(c => c.Counted > 1) && p is > 0 and < 1)
        {
            // Linearised variance of the ratio estimate over cases, against the variance if every probe were independent.
            var between = used.Count / (used.Count - 1.0) * used.Sum(c => Math.Pow(c.Hits - (p * c.Counted), 2)) / (n * n);
            var independent = p * (1 - p) / n;
            effective = n / Math.Max(1, between / independent);
        }

        var z2 = Z95 * Z95;
        var denominator = 1 + (z2 / effective);
        var center = (p + (z2 / (2 * effective))) / denominator;
        var half = Z95 / denominator * Math.Sqrt((p * (1 - p) / effective) + (z2 / (4 * effective * effective)));
        return (Math.Max(0, center - half), Math.Min(1, center + half));
    }
}
