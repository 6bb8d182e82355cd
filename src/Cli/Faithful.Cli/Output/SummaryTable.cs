using Faithful.Reports.Formats;
using Faithful.Reports.Sanitising;
using Faithful.Reports.Summaries;
using Faithful.Traces.Scoring;

namespace Faithful.Cli.Output;

/// <summary>A plain-text summary table (one row per model and length), readable in any terminal or CI log.</summary>
internal static class SummaryTable
{
    public static void Print(RunSummary summary, CliConsole console)
    {
        var o = console.Out;
        if (summary.Models.Count == 0)
        {
            o.WriteLine("No results.");
            return;
        }

        // Wide enough for "model [protocol]" labels (metamorphic variants differ only at the end), within reason.
        var width = Math.Clamp(summary.Models.Max(m => m.Model.Length), 24, 48);
        o.WriteLine($"{"model".PadRight(width)} {"length",11} {"traces",6} {"first-answer",12} {"final-answer",12} {"faithfulness",12} {"top failure mode",-20}");
        foreach (var model in summary.Models)
        {
            // Grouped into powers of two when a model has many lengths, so the table stays short.
            foreach (var group in model.LengthGroups)
            {
                Row(o, model.Model, width, group.Label, group.Summary);
            }

            Row(o, model.Model, width, "all", model.Overall);
        }

        ProtocolTable.Print(summary, console);
    }

    private static void Row(TextWriter o, string model, int width, string length, ScoreSummary s)
    {
        var top = s.Modes.Where(m => m.Key != FailureMode.Correct && m.Value > 0).OrderByDescending(m => m.Value).Select(m => $"{m.Key} ({m.Value})").FirstOrDefault() ?? "-";
        o.WriteLine($"{Fit(model, width).PadRight(width)} {length,11} {s.Total,6} {Text.Percent(s.FirstAnswerAccuracy.Rate),12} {Text.Percent(s.FinalAnswerAccuracy.Rate),12} {Text.Percent(s.StepFaithfulness.Mean),12} {top,-20}");
    }

    // Spelled out before it is cut, so the column width counts what the terminal shows.
    private static string Fit(string text, int width)
    {
        text = TerminalText.Sanitize(text);
        return text.Length <= width ? text : text[..(width - 1)] + "…";
    }
}
