using System.Globalization;
using System.Text;

namespace Faithful.Reports.Formats;

/// <summary>Formatting shared by the report writers.</summary>
public static class Text
{
    /// <summary>A share as a percentage; <c>n/a</c> for the NaN rate of a group with no scored cases.</summary>
    public static string Percent(double share) => double.IsNaN(share) ? "n/a" : (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    public static string Number(double value, string format = "0.###") => value.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>Cuts untrusted text to <paramref name="maxChars"/>, saying how much was cut.</summary>
    public static string Bound(string? text, int maxChars)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        return text.Length <= maxChars ? text : text[..maxChars] + $"\n… ({text.Length - maxChars} more characters not shown)";
    }

    /// <summary>Removes control characters other than tab and newline, which break XML and terminals.</summary>
    public static string StripControl(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\n' or '\t' || !char.IsControl(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Escapes text for a Markdown table cell.</summary>
    public static string MarkdownCell(string text) =>
        StripControl(text).Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("|", "\\|", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal)
            .Replace("`", "\\`", StringComparison.Ordinal)
            .Replace("\n", " ", StringComparison.Ordinal);
}
