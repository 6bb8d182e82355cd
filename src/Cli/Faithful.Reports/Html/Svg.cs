using System.Globalization;
using Faithful.Traces.Scoring;

namespace Faithful.Reports.Html;

/// <summary>
/// Escaping, number formatting and colours shared by the hand-drawn SVG plots. Colours are the Okabe–Ito palette,
/// which stays distinguishable with the common colour-vision deficiencies; lines also differ by dash, not by colour alone.
/// </summary>
internal static class Svg
{
    public const string Blue = "#0072B2";
    public const string Vermillion = "#D55E00";
    public const string BluishGreen = "#009E73";
    public const string ReddishPurple = "#CC79A7";
    public const string Orange = "#E69F00";
    public const string SkyBlue = "#56B4E9";
    public const string Grey = "#999999";
    public const string Yellow = "#F0E442";
    public const string Black = "#000000";

    public static string Escape(string? text) => Sanitising.HtmlText.Escape(text);

    public static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string ModeColor(FailureMode mode) => mode switch
    {
        FailureMode.Correct => BluishGreen,
        FailureMode.ArithmeticError => Orange,
        FailureMode.MissingAnswer => Grey,
        FailureMode.PrematureAnswer => Vermillion,
        FailureMode.SelfCorrection => ReddishPurple,
        FailureMode.UnderExecuted => Blue,
        FailureMode.HallucinatedSteps => SkyBlue,
        FailureMode.ReadoutError => Yellow,
        FailureMode.StaleOperand => Black,
        _ => Grey,
    };

    /// <summary>At most <paramref name="max"/> characters, cut with an ellipsis, so a long model name cannot push a title off its panel.</summary>
    public static string Shorten(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");

    public static string Slug(string text)
    {
        var chars = text.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-').ToArray();
        return new string(chars).Trim('-');
    }
}
