using System.Globalization;

namespace Faithful.Reports.Gating;

/// <summary>
/// A gate rule between two protocols: <see cref="Candidate"/> must beat <see cref="Baseline"/> in first-answer accuracy
/// by at least <see cref="MinDifference"/> (a share; negative allows a bounded loss) on the cases both scored, at
/// program length <see cref="Length"/> or over all lengths. Written <c>checkpointed:single=0.2@95</c>.
/// </summary>
public sealed record ProtocolRule(string Candidate, string Baseline, double MinDifference, int? Length)
{
    /// <exception cref="FormatException">Not <c>candidate:baseline=difference[@length]</c>; the message shows the form.</exception>
    public static ProtocolRule Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        var at = text.IndexOf('@', StringComparison.Ordinal);
        var differenceText = equals < 0 ? "" : at < 0 ? text[(equals + 1)..] : text[(equals + 1)..Math.Max(equals + 1, at)];
        if (colon <= 0 || equals <= colon + 1
            || !double.TryParse(differenceText, NumberStyles.Float, CultureInfo.InvariantCulture, out var difference) || difference is < -1 or > 1)
        {
            throw new FormatException($"'{text}' is not CANDIDATE:BASELINE=DIFFERENCE[@LENGTH] with a difference between -1 and 1 (e.g. checkpointed:single=0.2@95: checkpointed beats single by at least 20 points of first-answer accuracy at 95 steps).");
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

        return new ProtocolRule(text[..colon].Trim(), text[(colon + 1)..equals].Trim(), difference, length);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Candidate}:{Baseline}={MinDifference}{(Length is { } l ? $"@{l}" : "")}");
}
