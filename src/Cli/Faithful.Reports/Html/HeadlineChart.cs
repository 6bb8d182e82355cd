using System.Globalization;
using System.Text;
using Faithful.Reports.Summaries;
using Faithful.Traces.Scoring;

namespace Faithful.Reports.Html;

/// <summary>
/// The study's headline curve as small multiples: one titled panel per model, each with first-answer accuracy
/// (solid, with its 95% band) and step faithfulness (dashed) against program length. Every panel shares the
/// length axis and the 0–100% scale, so panels compare at a glance however many models there are.
/// </summary>
internal static class HeadlineChart
{
    private const string AccuracyColor = Svg.Blue;
    private const string FaithfulnessColor = Svg.Vermillion;

    /// <summary>The panels, one per model, in a container with id <c>plot-headline</c>.</summary>
    /// <param name="lengths">Every length in the run, so all panels share one axis.</param>
    public static string Render(RunSummary summary, IReadOnlyList<int> lengths)
    {
        var html = new StringBuilder("<div class=\"plots small-multiples\" id=\"plot-headline\">");
        for (var m = 0; m < summary.Models.Count; m++)
        {
            html.Append(Panel(summary.Models[m], m, lengths));
        }

        return html.Append("</div>").ToString();
    }

    private static string Panel(ModelSummary model, int index, IReadOnlyList<int> lengths)
    {
        var frame = new PlotFrame(lengths.Count == 0 ? 0 : lengths[0], lengths.Count == 0 ? 1 : lengths[^1], 0, 1);
        var svg = PlotFrame.Open($"plot-headline-{index}", $"Accuracy and step faithfulness by program length: {model.Model}", model.Model);
        PlotFrame.Legend(svg, [
            ("first answer", $"<line x1=\"0\" x2=\"20\" y1=\"0\" y2=\"0\" stroke=\"{AccuracyColor}\" stroke-width=\"2\"/>"),
            ("step faithfulness", $"<line x1=\"0\" x2=\"20\" y1=\"0\" y2=\"0\" stroke=\"{FaithfulnessColor}\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>"),
        ]);
        frame.Axes(svg, 5, yPercent: true, "program length (steps)", "share");
        var cells = model.PlotCells().Where(c => c.Summary.Cases > 0).ToList();
        if (cells.Count > 0)
        {
            Band(svg, frame, cells, model.Model);
            Series(svg, frame, cells, model.Model, "first-answer-accuracy", c => c.FirstAnswerAccuracy.Rate, AccuracyColor, dashed: false);
            Series(svg, frame, cells, model.Model, "step-faithfulness", c => c.StepFaithfulness.Mean, FaithfulnessColor, dashed: true);
        }

        return svg.Append("</svg>").ToString();
    }

    private static void Band(StringBuilder svg, PlotFrame frame, List<KeyedSummary<int>> cells, string model)
    {
        var upper = cells.Select(c => $"{Svg.N(frame.X(c.Key))},{Svg.N(frame.Y(c.Summary.FirstAnswerAccuracy.Ci95.High))}");
        var lower = cells.AsEnumerable().Reverse().Select(c => $"{Svg.N(frame.X(c.Key))},{Svg.N(frame.Y(c.Summary.FirstAnswerAccuracy.Ci95.Low))}");
        svg.Append(CultureInfo.InvariantCulture, $"<polygon class=\"band\" data-model=\"{Svg.Escape(model)}\" points=\"{string.Join(' ', upper.Concat(lower))}\" fill=\"{AccuracyColor}\" fill-opacity=\"0.15\" stroke=\"none\"/>");
    }

    private static void Series(StringBuilder svg, PlotFrame frame, List<KeyedSummary<int>> cells, string model, string metric, Func<ScoreSummary, double> value, string color, bool dashed)
    {
        var points = string.Join(' ', cells.Select(c => $"{Svg.N(frame.X(c.Key))},{Svg.N(frame.Y(value(c.Summary)))}"));
        svg.Append(CultureInfo.InvariantCulture, $"<polyline class=\"series\" data-model=\"{Svg.Escape(model)}\" data-metric=\"{metric}\" points=\"{points}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"2\"{(dashed ? " stroke-dasharray=\"6 4\"" : "")}/>");
        foreach (var cell in cells)
        {
            var v = value(cell.Summary);
            svg.Append(CultureInfo.InvariantCulture, $"<circle class=\"point\" data-metric=\"{metric}\" data-length=\"{cell.Key}\" cx=\"{Svg.N(frame.X(cell.Key))}\" cy=\"{Svg.N(frame.Y(v))}\" r=\"3\" fill=\"{color}\"><title>{Svg.Escape(model)} · {metric} at {cell.Key} steps: {Svg.N(v * 100)}% (n = {cell.Summary.Cases})</title></circle>");
        }
    }
}
