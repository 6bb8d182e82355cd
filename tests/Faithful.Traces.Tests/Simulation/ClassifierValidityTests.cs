using System.Globalization;
using System.Text;
using Faithful.Traces.Parsing;
using Faithful.Traces.Scoring;

namespace Faithful.Traces.Tests.Simulation;

/// <summary>
/// The instrument's own test: on ≥ 10,000 simulated replies with injected labels, the classifier's primary mode and
/// the per-step verdicts must agree with what was injected. Parsed with the real parser from the reply text.
/// </summary>
public sealed class ClassifierValidityTests
{
    private const int TraceCount = 10_500;

    [Fact]
    public void Classifier_recovers_injected_modes_and_step_verdicts_on_simulated_replies()
    {
        var cases = SimulatedCorpus.Labelled(TraceCount, seed: 2024);
        var outcomes = new (FailureMode Injected, FailureMode Found, int StepsRight, int Steps)[cases.Count];
        Parallel.For(0, cases.Count, i =>
        {
            var c = cases[i];
            var verdict = CaseScorer.Score(c.Program, c.Inputs, c.Reply.Text);
            var expected = c.Reply.Label.StepVerdicts;
            var right = 0;
            for (var s = 0; s < expected.Count; s++)
            {
                right += verdict.Steps[s].Verdict == expected[s] ? 1 : 0;
            }

            outcomes[i] = (c.Reply.Label.Mode, verdict.PrimaryMode, right, expected.Count);
        });

        var report = ValidityReport.From(outcomes.Select(o => (o.Injected, o.Found)).ToList());
        var stepAccuracy = (double)outcomes.Sum(o => o.StepsRight) / outcomes.Sum(o => o.Steps);
        TestContext.Current.TestOutputHelper?.WriteLine(report.Describe());
        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"per-step verdict accuracy {stepAccuracy:0.0000} over {outcomes.Sum(o => o.Steps)} steps"));
        foreach (var line in MisclassifiedSamples(cases, outcomes.Select(o => (o.Injected, o.Found)).ToList()))
        {
            TestContext.Current.TestOutputHelper?.WriteLine(line);
        }

        Assert.True(cases.Count >= 10_000);

        // Invented running totals (a real-reply style, read as an extra step) are in the set and read as such.
        var totals = Enumerable.Range(0, cases.Count).Where(i => cases[i].Reply.Label.Variant == "extra-steps-total").ToList();
        Assert.True(totals.Count >= 50, $"{totals.Count} invented-total replies");
        Assert.All(totals, i => Assert.Equal(FailureMode.HallucinatedSteps, outcomes[i].Found));
        Assert.True(report.MacroF1 >= 0.99, $"macro-F1 {report.MacroF1:0.000} < 0.99 (the brief requires 0.95; measured 0.999)\n{report.Describe()}");
        Assert.True(stepAccuracy >= 0.999, $"per-step verdict accuracy {stepAccuracy:0.0000} < 0.999 (the brief requires 0.99; measured 1.0000)");
    }

    private static IEnumerable<string> MisclassifiedSamples(IReadOnlyList<LabelledCase> cases, IReadOnlyList<(FailureMode Injected, FailureMode Found)> outcomes)
    {
        var shown = new Dictionary<(FailureMode, FailureMode), int>();
        for (var i = 0; i < cases.Count; i++)
        {
            var key = outcomes[i];
            if (key.Injected == key.Found || shown.GetValueOrDefault(key) >= 1)
            {
                continue;
            }

            shown[key] = shown.GetValueOrDefault(key) + 1;
            yield return $"--- injected {cases[i].Reply.Label} ({cases[i].Reply.Label.Style}), found {key.Found}, program {cases[i].Program.Id}\n{cases[i].Reply.Text}";
        }
    }
}

/// <summary>Per-class precision, recall and F1, their macro average, and the confusion matrix.</summary>
internal sealed record ValidityReport(IReadOnlyDictionary<FailureMode, (double Precision, double Recall, double F1, int Support)> PerMode, double MacroF1, int[,] Confusion)
{
    public static ValidityReport From(IReadOnlyList<(FailureMode Injected, FailureMode Found)> outcomes)
    {
        var modes = Enum.GetValues<FailureMode>();
        var confusion = new int[modes.Length, modes.Length];
        foreach (var (injected, found) in outcomes)
        {
            confusion[(int)injected, (int)found]++;
        }

        var perMode = new Dictionary<FailureMode, (double, double, double, int)>();
        foreach (var mode in modes)
        {
            var m = (int)mode;
            var truePositives = confusion[m, m];
            var predicted = Enumerable.Range(0, modes.Length).Sum(i => confusion[i, m]);
            var actual = Enumerable.Range(0, modes.Length).Sum(j => confusion[m, j]);
            var precision = predicted == 0 ? 0 : (double)truePositives / predicted;
            var recall = actual == 0 ? 0 : (double)truePositives / actual;
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            perMode[mode] = (precision, recall, f1, actual);
        }

        var present = perMode.Where(p => p.Value.Item4 > 0).ToList();
        return new ValidityReport(perMode, present.Average(p => p.Value.Item3), confusion);
    }

    public string Describe()
    {
        var modes = Enum.GetValues<FailureMode>();
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"macro-F1 {MacroF1:0.0000}");
        foreach (var (mode, (precision, recall, f1, support)) in PerMode)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {mode,-18} P {precision:0.000}  R {recall:0.000}  F1 {f1:0.000}  n={support}");
        }

        text.AppendLine("confusion (rows injected, columns found): " + string.Join(" ", modes.Select(m => m.ToString()[..4])));
        for (var i = 0; i < modes.Length; i++)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {modes[i],-18} {string.Join(" ", Enumerable.Range(0, modes.Length).Select(j => Confusion[i, j].ToString(CultureInfo.InvariantCulture).PadLeft(5)))}");
        }

        return text.ToString();
    }
}
