using System.Globalization;
using System.Text;
using Faithful.Reports.Html;

namespace Faithful.Reports.Protocols;

/// <summary>The protocol comparison as a section of the HTML report: the difference plot, the paired tables, each protocol's own figures.</summary>
internal static class ProtocolHtml
{
    private const int MaxRationaleRows = 500;

    public static void Append(StringBuilder html, ProtocolReport report)
    {
        html.Append(CultureInfo.InvariantCulture, $"<h2 id=\"protocols\">Protocols compared with {Svg.Escape(report.Reference)}</h2>\n");
        html.Append("<p>Paired on the cases both protocols scored; differences are the protocol minus the reference, with 95% intervals; McNemar's exact test on the cases whose first answer flipped.</p>\n");
        html.Append(ProtocolDifferenceChart.Render(report.Pairs));
        html.Append("\n<table id=\"protocol-pairs\"><thead><tr><th>Model</th><th>Protocol</th><th>Cases</th><th>First-answer accuracy</th><th>Difference (95% CI)</th><th>Step faithfulness difference (95% CI)</th><th>Gained</th><th>Lost</th><th>McNemar p</th></tr></thead><tbody>");
        foreach (var pair in report.Pairs)
        {
            var f = pair.Overall;
            html.Append(CultureInfo.InvariantCulture, $"<tr><td><code>{Svg.Escape(pair.Model)}</code></td><td>{Svg.Escape(pair.Candidate)}</td><td>{f.SharedCases}</td><td>{ProtocolMarkdown.P(f.BaselineAccuracy)} → {ProtocolMarkdown.P(f.CandidateAccuracy)}</td><td>{ProtocolMarkdown.Points(f.AccuracyDifference)} ({ProtocolMarkdown.Range(f.AccuracyDifferenceCi)})</td><td>{ProtocolMarkdown.Points(f.FaithfulnessDifference)} ({ProtocolMarkdown.Range(f.FaithfulnessDifferenceCi)})</td><td>{f.Gained}</td><td>{f.Lost}</td><td>{ProtocolMarkdown.PValue(f.McNemarP)}</td></tr>");
        }

        html.Append("</tbody></table>\n");
        foreach (var pair in report.Pairs)
        {
            AppendPair(html, pair);
        }

        AppendSections(html, report);
    }

    private static void AppendPair(StringBuilder html, ProtocolPair pair)
    {
        html.Append(CultureInfo.InvariantCulture, $"<details class=\"protocol-pair\"><summary><code>{Svg.Escape(pair.Model)}</code>: {Svg.Escape(pair.Candidate)} against {Svg.Escape(pair.Baseline)}, by length and flipped cases ({pair.FlippedTotal})</summary>");
        html.Append("<table><thead><tr><th>Length</th><th>Cases</th><th>Accuracy</th><th>Difference (95% CI)</th><th>Faithfulness difference (95% CI)</th><th>Gained</th><th>Lost</th><th>McNemar p</th></tr></thead><tbody>");
        foreach (var cell in pair.ByLength)
        {
            var f = cell.Figures;
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{cell.Length}</td><td>{f.SharedCases}</td><td>{ProtocolMarkdown.P(f.BaselineAccuracy)} → {ProtocolMarkdown.P(f.CandidateAccuracy)}</td><td>{ProtocolMarkdown.Points(f.AccuracyDifference)} ({ProtocolMarkdown.Range(f.AccuracyDifferenceCi)})</td><td>{ProtocolMarkdown.Points(f.FaithfulnessDifference)} ({ProtocolMarkdown.Range(f.FaithfulnessDifferenceCi)})</td><td>{f.Gained}</td><td>{f.Lost}</td><td>{ProtocolMarkdown.PValue(f.McNemarP)}</td></tr>");
        }

        html.Append("</tbody></table>");
        if (pair.Flipped.Count > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<table class=\"flips\"><thead><tr><th>Case</th><th>Length</th><th>{Svg.Escape(pair.Baseline)}</th><th>{Svg.Escape(pair.Candidate)}</th></tr></thead><tbody>");
            foreach (var flip in pair.Flipped)
            {
                html.Append(CultureInfo.InvariantCulture, $"<tr><td><code>{Svg.Escape(flip.CaseId)}</code></td><td>{flip.Length}</td><td>{(flip.BaselineRight ? "right" : "wrong")}</td><td>{(flip.CandidateRight ? "right" : "wrong")}</td></tr>");
            }

            html.Append("</tbody></table>");
            if (pair.FlippedTotal > pair.Flipped.Count)
            {
                html.Append(CultureInfo.InvariantCulture, $"<p>… and {pair.FlippedTotal - pair.Flipped.Count} more.</p>");
            }
        }

        html.Append("</details>\n");
    }

    private static void AppendSections(StringBuilder html, ProtocolReport report)
    {
        foreach (var s in report.Checkpointed)
        {
            HtmlTable.Write(html, $"{s.Model}: checkpointed, unaided against with checks", "protocol-checkpointed", ["Length", "Cases", "Unaided reach", "Unaided success", "Accuracy with checks", "Corrections per case", "Stopped"],
                s.ByLength.Select(l => new[] { N(l.Length), N(l.Cases), ProtocolMarkdown.P(l.UnaidedReach), ProtocolMarkdown.P(l.UnaidedSuccess), ProtocolMarkdown.P(l.AccuracyWithChecks), Formats.Text.Number(l.MeanCorrections, "0.00"), N(l.Stopped) }));
        }

        foreach (var s in report.Gradual)
        {
            HtmlTable.Write(html, $"{s.Model}: gradual, where the first wrong turn happens", "protocol-gradual", ["Length", "Cases", "Accuracy", "Went wrong", "Mean first wrong turn (0 first, 1 last)", "By fifth of the conversation"],
                s.ByLength.Select(l => new[] { N(l.Length), N(l.Cases), ProtocolMarkdown.P(l.Accuracy), ProtocolMarkdown.P(l.WentWrong), l.MeanFirstWrongTurnShare is { } m ? Formats.Text.Number(m, "0.00") : "n/a", string.Join(" · ", l.FirstWrongByFifth) }));
        }

        foreach (var s in report.PlanExecute)
        {
            HtmlTable.Write(html, $"{s.Model}: plan-execute, knowing the procedure against carrying it out", "protocol-plan-execute", ["Length", "Cases", "Plan read", "Same structure", "Same computation", "Executed accuracy"],
                s.ByLength.Select(l => new[] { N(l.Length), N(l.Cases), ProtocolMarkdown.P(l.PlanRead), ProtocolMarkdown.P(l.SameStructure), ProtocolMarkdown.P(l.SameComputation), ProtocolMarkdown.P(l.ExecutedAccuracy) }));
        }

        foreach (var s in report.ExplainThenExecute)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>{Svg.Escape(s.Model)}, explain-then-execute: rationale correct {ProtocolMarkdown.P(s.RationaleCorrect)}, execution faithful {ProtocolMarkdown.P(s.ExecutionFaithful)}, agreement {ProtocolMarkdown.P(s.Agreement)} (Cohen's kappa {(s.Kappa is { } k ? Formats.Text.Number(k, "0.00") : "n/a")}); both right {s.BothRight}, rationale only {s.RationaleOnly}, execution only {s.ExecutionOnly}, both wrong {s.BothWrong}.</p>");
            HtmlTable.Write(html, $"{s.Model}: explain-then-execute by length", "protocol-explain-then-execute", ["Length", "Cases", "Rationale correct", "Rationale steps right", "Execution faithful", "Agreement"],
                s.ByLength.Select(l => new[] { N(l.Length), N(l.Cases), ProtocolMarkdown.P(l.RationaleCorrect), ProtocolMarkdown.P(l.RationaleStepShare), ProtocolMarkdown.P(l.ExecutionFaithful), ProtocolMarkdown.P(l.Agreement) }));
            html.Append("<details><summary>Every case: rationale next to execution</summary>");
            HtmlTable.Write(html, null, "protocol-rationale-cases", ["Case", "Length", "Rationale steps right", "Rationale", "Execution", "First answer"],
                s.Cases.Take(MaxRationaleRows).Select(c => new[] { c.CaseId, N(c.Length), ProtocolMarkdown.P(c.RationaleShare), c.RationaleCorrect ? "right" : "wrong", c.ExecutionFaithful ? "faithful" : "not faithful", c.FirstAnswerCorrect ? "right" : "wrong" }));
            html.Append("</details>\n");
        }

        foreach (var s in report.Metamorphic)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>{Svg.Escape(s.Model)}, metamorphic: consistency {ProtocolMarkdown.P(s.Consistency)} over {s.Cases} cases ({ProtocolMarkdown.P(s.ConsistencyIfIndependent)} if variants failed independently).</p>");
            HtmlTable.Write(html, $"{s.Model}: metamorphic variants against the original", "protocol-metamorphic", ["Variant", "Cases", "Accuracy", "Difference", "McNemar p", "Wrong when original wrong", "Wrong when original right", "Phi"],
                s.Variants.Select(v => new[] { v.Variant, N(v.Cases), ProtocolMarkdown.P(v.Accuracy), ProtocolMarkdown.Points(v.AccuracyDifference), ProtocolMarkdown.PValue(v.McNemarP), ProtocolMarkdown.P(v.WrongWhenOriginalWrong), ProtocolMarkdown.P(v.WrongWhenOriginalRight), v.Phi is { } phi ? Formats.Text.Number(phi, "0.00") : "n/a" }));
        }
    }

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
