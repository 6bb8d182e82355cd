using System.Globalization;
using Faithful.Model;
using Faithful.Reports.RunFiles;
using Faithful.Reports.RunFiles.Streaming;
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

        checks.AddRange(ProtocolGate.Check(summary.ProtocolResults, options.ProtocolRules));
        checks.AddRange(TraceDependenceGate.Check(summary.ProtocolResults, options.TraceDependenceRules));

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

    /// <summary>Flipped cases listed at most; the counts and the test cover all of them.</summary>
    public const int MaxFlipsListed = 1000;

    /// <summary>
    /// Pairs cases by (model, case id) when run and baseline name the same models; when each holds a single model
    /// under different names (a new model version), pairs by case id alone. The run's cases are streamed; the baseline's
    /// correctness is held as one 16-byte key digest and a flag per case.
    /// </summary>
    public static BaselineComparison Compare(RunSummary summary, Baseline baseline, double alpha)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(baseline);
        var runModels = summary.Models.Select(m => m.Model).Distinct(StringComparer.Ordinal).ToList();
        var baselineModels = baseline.Cases.Select(c => c.Model).Distinct(StringComparer.Ordinal).ToList();
        var byCaseOnly = runModels.Count == 1 && baselineModels.Count == 1 && runModels[0] != baselineModels[0];
        // Ids pair by CaseKey.MatchText, so a baseline blessed from a run file of either id form (names or none) pairs.
        UInt128 Key(string model, string caseId, string? protocol) => ResultKeyHash.Of(RunFile.KeyOf(byCaseOnly ? "" : model, CaseKey.MatchTextOf(caseId), protocol));

        var before = new Dictionary<UInt128, bool>();
        foreach (var c in baseline.Cases)
        {
            before[Key(c.Model, c.CaseId, c.Protocol)] = c.Correct;
        }

        var regressionsListed = new List<FlippedCase>();
        var improvementsListed = new List<FlippedCase>();
        var shared = 0;
        var regressions = 0;
        var improvements = 0;
        var seen = new HashSet<UInt128>();

        // Cases come in report order (model, length, case id), the order flips are listed in.
        foreach (var reportCase in summary.Cases)
        {
            var key = Key(reportCase.Model, reportCase.CaseId, reportCase.Protocol);
            if (!seen.Add(key) || !before.TryGetValue(key, out var wasRight))
            {
                continue;
            }

            shared++;
            var now = baseline.Correctness.IsRight(reportCase);
            if (now == wasRight)
            {
                continue;
            }

            var flip = new FlippedCase(reportCase.CaseId, reportCase.Model, reportCase.ProgramId, reportCase.Length, wasRight, now, reportCase.Protocol);
            if (wasRight)
            {
                regressions++;
                if (regressionsListed.Count < MaxFlipsListed)
                {
                    regressionsListed.Add(flip);
                }
            }
            else
            {
                improvements++;
                if (improvementsListed.Count < MaxFlipsListed)
                {
                    improvementsListed.Add(flip);
                }
            }
        }

        var p = McNemar.ExactPValue(regressions, improvements);
        return new BaselineComparison(
            shared,
            before.Count - shared,
            seen.Count - shared,
            regressions,
            improvements,
            p,
            regressions > improvements && p < alpha,
            [.. regressionsListed, .. improvementsListed.Take(MaxFlipsListed - regressionsListed.Count)]);
    }
}
