using System.Globalization;
using System.Net;
using Faithful.Traces.Scoring;

namespace Faithful.Reports.Html;

/// <summary>Escaping, number formatting and colours shared by the hand-drawn SVG plots.</summary>
internal static class Svg
{
    private static readonly string[] ModelPalette = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf"];

    public static string Escape(string? text) => WebUtility.HtmlEncode(text ?? "");

    public static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string ModelColor(int index) => ModelPalette[index % ModelPalette.Length];

    public static string ModeColor(FailureMode mode) => mode switch
    {
        FailureMode.Correct => "#2ca02c",
        FailureMode.ArithmeticError => "#ff7f0e",
        FailureMode.MissingAnswer => "#7f7f7f",
        FailureMode.PrematureAnswer => "#d62728",
        FailureMode.SelfCorrection => "#9467bd",
        FailureMode.UnderExecuted => "#8c564b",
        FailureMode.HallucinatedSteps => "#e377c2",
        FailureMode.ReadoutError => "#bcbd22",
        FailureMode.StaleOperand => "#ffbb78",
        _ => "#17becf",
    };

    public static string Slug(string text)
    {
        var chars = text.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-').ToArray();
        return new string(chars).Trim('-');
    }
}
