using System.Globalization;
using System.Text;
using Faithful.Reports.Html;

namespace Faithful.Reports.Protocols;

/// <summary>
/// The paired difference in first-answer accuracy (protocol minus reference) against program length, one line per
/// protocol with its 95% band, a zero line for "no change".
/// </summary>
internal static class ProtocolDifferenceChart
{
    public static string Render(IReadOnlyList<ProtocolPair> pairs, string model)
    {
        var lengths = pairs.SelectMany(p => p.ByLength.Select(c => c.Length)).Distinct().Order().ToList();
        var frame = new PlotFrame(lengths.Count == 0 ? 0 : lengths[0], lengths.Count == 0 ? 1 : lengths[^1], -1, 1);
        var svg = PlotFrame.Open($"plot-protocols-{Svg.Slug(model)}", $"First-answer accuracy against {(pairs.Count > 0 ? pairs[0].Baseline : "the reference")}, by program length: {model}");
        frame.Axes(svg, PlotFrame.Ticks(lengths), 4, yPercent: true, "program length (steps)", "difference in first-answer accuracy");
        svg.Append(CultureInfo.InvariantCulture, $"<line class=\"zero\" x1=\"{PlotFrame.Left}\" x2=\"{PlotFrame.Width - PlotFrame.Right}\" y1=\"{Svg.N(frame.Y(0))}\" y2=\"{Svg.N(frame.Y(0))}\" stroke=\"#333\" stroke-dasharray=\"2 3\"/>");
        for (var i = 0; i < pairs.Count; i++)
        {
            var pair = pairs[i];
            var color = Svg.ModelColor(i);
            var cells = pair.ByLength.Where(c => c.Figures.AccuracyDifference is not null && c.Figures.AccuracyDifferenceCi is [_, _]).ToList();
            if (cells.Count == 0)
            {
                continue;
            }

            var upper = cells.Select(c => $"{Svg.N(frame.X(c.Length))},{Svg.N(frame.Y(c.Figures.AccuracyDifferenceCi![1]))}");
            var lower = cells.AsEnumerable().Reverse().Select(c => $"{Svg.N(frame.X(c.Length))},{Svg.N(frame.Y(c.Figures.AccuracyDifferenceCi![0]))}");
            svg.Append(CultureInfo.InvariantCulture, $"<polygon class=\"band\" data-protocol=\"{Svg.Escape(pair.Candidate)}\" points=\"{string.Join(' ', upper.Concat(lower))}\" fill=\"{color}\" fill-opacity=\"0.1\" stroke=\"none\"/>");
            var points = string.Join(' ', cells.Select(c => $"{Svg.N(frame.X(c.Length))},{Svg.N(frame.Y(c.Figures.AccuracyDifference!.Value))}"));
            svg.Append(CultureInfo.InvariantCulture, $"<polyline class=\"series\" data-protocol=\"{Svg.Escape(pair.Candidate)}\" points=\"{points}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"2\"/>");
            foreach (var cell in cells)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{Svg.N(frame.X(cell.Length))}\" cy=\"{Svg.N(frame.Y(cell.Figures.AccuracyDifference!.Value))}\" r=\"3\" fill=\"{color}\"><title>{Svg.Escape(pair.Candidate)} at {cell.Length} steps: {ProtocolMarkdown.Points(cell.Figures.AccuracyDifference)} (n = {cell.Figures.SharedCases}, McNemar p = {ProtocolMarkdown.PValue(cell.Figures.McNemarP)})</title></circle>");
            }
        }

        Legend(svg, pairs);
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static void Legend(StringBuilder svg, IReadOnlyList<ProtocolPair> pairs)
    {
        var y = PlotFrame.Top + 4;
        var x = PlotFrame.Width - PlotFrame.Right - 190;
        svg.Append("<g class=\"legend\" font-family=\"sans-serif\" font-size=\"11\">");
        for (var i = 0; i < pairs.Count; i++)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x}\" x2=\"{x + 18}\" y1=\"{y}\" y2=\"{y}\" stroke=\"{Svg.ModelColor(i)}\" stroke-width=\"2\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 22}\" y=\"{y + 4}\">{Svg.Escape(pairs[i].Candidate)}</text>");
            y += 14;
        }

        svg.Append("</g>");
    }
}
