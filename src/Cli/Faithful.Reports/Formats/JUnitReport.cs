using System.Globalization;
using System.Xml.Linq;
using Faithful.Reports.Sanitising;
using Faithful.Reports.Summaries;
using Faithful.Traces.Results;
using Faithful.Traces.Scoring;

namespace Faithful.Reports.Formats;

/// <summary>
/// JUnit XML for CI test tabs, bounded whatever the suite's size: a suite per model holding one test case per program
/// length group (it fails when any trace of the group is not faithful, and says how many are not, by mode) and one test
/// case per drill-down trace (the report's sample: the worst and a few at random per group), which fails when its trace
/// is not faithful and errors when its request failed. Every trace is in the run file.
/// </summary>
public static class JUnitReport
{
    private const int MaxReplyChars = 4000;

    public static string Render(RunSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var suites = new XElement("testsuites", new XAttribute("name", "faithful"));
        var total = 0;
        foreach (var model in summary.Models)
        {
            var cases = model.LengthGroups.Select(g => Group(model.Model, g))
                .Concat(summary.DrillDown.Where(d => d.Series == model.Model).Select(d => Case(d.Result)))
                .ToList();
            var suite = new XElement(
                "testsuite",
                new XAttribute("name", Clean(model.Model)),
                new XAttribute("tests", cases.Count),
                new XAttribute("failures", cases.Count(c => c.Element("failure") is not null)),
                new XAttribute("errors", cases.Count(c => c.Element("error") is not null)));
            suite.Add(cases);
            suites.Add(suite);
            total += cases.Count;
        }

        suites.Add(new XAttribute("tests", total));
        return new XDocument(new XDeclaration("1.0", "utf-8", null), suites).Declaration + "\n" + suites.ToString() + "\n";
    }

    private static XElement Group(string model, Summaries.LengthGroup group)
    {
        var s = group.Summary;
        var element = new XElement(
            "testcase",
            new XAttribute("classname", Clean(model)),
            new XAttribute("name", Clean($"program length {group.Label}")));
        if (s.Cases == 0)
        {
            element.Add(new XElement("error", new XAttribute("message", string.Create(CultureInfo.InvariantCulture, $"all {s.Errors} requests failed"))));
            return element;
        }

        var unfaithful = s.Cases - s.Modes.GetValueOrDefault(FailureMode.Correct);
        if (unfaithful > 0)
        {
            var modes = string.Join(", ", s.Modes.Where(m => m.Key != FailureMode.Correct && m.Value > 0).OrderByDescending(m => m.Value).Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Key} {m.Value}")));
            var message = string.Create(CultureInfo.InvariantCulture, $"{unfaithful} of {s.Cases} traces are not faithful ({modes}); first-answer accuracy {Text.Percent(s.FirstAnswerAccuracy.Rate)}, step faithfulness {Text.Percent(s.StepFaithfulness.Mean)}{(s.Errors > 0 ? $"; {s.Errors} requests failed" : "")}");
            element.Add(new XElement("failure", new XAttribute("message", Clean(message)), new XAttribute("type", "unfaithful traces")));
        }

        return element;
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
