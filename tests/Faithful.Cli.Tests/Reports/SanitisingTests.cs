using System.Text.Json;
using System.Xml.Linq;
using Faithful.Cli.Tests.Support;
using Faithful.Reports.Formats;
using Faithful.Reports.Gating;
using Faithful.Reports.Html;
using Faithful.Reports.RunFiles;
using Faithful.Reports.Summaries;
using Faithful.Traces.Scoring;
using Faithful.Transcripts;

namespace Faithful.Cli.Tests.Reports;

/// <summary>
/// Model-controlled text (model names, replies, reasons) in every output format: it must show as text, never act as
/// markup or as a terminal command.
/// </summary>
public sealed class SanitisingTests
{
    private const string Esc = "\u001b";
    private const string TerminalAttack = Esc + "]52;c;ZXZpbA==\u0007" + Esc + "]0;owned\u0007" + Esc + "[2J\u009b31m\rover";

    [Fact]
    public void A_backtick_in_a_model_name_cannot_end_its_code_span_in_Markdown()
    {
        const string model = "evil`**bold** [link](https://x.example) ``x";
        var results = SyntheticResults.Curve(model, 2, _ => 1, 5);
        var summary = RunSummary.Of(results);
        var gate = Gate.Evaluate(summary, new GateOptions { MinFaithfulness = 0.9 }).ToText();

        var markdown = MarkdownReport.Render(summary, gate);

        // A fence longer than any backtick run inside keeps the whole name code.
        Assert.Contains("| ```evil`**bold** [link](https://x.example) ``x``` |", markdown, StringComparison.Ordinal);
        Assert.Contains("<code>evil`**bold** [link](https://x.example) ``x</code>", markdown, StringComparison.Ordinal);
        Assert.Contains("] ```evil`**bold** [link](https://x.example) ``x```: step faithfulness", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("`**bold**`", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_in_a_model_name_is_escaped_inside_the_Markdown_details_summary()
    {
        var results = SyntheticResults.Curve("a<img src=x onerror=alert(1)>&b", 2, _ => 1, 5);

        var markdown = MarkdownReport.Render(RunSummary.Of(results));

        // In a code span HTML is literal text; in the raw-HTML summary it must be escaped.
        Assert.Contains("| `a<img src=x onerror=alert(1)>&b` |", markdown, StringComparison.Ordinal);
        Assert.Equal(1, markdown.Split("<img").Length - 1);
        Assert.Contains("<code>a&lt;img src=x onerror=alert(1)&gt;&amp;b</code>", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Terminal_escapes_in_model_names_are_shown_escaped_in_the_summary_table()
    {
        using var dir = new TempDir();
        var runFile = dir["run.jsonl"];
        var result = SyntheticResults.Make("m" + TerminalAttack, "P.A", 5, 0, FailureMode.Correct, true, 5);
        await File.WriteAllTextAsync(runFile, JsonSerializer.Serialize(result, FaithfulJson.Options) + "\n", TestContext.Current.CancellationToken);

        var outcome = await CliInProcess.RunAsync("report", runFile, "--out", dir["out"]);

        Assert.True(outcome.ExitCode == 0, outcome.Output);
        AssertNoControlCharacters(outcome.Output);
        Assert.Contains("\\x1B]52;c;", outcome.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Terminal_escapes_in_skipped_line_reasons_are_shown_escaped()
    {
        using var dir = new TempDir();
        var path = dir["t.jsonl"];
        var line = JsonSerializer.Serialize(new { model = "m", reply = "x", programName = "P" + TerminalAttack, inputs = new[] { 1 } });
        await File.WriteAllTextAsync(path, line + "\n", TestContext.Current.CancellationToken);

        var outcome = await CliInProcess.RunAsync("score", path, "--out", dir["out"]);

        Assert.Contains("skipped t.jsonl(1)", outcome.Output, StringComparison.Ordinal);
        AssertNoControlCharacters(outcome.Output);
    }

    [Fact]
    public void Raw_NUL_and_ESC_never_reach_the_HTML_report()
    {
        var results = new[] { SyntheticResults.Make("m\u0000" + TerminalAttack, "P.A", 5, 0, FailureMode.ArithmeticError, false, 2, reply: "s1 = 1\u0000\u001b[31m red \u0085") };

        var html = HtmlReport.Render(RunSummary.Of(results));

        Assert.DoesNotContain('\u0000', html);
        Assert.DoesNotContain('\u001b', html);
        Assert.DoesNotContain('\u0085', html);
        Assert.DoesNotContain('\u0007', html);
        Assert.Contains("\\x00", html, StringComparison.Ordinal);
    }

    [Fact]
    public void JUnit_stays_well_formed_with_hostile_text()
    {
        var results = new[] { SyntheticResults.Make("m\u0000\ud800" + TerminalAttack + "\"<>&]]>", "P.A", 5, 0, FailureMode.ArithmeticError, false, 2, reply: "</failure>]]>\u0000\udfff\u001b[2J") };

        var xml = JUnitReport.Render(RunSummary.Of(results));

        var document = XDocument.Parse(xml);
        Assert.StartsWith("m", (string)document.Root!.Element("testsuite")!.Attribute("name")!, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', xml);
        Assert.DoesNotContain('\u0000', xml);
    }

    [Fact]
    public void The_count_of_characters_not_shown_is_the_replys_own_even_past_the_64_KB_kept()
    {
        var reply = "s1 = 2\n" + new string('x', 100_000) + "\nFinal answer: 2";
        var line = JsonSerializer.Serialize(new { model = "m", reply, program = "var s1 = a + 1;", inputs = new { a = 1 }, question = "s1" });
        var import = TranscriptScorer.Score(new StringReader(line), "long-reply.jsonl");
        var result = Assert.Single(import.Results);

        var html = HtmlReport.Render(RunSummary.Of(import.Results), new HtmlReportOptions { MaxReplyChars = 4_000 });
        var junit = JUnitReport.Render(RunSummary.Of([result with { Verdict = result.Verdict! with { PrimaryMode = FailureMode.ArithmeticError } }]));

        Assert.Equal(64 * 1024, result.Reply.Length);
        Assert.Contains($"({reply.Length - 4_000} more characters not shown)", html, StringComparison.Ordinal);
        Assert.Contains($"({reply.Length - 4_000} more characters not shown)", junit, StringComparison.Ordinal);
    }

    private static void AssertNoControlCharacters(string text)
    {
        foreach (var c in text)
        {
            Assert.False(char.IsControl(c) && c is not ('\n' or '\t'), $"raw control character U+{(int)c:X4} in output");
        }
    }
}
