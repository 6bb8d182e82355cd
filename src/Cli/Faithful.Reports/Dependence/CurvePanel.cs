using System.Globalization;
using System.Text;
using Faithful.Reports.Html;

namespace Faithful.Reports.Dependence;

/// <summary>
/// One small-multiple panel of the trace-dependence section: a share (0–100%) against x, the main series solid with its
/// 95% band, an optional second series dashed, and an optional reference level dotted. Model text is escaped.
/// </summary>
internal static class CurvePanel
{
    private const string MainColor = Svg.Blue;
    private const string SecondColor = Svg.Vermillion;
    private const string ReferenceColor = "#333";

    /// <summary>A point: x, the share (null when there is none), its interval, how many probes, and what the tooltip calls x.</summary>
    public sealed record Point(double X, double? Y, double[]? Ci, int N, string Where);

    public sealed record Series(string Label, string Metric, IReadOnlyList<Point> Points);

    public static string Render(string id, string title, string panelTitle, string xLabel, string yLabel, (double From, double To) x, Series main, Series? second, (string Label, double Level)? reference, string model)
    {
        var frame = new PlotFrame(x.From, x.To, 0, 1);
        var svg = PlotFrame.Open(id, title, panelTitle);
        var legend = new List<(string, string)> { (main.Label, $"<line x1=\"0\" x2=\"20\" y1=\"0\" y2=\"0\" stroke=\"{MainColor}\" stroke-width=\"2\"/>") };
        if (second is not null)
        {
            legend.Add((second.Label, $"<line x1=\"0\" x2=\"20\" y1=\"0\" y2=\"0\" stroke=\"{SecondColor}\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>"));
        }

        if (reference is { } r)
        {
            legend.Add((r.Label, $"<line x1=\"0\" x2=\"20\" y1=\"0\" y2=\"0\" stroke=\"{ReferenceColor}\" stroke-dasharray=\"2 3\"/>"));
        }

        PlotFrame.Legend(svg, legend);
        frame.Axes(svg, 5, yPercent: true, xLabel, yLabel);
        if (reference is { } level)
        {
            var y = Svg.N(frame.Y(level.Level));
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"reference\" x1=\"{PlotFrame.Left}\" x2=\"{PlotFrame.Width - PlotFrame.Right}\" y1=\"{y}\" y2=\"{y}\" stroke=\"{ReferenceColor}\" stroke-dasharray=\"2 3\"><title>{Svg.Escape(level.Label)}: {Svg.N(level.Level * 100)}%</title></line>");
        }

        var points = main.Points.Where(p => p.Y is not null).ToList();
        var banded = points.Where(p => p.Ci is [_, _]).ToList();
        if (banded.Count > 1)
        {
            var upper = banded.Select(p => $"{Svg.N(frame.X(p.X))},{Svg.N(frame.Y(p.Ci![1]))}");
            var lower = banded.AsEnumerable().Reverse().Select(p => $"{Svg.N(frame.X(p.X))},{Svg.N(frame.Y(p.Ci![0]))}");
            svg.Append(CultureInfo.InvariantCulture, $"<polygon class=\"band\" data-model=\"{Svg.Escape(model)}\" points=\"{string.Join(' ', upper.Concat(lower))}\" fill=\"{MainColor}\" fill-opacity=\"0.15\" stroke=\"none\"/>");
        }

        Line(svg, frame, main, MainColor, dashed: false, model);
        if (second is not null)
        {
            Line(svg, frame, second, SecondColor, dashed: true, model);
        }

        return svg.Append("</svg>").ToString();
    }

    private static void Line(StringBuilder svg, PlotFrame frame, Series series, string color, bool dashed, string model)
    {
        var points = series.Points.Where(p => p.Y is not null).ToList();
        if (points.Count == 0)
        {
            return;
        }

        var coordinates = string.Join(' ', points.Select(p => $"{Svg.N(frame.X(p.X))},{Svg.N(frame.Y(p.Y!.Value))}"));
        svg.Append(CultureInfo.InvariantCulture, $"<polyline class=\"series\" data-model=\"{Svg.Escape(model)}\" data-metric=\"{series.Metric}\" points=\"{coordinates}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"2\"{(dashed ? " stroke-dasharray=\"6 4\"" : "")}/>");
        foreach (var p in points)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<circle class=\"point\" data-metric=\"{series.Metric}\" cx=\"{Svg.N(frame.X(p.X))}\" cy=\"{Svg.N(frame.Y(p.Y!.Value))}\" r=\"3\" fill=\"{color}\"><title>{Svg.Escape(series.Label)} {Svg.Escape(p.Where)}: {Svg.N(p.Y!.Value * 100)}% (n = {p.N})</title></circle>");
        }
    }
}
