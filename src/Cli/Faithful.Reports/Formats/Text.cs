using System.Globalization;

namespace Faithful.Reports.Formats;

/// <summary>Formatting shared by the report writers.</summary>
public static class Text
{
    /// <summary>A share as a percentage; <c>n/a</c> for the NaN rate of a group with no scored cases.</summary>
    public static string Percent(double share) => double.IsNaN(share) ? "n/a" : (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    public static string Number(double value, string format = "0.###") => value.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>Cuts untrusted text to <paramref name="maxChars"/>, saying how much was cut.</summary>
    public static string Bound(string? text, int maxChars) => Bound(text, maxChars, text?.Length ?? 0);

    /// <summary>
    /// Cuts untrusted text to <paramref name="maxChars"/>, counting what is not shown from <paramref name="originalLength"/>:
    /// the text may itself be a cut of a longer original (replies are kept to 64 KiB).
    /// </summary>
    public static string Bound(string? text, int maxChars, int originalLength)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var whole = Math.Max(originalLength, text.Length);
        return whole <= maxChars ? text : text[..Math.Min(maxChars, text.Length)] + string.Create(CultureInfo.InvariantCulture, $"\n… ({whole - Math.Min(maxChars, text.Length)} more characters not shown)");
    }
}
