using System.Globalization;
using Faithful.Reports.RunFiles;
using Faithful.Reports.Summaries;

namespace Faithful.Reports.Gating;

/// <summary>Checks a run against thresholds and, when given, a baseline with McNemar's exact test.</summary>
public static class Gate
{
    public static GateResult Evaluate(RunSummary summary, GateOptions options)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(options);
        var checks = new List<GateCheck>();
        foreach (var model in summary.Models)
        {
            CheckModel(model, options, checks);
        }

        checks.AddRange(ProtocolGate.Check(summary.Results, options.ProtocolRules));
        checks.AddRange(TraceDependenceGate.Check(summary.Results, options.TraceDependenceRules));

        var comparison = options.Baseline is null ? null : Compare(summary, options.Baseline, options.Alpha);
        return new GateResult(checks, comparison);
    }

    private static void CheckModel(ModelSummary model, GateOptions options, List<GateCheck> checks)
    {
        // Failed cases carry no verdict, so every other threshold is computed without them: too many, and it means nothing.
        if (options.MaxErrorRate is { } maxErrors && model.Overall.Total > 0)
        {
            var rate = (double)model.Overall.Errors / model.Overall.Total;
            checks.Add(new GateCheck(model.Model, "error rate", rate, maxErrors, rate <= maxErrors, $"{Formats.Text.Percent(rate)} of cases (maximum {Formats.Text.Percent(maxErrors)})"));
        }

        if (options.MinFaithfulness is { } minFaithfulness)
        {
            var actual = model.Overall.StepFaithfulness.Mean;
            checks.Add(new GateCheck(model.Model, "step faithfulness", actual, minFaithfulness, actual >= minFaithfulness, $"{Formats.Text.Percent(actual)} (minimum {Formats.Text.Percent(minFaithfulness)})"));
        }

        foreach (var (mode, max) in options.MaxModeRates.OrderBy(m => m.Key))
        {
            var actual = model.Overall.ModeShare(mode).Rate;
            checks.Add(new GateCheck(model.Model, $"{mode} rate", actual, max, actual <= max, $"{Formats.Text.Percent(actual)} of traces (maximum {Formats.Text.Percent(max)})"));
        }

        foreach (var (length, min) in options.MinAccuracyAtLength.OrderBy(m => m.Key))
        {
            var cell = model.ByLength.FirstOrDefault(c => c.Key == length);
            var name = $"first-answer accuracy at {length.ToString(CultureInfo.InvariantCulture)} steps";
            if (cell is null || cell.Summary.Cases == 0)
            {
                var lengths = string.Join(", ", model.ByLength.Select(c => c.Key));
                checks.Add(new GateCheck(model.Model, name, 0, min, false, $"no scored traces of length {length} (the run has lengths {lengths}); choose one of those or add programs of that length"));
                continue;
            }

            var actual = cell.Summary.FirstAnswerAccuracy.Rate;
            checks.Add(new GateCheck(model.Model, name, actual, min, actual >= min, $"{Formats.Text.Percent(actual)} over {cell.Summary.Cases} traces (minimum {Formats.Text.Percent(min)})"));
        }
    }

    /// <summary>
    /// Pairs cases by (model, case id) when run and baseline name the same models; when each holds a single model
    /// under different names (a new model version), pairs by case id alone.
    /// </summary>
    public static BaselineComparison Compare(RunSummary summary, Baseline baseline, double alpha)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(baseline);
        var runModels = summary.Results.Select(r => r.Model).Distinct(StringComparer.Ordinal).ToList();
        var baselineModels = baseline.Cases.Select(c => c.Model).Distinct(StringComparer.Ordinal).ToList();
        var byCaseOnly = runModels.Count == 1 && baselineModels.Count == 1 && runModels[0] != baselineModels[0];
        string Key(string model, string caseId, string? protocol) => RunFile.KeyOf(byCaseOnly ? "" : model, caseId, protocol);

        var before = new Dictionary<string, BaselineCase>(StringComparer.Ordinal);
        foreach (var c in baseline.Cases)
        {
            before[Key(c.Model, c.CaseId, c.Protocol)] = c;
        }

        var flipped = new List<FlippedCase>();
        var shared = 0;
        var regressions = 0;
        var improvements = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var result in summary.Results)
        {
            var key = Key(result.Model, result.CaseId, result.Protocol);
            if (!seen.Add(key) || !before.TryGetValue(key, out var old))
            {
                continue;
            }

            shared++;
            var now = baseline.Correctness.IsRight(result);
            if (now == old.Correct)
            {
                continue;
            }

            flipped.Add(new FlippedCase(result.CaseId, result.Model, result.ProgramId, result.Length, old.Correct, now, result.Protocol));
            if (old.Correct)
            {
                regressions++;
            }
            else
            {
                improvements++;
            }
        }

        var p = McNemar.ExactPValue(regressions, improvements);
        var ordered = flipped.OrderByDescending(f => f.IsRegression).ThenBy(f => f.Model, StringComparer.Ordinal).ThenBy(f => f.Length).ThenBy(f => f.CaseId, StringComparer.Ordinal).ToList();
        return new BaselineComparison(
            shared,
            before.Count - shared,
            seen.Count - shared,
            regressions,
            improvements,
            p,
            regressions > improvements && p < alpha,
            ordered);
    }
}
