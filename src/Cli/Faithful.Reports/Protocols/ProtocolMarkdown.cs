using System.Globalization;
using System.Text;
using Faithful.Reports.Formats;
using Faithful.Reports.Sanitising;

namespace Faithful.Reports.Protocols;

/// <summary>The protocol comparison as Markdown (a section of report.md). Figures only; no model text.</summary>
public static class ProtocolMarkdown
{
    /// <summary>Flipped cases listed per pair in Markdown.</summary>
    public const int MaxFlips = 20;

    public static string Render(ProtocolReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"\n### Protocols compared with `{report.Reference}`\n\n");
        md.Append("Paired on the cases both protocols scored; differences are the protocol minus the reference, with 95% intervals; McNemar's exact test on the cases whose first answer flipped.\n\n");
        md.Append("| Model | Protocol | Cases | First-answer accuracy | Difference (95% CI) | Step faithfulness difference (95% CI) | Gained | Lost | McNemar p |\n");
        md.Append("|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
        foreach (var pair in report.Pairs)
        {
            var f = pair.Overall;
            md.Append(CultureInfo.InvariantCulture, $"| {MarkdownText.CodeSpan(pair.Model)} | {MarkdownText.CodeSpan(pair.Candidate)} | {f.SharedCases} | {P(f.BaselineAccuracy)} → {P(f.CandidateAccuracy)} | {Points(f.AccuracyDifference)} ({Range(f.AccuracyDifferenceCi)}) | {Points(f.FaithfulnessDifference)} ({Range(f.FaithfulnessDifferenceCi)}) | {f.Gained} | {f.Lost} | {PValue(f.McNemarP)} |\n");
        }

        foreach (var pair in report.Pairs)
        {
            AppendPair(md, pair);
        }

        AppendSections(md, report);
        return md.ToString();
    }

    private static void AppendPair(StringBuilder md, ProtocolPair pair)
    {
        md.Append(CultureInfo.InvariantCulture, $"\n<details><summary><code>{MarkdownText.InHtml(pair.Model)}</code>: {MarkdownText.InHtml(pair.Candidate)} against {MarkdownText.InHtml(pair.Baseline)} by program length</summary>\n\n");
        md.Append("| Length | Cases | Accuracy | Difference (95% CI) | Faithfulness difference | Gained | Lost | McNemar p |\n|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        foreach (var cell in pair.ByLength)
        {
            var f = cell.Figures;
            md.Append(CultureInfo.InvariantCulture, $"| {cell.Length} | {f.SharedCases} | {P(f.BaselineAccuracy)} → {P(f.CandidateAccuracy)} | {Points(f.AccuracyDifference)} ({Range(f.AccuracyDifferenceCi)}) | {Points(f.FaithfulnessDifference)} | {f.Gained} | {f.Lost} | {PValue(f.McNemarP)} |\n");
        }

        if (pair.FlippedTotal > 0)
        {
            md.Append(CultureInfo.InvariantCulture, $"\nFlipped cases ({pair.FlippedTotal}; lost first):\n\n| Case | Length | {MarkdownText.CodeSpan(pair.Baseline)} | {MarkdownText.CodeSpan(pair.Candidate)} |\n|---|---:|---|---|\n");
            foreach (var flip in pair.Flipped.Take(MaxFlips))
            {
                md.Append(CultureInfo.InvariantCulture, $"| {MarkdownText.CodeSpan(flip.CaseId)} | {flip.Length} | {Right(flip.BaselineRight)} | {Right(flip.CandidateRight)} |\n");
            }

            if (pair.FlippedTotal > MaxFlips)
            {
                md.Append(CultureInfo.InvariantCulture, $"\n… and {pair.FlippedTotal - MaxFlips} more (all in report.json up to {ProtocolComparison.MaxFlipsListed}).\n");
            }
        }

        md.Append("\n</details>\n");
    }

    private static void AppendSections(StringBuilder md, ProtocolReport report)
    {
        foreach (var summary in report.Checkpointed)
        {
            md.Append(CultureInfo.InvariantCulture, $"\n#### {MarkdownText.CodeSpan(summary.Model)} checkpointed: unaided against with checks\n\n");
            md.Append("| Length | Cases | Unaided reach | Unaided success | Accuracy with checks | Corrections per case | Stopped |\n|---:|---:|---:|---:|---:|---:|---:|\n");
            foreach (var l in summary.ByLength)
            {
                md.Append(CultureInfo.InvariantCulture, $"| {l.Length} | {l.Cases} | {P(l.UnaidedReach)} | {P(l.UnaidedSuccess)} | {P(l.AccuracyWithChecks)} | {Text.Number(l.MeanCorrections, "0.00")} | {l.Stopped} |\n");
            }
        }

        foreach (var summary in report.Gradual)
        {
            md.Append(CultureInfo.InvariantCulture, $"\n#### {MarkdownText.CodeSpan(summary.Model)} gradual: where the first wrong turn happens\n\n");
            md.Append("| Length | Cases | Accuracy | Went wrong | Mean first wrong turn (0 = first, 1 = last) | By fifth of the conversation |\n|---:|---:|---:|---:|---:|---|\n");
            foreach (var l in summary.ByLength)
            {
                md.Append(CultureInfo.InvariantCulture, $"| {l.Length} | {l.Cases} | {P(l.Accuracy)} | {P(l.WentWrong)} | {(l.MeanFirstWrongTurnShare is { } s ? Text.Number(s, "0.00") : "n/a")} | {string.Join(" · ", l.FirstWrongByFifth)} |\n");
            }
        }

        foreach (var summary in report.PlanExecute)
        {
            md.Append(CultureInfo.InvariantCulture, $"\n#### {MarkdownText.CodeSpan(summary.Model)} plan-execute: knowing the procedure against carrying it out\n\n");
            md.Append("| Length | Cases | Plan read | Same structure | Same computation | Executed accuracy |\n|---:|---:|---:|---:|---:|---:|\n");
            foreach (var l in summary.ByLength)
            {
                md.Append(CultureInfo.InvariantCulture, $"| {l.Length} | {l.Cases} | {P(l.PlanRead)} | {P(l.SameStructure)} | {P(l.SameComputation)} | {P(l.ExecutedAccuracy)} |\n");
            }
        }

        foreach (var summary in report.ExplainThenExecute)
        {
            md.Append(CultureInfo.InvariantCulture, $"\n#### {MarkdownText.CodeSpan(summary.Model)} explain-then-execute: rationale against execution\n\n");
            md.Append(CultureInfo.InvariantCulture, $"Rationale correct {P(summary.RationaleCorrect)}, execution faithful {P(summary.ExecutionFaithful)}, agreement {P(summary.Agreement)} (Cohen's kappa {(summary.Kappa is { } k ? Text.Number(k, "0.00") : "n/a")}); both right {summary.BothRight}, rationale only {summary.RationaleOnly}, execution only {summary.ExecutionOnly}, both wrong {summary.BothWrong}.\n\n");
            md.Append("| Length | Cases | Rationale correct | Rationale steps right | Execution faithful | Agreement |\n|---:|---:|---:|---:|---:|---:|\n");
            foreach (var l in summary.ByLength)
            {
                md.Append(CultureInfo.InvariantCulture, $"| {l.Length} | {l.Cases} | {P(l.RationaleCorrect)} | {P(l.RationaleStepShare)} | {P(l.ExecutionFaithful)} | {P(l.Agreement)} |\n");
            }
        }

        foreach (var summary in report.Metamorphic)
        {
            md.Append(CultureInfo.InvariantCulture, $"\n#### {MarkdownText.CodeSpan(summary.Model)} metamorphic: variants against the original\n\n");
            md.Append(CultureInfo.InvariantCulture, $"Consistency (every variant agrees on the first answer) {P(summary.Consistency)} over {summary.Cases} cases; {P(summary.ConsistencyIfIndependent)} if variants failed independently.\n\n");
            md.Append("| Variant | Cases | Accuracy | Difference | McNemar p | Wrong when original wrong | Wrong when original right | Phi |\n|---|---:|---:|---:|---:|---:|---:|---:|\n");
            foreach (var v in summary.Variants)
            {
                md.Append(CultureInfo.InvariantCulture, $"| {MarkdownText.CodeSpan(v.Variant)} | {v.Cases} | {P(v.Accuracy)} | {Points(v.AccuracyDifference)} | {PValue(v.McNemarP)} | {P(v.WrongWhenOriginalWrong)} | {P(v.WrongWhenOriginalRight)} | {(v.Phi is { } phi ? Text.Number(phi, "0.00") : "n/a")} |\n");
            }
        }
    }

    public static string P(double? share) => share is { } s ? Text.Percent(s) : "n/a";

    /// <summary>A difference of shares in percentage points, signed.</summary>
    public static string Points(double? difference) => difference is { } d
        ? (d >= 0 ? "+" : "−") + Text.Number(Math.Abs(d) * 100, "0.0") + " pt"
        : "n/a";

    public static string Range(double[]? interval) => interval is [var low, var high] ? $"{Points(low)} to {Points(high)}" : "n/a";

    public static string PValue(double p) => p < 0.0001 ? "< 0.0001" : Text.Number(p, "0.####");

    private static string Right(bool right) => right ? "right" : "wrong";
}
