using System.Globalization;
using System.Text;
using Faithful.Reports.Summaries;
using Faithful.Traces.Scoring;

namespace Faithful.Reports.Html;

/// <summary>
/// The study's headline curve: first-answer accuracy (solid, with its 95% band) and step faithfulness (dashed)
/// against program length, one colour per model.
/// </summary>
internal static class HeadlineChart
{
    public static string Render(RunSummary summary)
    {
        var lengths = summary.Models.SelectMany(m => m.ByLength.Select(c => c.Key)).Distinct().Order().ToList();
        var frame = new PlotFrame(lengths.Count == 0 ? 0 : lengths[0], lengths.Count == 0 ? 1 : lengths[^1], 0, 1);
        var svg = PlotFrame.Open("plot-headline", "Accuracy and step faithfulness by program length");
        frame.Axes(svg, PlotFrame.Ticks(lengths), 5, yPercent: true, "program length (steps)", "share");
        for (var m = 0; m < summary.Models.Count; m++)
        {
            var model = summary.Models[m];
            var color = Svg.ModelColor(m);
            var cells = model.ByLength.Where(c => c.Summary.Cases > 0).ToList();
            if (cells.Count == 0)
            {
                continue;
            }

            Band(svg, frame, cells, color, model.Model);
            Series(svg, frame, cells, color, model.Model, "first-answer-accuracy", c => c.FirstAnswerAccuracy.Rate, dashed: false);
            Series(svg, frame, cells, color, model.Model, "step-faithfulness", c => c.StepFaithfulness.Mean, dashed: true);
        }

        Legend(svg, summary);
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static void Band(StringBuilder svg, PlotFrame frame, List<KeyedSummary<int>> cells, string color, string model)
    {
        var upper = cells.Select(c => $"{Svg.N(frame.X(c.Key))},{Svg.N(frame.Y(c.Summary.FirstAnswerAccuracy.Ci95.High))}");
        var lower = cells.AsEnumerable().Reverse().Select(c => $"{Svg.N(frame.X(c.Key))},{Svg.N(frame.Y(c.Summary.FirstAnswerAccuracy.Ci95.Low))}");
        svg.Append(CultureInfo.InvariantCulture, $"<polygon class=\"band\" data-model=\"{Svg.Escape(model)}\" points=\"{string.Join(' ', upper.Concat(lower))}\" fill=\"{color}\" fill-opacity=\"0.12\" stroke=\"none\"/>");
    }

    private static void Series(StringBuilder svg, PlotFrame frame, List<KeyedSummary<int>> cells, string color, string model, string metric, Func<ScoreSummary, double> value, bool dashed)
    {
        var points = string.Join(' ', cells.Select(c => $"{Svg.N(frame.X(c.Key))},{Svg.N(frame.Y(value(c.Summary)))}"));
        svg.Append(CultureInfo.InvariantCulture, $"<polyline class=\"series\" data-model=\"{Svg.Escape(model)}\" data-metric=\"{metric}\" points=\"{points}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"2\"{(dashed ? " stroke-dasharray=\"6 4\"" : "")}/>");
        foreach (var cell in cells)
        {
            var v = value(cell.Summary);
            svg.Append(CultureInfo.InvariantCulture, $"<circle class=\"point\" data-metric=\"{metric}\" cx=\"{Svg.N(frame.X(cell.Key))}\" cy=\"{Svg.N(frame.Y(v))}\" r=\"3\" fill=\"{color}\"><title>{Svg.Escape(model)} · {metric} at {cell.Key} steps: {Svg.N(v * 100)}% (n = {cell.Summary.Cases})</title></circle>");
        }
    }

    private static void Legend(StringBuilder svg, RunSummary summary)
    {
        var y = PlotFrame.Top + 4;
        svg.Append("<g class=\"legend\" font-family=\"sans-serif\" font-size=\"11\">");
        for (var m = 0; m < summary.Models.Count; m++)
        {
            var color = Svg.ModelColor(m);
            var x = PlotFrame.Width - PlotFrame.Right - 220;
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x}\" x2=\"{x + 18}\" y1=\"{y}\" y2=\"{y}\" stroke=\"{color}\" stroke-width=\"2\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 22}\" y=\"{y + 4}\">{Svg.Escape(summary.Models[m].Model)} first answer</text>");
            y += 14;
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x}\" x2=\"{x + 18}\" y1=\"{y}\" y2=\"{y}\" stroke=\"{color}\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 22}\" y=\"{y + 4}\">{Svg.Escape(summary.Models[m].Model)} step faithfulness</text>");
            y += 16;
        }

        svg.Append("</g>");
    }
}
