using System.Globalization;
using System.Text;
using Faithful.Reports.Html;

namespace Faithful.Reports.Protocols;

/// <summary>
/// The paired difference in first-answer accuracy (protocol minus reference) against program length, as small
/// multiples: one panel per (model, protocol), each with its 95% band and a zero line for "no change", all sharing the
/// length axis and the −100%…+100% scale.
/// </summary>
internal static class ProtocolDifferenceChart
{
    private const string LineColor = Svg.Blue;

    /// <summary>The panels in a container with id <c>plot-protocols</c>.</summary>
    public static string Render(IReadOnlyList<ProtocolPair> pairs)
    {
        var lengths = pairs.SelectMany(p => p.ByLength.Select(c => c.Length)).Distinct().Order().ToList();
        var models = pairs.Select(p => p.Model).Distinct(StringComparer.Ordinal).Count();
        var html = new StringBuilder("<div class=\"plots small-multiples\" id=\"plot-protocols\">");
        foreach (var pair in pairs)
        {
            html.Append(Panel(pair, lengths, models > 1));
        }

        return html.Append("</div>").ToString();
    }

    private static string Panel(ProtocolPair pair, List<int> lengths, bool nameModel)
    {
        var frame = new PlotFrame(lengths.Count == 0 ? 0 : lengths[0], lengths.Count == 0 ? 1 : lengths[^1], -1, 1);
        var title = $"{pair.Candidate} − {pair.Baseline}{(nameModel ? $" ({pair.Model})" : "")}";
        var svg = PlotFrame.Open($"plot-protocols-{Svg.Slug(pair.Model)}-{Svg.Slug(pair.Candidate)}", $"First-answer accuracy of {pair.Candidate} minus {pair.Baseline} by program length: {pair.Model}", title);
        PlotFrame.Legend(svg, [
            ("difference", $"<line x1=\"0\" x2=\"20\" y1=\"0\" y2=\"0\" stroke=\"{LineColor}\" stroke-width=\"2\"/>"),
            ("no change", $"<line x1=\"0\" x2=\"20\" y1=\"0\" y2=\"0\" stroke=\"#333\" stroke-dasharray=\"2 3\"/>"),
        ]);
        frame.Axes(svg, 4, yPercent: true, "program length (steps)", "difference");
        svg.Append(CultureInfo.InvariantCulture, $"<line class=\"zero\" x1=\"{PlotFrame.Left}\" x2=\"{PlotFrame.Width - PlotFrame.Right}\" y1=\"{Svg.N(frame.Y(0))}\" y2=\"{Svg.N(frame.Y(0))}\" stroke=\"#333\" stroke-dasharray=\"2 3\"/>");
        var cells = pair.ByLength.Where(c => c.Figures.AccuracyDifference is not null && c.Figures.AccuracyDifferenceCi is [_, _]).ToList();
        if (cells.Count > 0)
        {
            var upper = cells.Select(c => $"{Svg.N(frame.X(c.Length))},{Svg.N(frame.Y(c.Figures.AccuracyDifferenceCi![1]))}");
            var lower = cells.AsEnumerable().Reverse().Select(c => $"{Svg.N(frame.X(c.Length))},{Svg.N(frame.Y(c.Figures.AccuracyDifferenceCi![0]))}");
            svg.Append(CultureInfo.InvariantCulture, $"<polygon class=\"band\" data-protocol=\"{Svg.Escape(pair.Candidate)}\" points=\"{string.Join(' ', upper.Concat(lower))}\" fill=\"{LineColor}\" fill-opacity=\"0.15\" stroke=\"none\"/>");
            var points = string.Join(' ', cells.Select(c => $"{Svg.N(frame.X(c.Length))},{Svg.N(frame.Y(c.Figures.AccuracyDifference!.Value))}"));
            svg.Append(CultureInfo.InvariantCulture, $"<polyline class=\"series\" data-model=\"{Svg.Escape(pair.Model)}\" data-protocol=\"{Svg.Escape(pair.Candidate)}\" points=\"{points}\" fill=\"none\" stroke=\"{LineColor}\" stroke-width=\"2\"/>");
            foreach (var cell in cells)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<circle class=\"point\" data-length=\"{cell.Length}\" cx=\"{Svg.N(frame.X(cell.Length))}\" cy=\"{Svg.N(frame.Y(cell.Figures.AccuracyDifference!.Value))}\" r=\"3\" fill=\"{LineColor}\"><title>{Svg.Escape(pair.Candidate)} at {cell.Length} steps: {ProtocolMarkdown.Points(cell.Figures.AccuracyDifference)} (n = {cell.Figures.SharedCases}, McNemar p = {ProtocolMarkdown.PValue(cell.Figures.McNemarP)})</title></circle>");
            }
        }

        return svg.Append("</svg>").ToString();
    }
}
