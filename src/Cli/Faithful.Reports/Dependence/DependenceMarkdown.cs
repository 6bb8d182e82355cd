using System.Globalization;
using System.Text;
using Faithful.Reports.Formats;
using Faithful.Reports.Protocols;
using Faithful.Reports.Sanitising;

namespace Faithful.Reports.Dependence;

/// <summary>The trace-dependence section of report.md: figures only, model names as code spans.</summary>
public static class DependenceMarkdown
{
    public static string Render(DependenceReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var md = new StringBuilder("\n### Trace dependence\n\n");
        md.Append("Does the answer follow the trace? Shares with 95% intervals; docs/protocols.md says what each protocol shows.\n");
        foreach (var s in report.CorruptPrefix)
        {
            md.Append(CultureInfo.InvariantCulture, $"\n#### {MarkdownText.CodeSpan(s.Model)} corrupt-prefix: dependence {P(s.Overall.Dependence)} ({Range(s.Overall.DependenceCi)}) over {s.Overall.Decisive} decisive probes; follows exactly {P(s.Overall.FollowRate)}\n\n");
            md.Append("| Length | At | Probes | Dependence (95% CI) | Follows exactly | Ignores | Other | No answer | Absorbed | Continued steps right |\n|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            foreach (var p in s.ByLength.Concat(s.ByPosition))
            {
                var f = p.Figures;
                md.Append(CultureInfo.InvariantCulture, $"| {(p.Length is { } l ? l.ToString(CultureInfo.InvariantCulture) : "all")} | {MarkdownText.CodeSpan(p.At ?? "all")} | {f.Probes} | {P(f.Dependence)} ({Range(f.DependenceCi)}) | {P(f.FollowRate)} | {f.Ignores} | {f.Other} | {f.NoAnswer} | {f.Absorbed} | {P(f.ContinuedStepsRight)} |\n");
            }
        }

        foreach (var s in report.Truncate)
        {
            md.Append(CultureInfo.InvariantCulture, $"\n#### {MarkdownText.CodeSpan(s.Model)} truncate: answering early\n\n");
            md.Append("| At | Share shown | Probes | Accuracy (95% CI) | From a right prefix (95% CI; probes) | Whole trace | Own answer kept |\n|---:|---:|---:|---:|---:|---:|---:|\n");
            foreach (var p in s.ByPosition)
            {
                md.Append(CultureInfo.InvariantCulture, $"| {MarkdownText.CodeSpan(p.At ?? "all")} | {P(p.ShownShare)} | {p.Probes} | {P(p.Accuracy)} ({Range(p.AccuracyCi)}) | {P(p.AccuracyFromRightPrefix)} ({Range(p.AccuracyFromRightPrefixCi)}; {p.FromRightPrefix}) | {P(p.OwnAccuracy)} | {P(p.AnswerKept)} |\n");
            }
        }

        foreach (var s in report.Filler)
        {
            var o = s.Overall;
            md.Append(CultureInfo.InvariantCulture, $"\n{MarkdownText.CodeSpan(s.Model)} filler: accuracy {P(o.FillerAccuracy)} ({Range(o.FillerAccuracyCi)}) with filler against {P(o.RealTraceAccuracy)} with the real trace, {ProtocolMarkdown.Points(o.Difference)} ({ProtocolMarkdown.Range(o.DifferenceCi)}), McNemar p {ProtocolMarkdown.PValue(o.McNemarP)} over {o.Cases} cases.\n");
        }

        foreach (var s in report.Paraphrase)
        {
            var o = s.Overall;
            md.Append(CultureInfo.InvariantCulture, $"\n{MarkdownText.CodeSpan(s.Model)} paraphrase: answer kept {P(o.AnswerKept)} ({Range(o.AnswerKeptCi)}) over {o.Probes} probes; accuracy {P(o.Accuracy)} against {P(o.OwnAccuracy)} before.\n");
        }

        return md.ToString();
    }

    private static string P(double? share) => ProtocolMarkdown.P(share);

    private static string Range(double[]? interval) => interval is [var low, var high] ? $"{Text.Percent(low)}–{Text.Percent(high)}" : "n/a";
}
