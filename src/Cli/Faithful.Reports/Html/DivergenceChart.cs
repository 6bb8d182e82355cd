using System.Globalization;
using Faithful.Reports.Summaries;

namespace Faithful.Reports.Html;

/// <summary>Where traces first go wrong: a histogram of the first divergent step for one model, on a numeric step axis.</summary>
internal static class DivergenceChart
{
    public static string Render(ModelSummary model, int modelIndex)
    {
        var bins = model.FirstDivergence.Bins;
        // Round the axis up to a multiple of 4 so the four grid lines fall on whole counts.
        var max = (int)Math.Ceiling(Math.Max(1, bins.Count == 0 ? 1 : bins.Max(b => b.Count)) / 4.0) * 4;
        var frame = new PlotFrame(bins.Count == 0 ? 0 : bins[0].From - 0.5, bins.Count == 0 ? 1 : bins[^1].To + 0.5, 0, max);
        var svg = PlotFrame.Open($"plot-divergence-{modelIndex}", $"First divergent step: {model.Model}", model.Model);
        frame.Axes(svg, 4, yPercent: false, $"first divergent step ({model.FirstDivergence.NeverDiverged} never diverged)", "traces");
        foreach (var bin in bins)
        {
            var left = frame.X(bin.From - 0.5);
            var width = Math.Max(1, (frame.X(bin.To + 0.5) - left) * 0.9);
            var top = frame.Y(bin.Count);
            var range = bin.From == bin.To ? $"{bin.From}" : $"{bin.From}–{bin.To}";
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar\" data-from=\"{bin.From}\" data-to=\"{bin.To}\" data-count=\"{bin.Count}\" x=\"{Svg.N(left)}\" y=\"{Svg.N(top)}\" width=\"{Svg.N(width)}\" height=\"{Svg.N(frame.Y(0) - top)}\" fill=\"{Svg.Blue}\"><title>steps {range}: {bin.Count} traces</title></rect>");
        }

        svg.Append("</svg>");
        return svg.ToString();
    }
}
