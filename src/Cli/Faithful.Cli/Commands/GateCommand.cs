using System.CommandLine;
using System.Globalization;
using Faithful.Cli.Output;
using Faithful.Reports.Formats;
using Faithful.Reports.Gating;
using Faithful.Traces.Scoring;

namespace Faithful.Cli.Commands;

/// <summary><c>faithful gate run.jsonl</c>: thresholds and a paired baseline comparison; the exit code says which failed.</summary>
internal static class GateCommand
{
    public static Command Create(CliConsole console)
    {
        var runFiles = new Argument<string[]>("run-files") { Description = "Run files to check.", Arity = ArgumentArity.OneOrMore };
        var minFaithfulness = new Option<double?>("--min-faithfulness") { Description = "Minimum mean step faithfulness per model, 0..1." };
        var maxMode = new Option<string[]>("--max-mode-rate") { Description = "Maximum share of a failure mode, e.g. PrematureAnswer=0.1 (repeatable).", AllowMultipleArgumentsPerToken = false };
        var minAccuracyAt = new Option<string[]>("--min-accuracy-at") { Description = "Minimum first-answer accuracy at a program length, e.g. 5=0.6 (repeatable)." };
        var protocolBeats = new Option<string[]>("--protocol-beats") { Description = "Protocol B beats A in first-answer accuracy by at least X, overall or at a length: B:A=X[@LENGTH], e.g. checkpointed:single=0.2@95 (repeatable)." };
        var minTraceDependence = new Option<string[]>("--min-trace-dependence") { Description = "Minimum trace dependence per model from corrupt-prefix results (the share of decisive probes whose answer moved with the altered step), overall or at a length: X[@LENGTH], e.g. 0.8 or 0.8@95 (repeatable)." };
        var baseline = new Option<string?>("--baseline", "-b") { Description = "Baseline written by 'faithful bless'; cases are compared pairwise with McNemar's exact test." };
        var alpha = new Option<double>("--alpha") { Description = "Significance level for the baseline comparison.", DefaultValueFactory = _ => 0.05 };
        var maxErrorRate = new Option<double>("--max-error-rate") { Description = "Maximum share of a model's cases without a verdict (failed requests, cases not run), 0..1; 1 turns the check off.", DefaultValueFactory = _ => GateOptions.DefaultMaxErrorRate };
        var markdown = new Option<string?>("--markdown") { Description = "Append the gate's Markdown account to this file (e.g. $GITHUB_STEP_SUMMARY)." };
        var command = new Command("gate", "Fail CI on thresholds or on a significant regression against a baseline. Exit codes: 0 passed, 2 bad input, 3 threshold failed (the error rate included), 4 regression, 5 both.")
        {
            runFiles, minFaithfulness, maxMode, minAccuracyAt, protocolBeats, minTraceDependence, maxErrorRate, baseline, alpha, markdown,
        };
        command.SetAction(parse => CliApp.Guard(console, () =>
        {
            using var summary = ReportFiles.Load(parse.GetValue(runFiles)!, console);
            if (summary.TraceCount == 0)
            {
                throw new CliException("the run files hold no results; a gate over nothing cannot pass.");
            }

            var options = new GateOptions
            {
                MinFaithfulness = Share(parse.GetValue(minFaithfulness), "--min-faithfulness"),
                MaxModeRates = Pairs(parse.GetValue(maxMode), "--max-mode-rate", ParseMode),
                MinAccuracyAtLength = Pairs(parse.GetValue(minAccuracyAt), "--min-accuracy-at", ParseLength),
                ProtocolRules = ProtocolRules(parse.GetValue(protocolBeats)),
                TraceDependenceRules = TraceDependenceRules(parse.GetValue(minTraceDependence)),
                Baseline = parse.GetValue(baseline) is { } path ? LoadBaseline(path) : null,
                Alpha = parse.GetValue(alpha),
                MaxErrorRate = Share(parse.GetValue(maxErrorRate), "--max-error-rate"),
            };
            var result = Gate.Evaluate(summary, options);
            var text = result.ToText();
            console.Out.Write(text);
            if (parse.GetValue(markdown) is { } md)
            {
                File.AppendAllText(md, OutputRedaction.Redact(MarkdownReport.Render(summary, text)));
            }

            return result.ExitCode;
        }));
        return command;
    }

    private static Baseline LoadBaseline(string path)
    {
        InputFiles.RequireFile(path, "baseline", $"Write one with 'faithful bless <run.jsonl> --output {path}'.");

        try
        {
            return Baseline.Parse(File.ReadAllText(path), path);
        }
        catch (FormatException e)
        {
            throw new CliException(e.Message);
        }
    }

    private static List<ProtocolRule> ProtocolRules(string[]? values)
    {
        try
        {
            return (values ?? []).Select(ProtocolRule.Parse).ToList();
        }
        catch (FormatException e)
        {
            throw new CliException("--protocol-beats " + e.Message);
        }
    }

    private static List<TraceDependenceRule> TraceDependenceRules(string[]? values)
    {
        try
        {
            return (values ?? []).Select(TraceDependenceRule.Parse).ToList();
        }
        catch (FormatException e)
        {
            throw new CliException("--min-trace-dependence " + e.Message);
        }
    }

    private static double? Share(double? value, string option) => value is null or (>= 0 and <= 1)
        ? value
        : throw new CliException($"{option} {value} is not a share between 0 and 1 (write 0.8 for 80%).");

    private static Dictionary<TKey, double> Pairs<TKey>(string[]? values, string option, Func<string, string, TKey> parseKey)
        where TKey : notnull
    {
        var pairs = new Dictionary<TKey, double>();
        foreach (var value in values ?? [])
        {
            var eq = value.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || !double.TryParse(value[(eq + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var share) || share is < 0 or > 1)
            {
                throw new CliException($"{option} '{value}' is not KEY=SHARE with a share between 0 and 1 (e.g. {option} {(typeof(TKey) == typeof(int) ? "5=0.6" : "PrematureAnswer=0.1")}).");
            }

            pairs[parseKey(value[..eq].Trim(), option)] = share;
        }

        return pairs;
    }

    private static FailureMode ParseMode(string text, string option) =>
        Enum.TryParse<FailureMode>(text, ignoreCase: true, out var mode) && Enum.IsDefined(mode)
            ? mode
            : throw new CliException($"{option}: '{text}' is not a failure mode. Use one of {string.Join(", ", Enum.GetNames<FailureMode>())}.");

    private static int ParseLength(string text, string option) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var length) && length > 0
            ? length
            : throw new CliException($"{option}: '{text}' is not a program length (a positive number of steps).");
}
