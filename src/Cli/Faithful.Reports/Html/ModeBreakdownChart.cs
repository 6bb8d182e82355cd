using System.Globalization;
using System.Text;
using Faithful.Reports.Summaries;
using Faithful.Traces.Scoring;

namespace Faithful.Reports.Html;

/// <summary>
/// Failure-mode breakdown by program length for one model: a 100% stacked bar at each length, placed on a true
/// numeric length axis (lengths 20 and 21 sit side by side, 20 and 50 far apart), in a panel titled with the model.
/// </summary>
internal static class ModeBreakdownChart
{
    /// <param name="lengths">Every length in the run, so all models' panels share one axis.</param>
    public static string Render(ModelSummary model, int modelIndex, IReadOnlyList<int> lengths)
    {
        var cells = model.PlotCells().Where(c => c.Summary.Cases > 0).ToList();
        var frame = new PlotFrame(lengths.Count == 0 ? 0 : lengths[0], lengths.Count == 0 ? 1 : lengths[^1], 0, 1);
        var svg = PlotFrame.Open($"plot-modes-{modelIndex}", $"Failure modes by program length: {model.Model}", model.Model);
        frame.Axes(svg, 5, yPercent: true, "program length (steps)", "share of traces");
        foreach (var cell in cells)
        {
            var barWidth = BarWidth(frame, lengths, cell.Key);
            var x = frame.X(cell.Key) - barWidth / 2;
            var cumulative = 0.0;
            foreach (var mode in Enum.GetValues<FailureMode>())
            {
                var count = cell.Summary.Modes.GetValueOrDefault(mode);
                if (count == 0)
                {
                    continue;
                }

                var share = (double)count / cell.Summary.Cases;
                var top = frame.Y(cumulative + share);
                var height = frame.Y(cumulative) - top;
                svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar\" data-mode=\"{mode}\" data-length=\"{cell.Key}\" x=\"{Svg.N(x)}\" y=\"{Svg.N(top)}\" width=\"{Svg.N(barWidth)}\" height=\"{Svg.N(height)}\" fill=\"{Svg.ModeColor(mode)}\"><title>{cell.Key} steps · {mode}: {count} of {cell.Summary.Cases} ({Svg.N(share * 100)}%)</title></rect>");
                cumulative += share;
            }
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>The colour key shared by every breakdown panel, outside them.</summary>
    public static string Legend()
    {
        var html = new StringBuilder("<ul class=\"mode-legend\">");
        foreach (var mode in Enum.GetValues<FailureMode>())
        {
            html.Append(CultureInfo.InvariantCulture, $"<li><span class=\"swatch\" style=\"background:{Svg.ModeColor(mode)}\"></span>{mode}</li>");
        }

        return html.Append("</ul>").ToString();
    }

    // A bar fills most of the gap to its nearest neighbouring length, so 20 and 21 never overlap while lone lengths stay
    // wide enough to read; between 1.5 and 24 pixels.
    private static double BarWidth(PlotFrame frame, IReadOnlyList<int> lengths, int length)
    {
        var gap = lengths.Where(l => l != length).Select(l => Math.Abs(l - length)).DefaultIfEmpty(int.MaxValue).Min();
        return Math.Clamp(Math.Min(gap * frame.XScale, PlotFrame.PlotWidth) * 0.8, 1.5, 24);
    }
}
