using Faithful.Reports.Formats;
using Faithful.Reports.Protocols;
using Faithful.Reports.Summaries;

namespace Faithful.Cli.Output;

/// <summary>One line per protocol against the reference, after the summary table, when a run compares protocols.</summary>
internal static class ProtocolTable
{
    public static void Print(RunSummary summary, CliConsole console)
    {
        if (summary.Protocols is not { Pairs.Count: > 0 } report)
        {
            return;
        }

        var o = console.Out;
        o.WriteLine();
        o.WriteLine($"protocols against {report.Reference} (paired on shared cases; difference in first-answer accuracy, 95% CI; McNemar exact p):");
        foreach (var pair in report.Pairs)
        {
            var f = pair.Overall;
            o.WriteLine($"  {Fit(pair.Model, 20),-20} {Fit(pair.Candidate, 26),-26} n={f.SharedCases,-5} {ProtocolMarkdown.P(f.BaselineAccuracy),6} -> {ProtocolMarkdown.P(f.CandidateAccuracy),6}  {ProtocolMarkdown.Points(f.AccuracyDifference),9} ({ProtocolMarkdown.Range(f.AccuracyDifferenceCi)})  gained {f.Gained}, lost {f.Lost}, p {ProtocolMarkdown.PValue(f.McNemarP)}");
        }
    }

    private static string Fit(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";
}
