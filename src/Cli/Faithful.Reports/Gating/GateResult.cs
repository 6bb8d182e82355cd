using System.Globalization;
using System.Text;
using Faithful.Reports.Formats;
using Faithful.Reports.Sanitising;

namespace Faithful.Reports.Gating;

/// <summary>One threshold checked for one model.</summary>
public sealed record GateCheck(string Model, string Name, double Actual, double Limit, bool Passed, string Detail);

/// <summary>A case whose correctness differs between baseline and run.</summary>
public sealed record FlippedCase(string CaseId, string Model, string ProgramId, int Length, bool WasRight, bool IsRight, string? Protocol = null)
{
    /// <summary>The model, with the protocol when it is not <c>single</c>.</summary>
    public string Series => Protocol is null ? Model : $"{Model} [{Protocol}]";

    public bool IsRegression => WasRight && !IsRight;
}

/// <summary>The paired comparison with the baseline over the cases both hold.</summary>
public sealed record BaselineComparison(
    int SharedCases,
    int OnlyInBaseline,
    int OnlyInRun,
    int Regressions,
    int Improvements,
    double PValue,
    bool Regressed,
    IReadOnlyList<FlippedCase> Flipped);

public sealed record GateResult(IReadOnlyList<GateCheck> Checks, BaselineComparison? Comparison)
{
    public bool ThresholdsPassed => Checks.All(c => c.Passed);

    public bool Passed => ThresholdsPassed && Comparison is not { Regressed: true };

    public int ExitCode => (ThresholdsPassed, Comparison is { Regressed: true }) switch
    {
        (true, false) => GateExitCodes.Passed,
        (false, false) => GateExitCodes.ThresholdFailed,
        (true, true) => GateExitCodes.Regression,
        _ => GateExitCodes.ThresholdAndRegression,
    };

    /// <summary>A readable account, Markdown-friendly, listing every check and every flipped case (up to <paramref name="maxFlips"/>).</summary>
    public string ToText(int maxFlips = 50)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Gate {(Passed ? "PASSED" : "FAILED")} (exit code {ExitCode}).\n");
        foreach (var check in Checks)
        {
            text.Append(CultureInfo.InvariantCulture, $"- [{(check.Passed ? "pass" : "FAIL")}] {MarkdownText.CodeSpan(check.Model)}: {check.Name}: {check.Detail}\n");
        }

        if (Comparison is { } c)
        {
            text.Append(CultureInfo.InvariantCulture, $"- [{(c.Regressed ? "FAIL" : "pass")}] baseline: {c.SharedCases} shared cases, {c.Regressions} right→wrong, {c.Improvements} wrong→right, McNemar exact p = {c.PValue.ToString("0.####", CultureInfo.InvariantCulture)}");
            text.Append(CultureInfo.InvariantCulture, $"{(c.OnlyInBaseline + c.OnlyInRun > 0 ? $" ({c.OnlyInBaseline} only in baseline, {c.OnlyInRun} only in run, not compared)" : "")}\n");
            if (c.Flipped.Count > 0)
            {
                text.Append("\nFlipped cases:\n\n| Case | Model | Program | Length | Baseline | Run |\n|---|---|---|---:|---|---|\n");
                foreach (var flip in c.Flipped.Take(maxFlips))
                {
                    text.Append(CultureInfo.InvariantCulture, $"| {MarkdownText.CodeSpan(flip.CaseId)} | {MarkdownText.CodeSpan(flip.Series)} | {MarkdownText.CodeSpan(flip.ProgramId)} | {flip.Length} | {(flip.WasRight ? "right" : "wrong")} | {(flip.IsRight ? "right" : "wrong")} |\n");
                }

                var flips = c.Regressions + c.Improvements;
                var shown = Math.Min(maxFlips, c.Flipped.Count);
                if (flips > shown)
                {
                    text.Append(CultureInfo.InvariantCulture, $"\n… and {flips - shown} more.\n");
                }
            }
        }

        return text.ToString();
    }
}
