using System.Globalization;
using Faithful.Reports.Summaries;

namespace Faithful.Reports.Html;

/// <summary>Where traces first go wrong: a histogram of the first divergent step for one model.</summary>
internal static class DivergenceChart
{
    public static string Render(ModelSummary model, int modelIndex)
    {
        var bins = model.FirstDivergence.Bins;
        // Round the axis up to a multiple of 4 so the four grid lines fall on whole counts.
        var max = (int)Math.Ceiling(Math.Max(1, bins.Count == 0 ? 1 : bins.Max(b => b.Count)) / 4.0) * 4;
        var frame = new PlotFrame(0, Math.Max(1, bins.Count), 0, max);
        var svg = PlotFrame.Open($"plot-divergence-{modelIndex}", $"First divergent step: {model.Model}");
        frame.Axes(svg, [], 4, yPercent: false, $"step of first divergence ({model.FirstDivergence.NeverDiverged} traces never diverged)", "traces");
        var slot = PlotFrame.PlotWidth / Math.Max(1, bins.Count);
        var color = Svg.ModelColor(modelIndex);
        for (var i = 0; i < bins.Count; i++)
        {
            var bin = bins[i];
            var x = frame.X(i) + slot * 0.1;
            var top = frame.Y(bin.Count);
            var range = bin.From == bin.To ? $"{bin.From}" : $"{bin.From}–{bin.To}";
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar\" data-from=\"{bin.From}\" data-to=\"{bin.To}\" data-count=\"{bin.Count}\" x=\"{Svg.N(x)}\" y=\"{Svg.N(top)}\" width=\"{Svg.N(slot * 0.8)}\" height=\"{Svg.N(frame.Y(0) - top)}\" fill=\"{color}\"><title>steps {range}: {bin.Count} traces</title></rect>");
            if (bins.Count <= 20 || i % 2 == 0)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text font-family=\"sans-serif\" font-size=\"10\" x=\"{Svg.N(x + slot * 0.4)}\" y=\"{PlotFrame.Height - PlotFrame.Bottom + 16}\" text-anchor=\"middle\">{range}</text>");
            }
        }

        svg.Append("</svg>");
        return svg.ToString();
    }
}
