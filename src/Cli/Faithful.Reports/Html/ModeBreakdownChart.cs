using System.Globalization;
using System.Text;
using Faithful.Reports.Summaries;
using Faithful.Traces.Scoring;

namespace Faithful.Reports.Html;

/// <summary>Failure-mode breakdown by program length for one model: a 100% stacked bar per length.</summary>
internal static class ModeBreakdownChart
{
    public static string Render(ModelSummary model, int modelIndex)
    {
        var cells = model.ByLength.Where(c => c.Summary.Cases > 0).ToList();
        var frame = new PlotFrame(0, Math.Max(1, cells.Count), 0, 1);
        var svg = PlotFrame.Open($"plot-modes-{modelIndex}", $"Failure modes by program length: {model.Model}");
        frame.Axes(svg, [], 5, yPercent: true, "program length (steps)", "share of traces");
        var slot = PlotFrame.PlotWidth / Math.Max(1, cells.Count);
        var barWidth = Math.Max(2, slot * 0.8);
        for (var i = 0; i < cells.Count; i++)
        {
            var cell = cells[i];
            var x = frame.X(i) + (slot - barWidth) / 2;
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

            if (cells.Count <= 20 || i % (int)Math.Ceiling(cells.Count / 10.0) == 0)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text font-family=\"sans-serif\" font-size=\"11\" x=\"{Svg.N(x + barWidth / 2)}\" y=\"{PlotFrame.Height - PlotFrame.Bottom + 16}\" text-anchor=\"middle\">{cell.Key}</text>");
            }
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>The colour key shared by every breakdown chart.</summary>
    public static string Legend()
    {
        var html = new StringBuilder("<ul class=\"mode-legend\">");
        foreach (var mode in Enum.GetValues<FailureMode>())
        {
            html.Append(CultureInfo.InvariantCulture, $"<li><span class=\"swatch\" style=\"background:{Svg.ModeColor(mode)}\"></span>{mode}</li>");
        }

        return html.Append("</ul>").ToString();
    }
}
