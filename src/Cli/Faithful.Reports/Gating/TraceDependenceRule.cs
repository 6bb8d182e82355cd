using System.Globalization;

namespace Faithful.Reports.Gating;

/// <summary>
/// <c>--min-trace-dependence X[@L]</c>: for every model that ran <c>corrupt-prefix</c>, the share of decisive probes whose
/// answer moved with the altered step must be at least <see cref="MinDependence"/>, at program length <see cref="Length"/>
/// or over all lengths.
/// </summary>
public sealed record TraceDependenceRule(double MinDependence, int? Length)
{
    /// <exception cref="FormatException">Not <c>share[@length]</c> with a share between 0 and 1; the message shows the form.</exception>
    public static TraceDependenceRule Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var at = text.IndexOf('@', StringComparison.Ordinal);
        var shareText = at < 0 ? text : text[..at];
        if (!double.TryParse(shareText, NumberStyles.Float, CultureInfo.InvariantCulture, out var share) || share is < 0 or > 1)
        {
            throw new FormatException($"'{text}' is not SHARE[@LENGTH] with a share between 0 and 1 (e.g. 0.8: the answer moves with an altered step in at least 80% of decisive probes; 0.8@95: at 95 steps).");
        }

        int? length = null;
        if (at >= 0)
        {
            if (!int.TryParse(text[(at + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var l) || l < 1)
            {
                throw new FormatException($"'{text}': '{text[(at + 1)..]}' is not a program length (a positive number of steps).");
            }

            length = l;
        }

        return new TraceDependenceRule(share, length);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{MinDependence}{(Length is { } l ? $"@{l}" : "")}");
}
