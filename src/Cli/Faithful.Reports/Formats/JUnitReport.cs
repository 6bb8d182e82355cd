using System.Globalization;
using System.Xml.Linq;
using Faithful.Reports.Sanitising;
using Faithful.Reports.Summaries;
using Faithful.Traces.Results;
using Faithful.Traces.Scoring;

namespace Faithful.Reports.Formats;

/// <summary>
/// JUnit XML for CI test tabs: a suite per model, a test case per result. A case fails when its trace is not
/// faithful (primary mode other than Correct) and errors when the request failed.
/// </summary>
public static class JUnitReport
{
    private const int MaxReplyChars = 4000;

    public static string Render(RunSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var suites = new XElement("testsuites", new XAttribute("name", "faithful"));
        var hasProtocols = summary.Results.Any(r => r.Protocol is not null);
        foreach (var group in summary.Results.GroupBy(r => ProtocolNames.SeriesLabel(r, hasProtocols), StringComparer.Ordinal))
        {
            var results = group.ToList();
            var suite = new XElement(
                "testsuite",
                new XAttribute("name", Clean(group.Key)),
                new XAttribute("tests", results.Count),
                new XAttribute("failures", results.Count(r => r.Verdict is { PrimaryMode: not FailureMode.Correct })),
                new XAttribute("errors", results.Count(r => r.Verdict is null)));
            foreach (var result in results)
            {
                suite.Add(Case(result));
            }

            suites.Add(suite);
        }

        suites.Add(new XAttribute("tests", summary.Results.Count));
        return new XDocument(new XDeclaration("1.0", "utf-8", null), suites).Declaration + "\n" + suites.ToString() + "\n";
    }

    private static XElement Case(CaseResult result)
    {
        var element = new XElement(
            "testcase",
            new XAttribute("classname", Clean(result.ProgramId)),
            new XAttribute("name", Clean($"{result.ProgramId} ({string.Join(", ", result.Inputs)}) #{result.Sample.ToString(CultureInfo.InvariantCulture)}")));
        if (result.Verdict is null)
        {
            element.Add(new XElement("error", new XAttribute("message", Clean(result.Error ?? "no verdict"))));
        }
        else if (result.Verdict.PrimaryMode != FailureMode.Correct)
        {
            var verdict = result.Verdict;
            var message = $"{verdict.PrimaryMode}: step faithfulness {Text.Percent(verdict.StepFaithfulness)}, first divergence at step {(verdict.FirstDivergence is { } d ? (d + 1).ToString(CultureInfo.InvariantCulture) : "none")}";
            var evidence = string.Join("\n", verdict.Evidence.Select(e => $"{e.Mode}: {e.Explanation}"));
            element.Add(new XElement(
                "failure",
                new XAttribute("message", Clean(message)),
                new XAttribute("type", verdict.PrimaryMode.ToString()),
                Clean(evidence + "\n\nReply:\n" + Text.Bound(result.Reply, MaxReplyChars, ReplyText.OriginalLength(result)))));
        }

        return element;
    }

    private static string Clean(string text) => XmlText.Clean(text);
}
