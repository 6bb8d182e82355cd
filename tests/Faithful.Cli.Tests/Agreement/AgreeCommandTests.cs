using System.Text.Json;
using Faithful.Cli.Tests.Support;
using Faithful.Model;
using Faithful.Reports.Agreement;
using Faithful.Reports.RunFiles;
using Faithful.Traces.Results;
using Faithful.Traces.Scoring;

namespace Faithful.Cli.Tests.Agreement;

public sealed class AgreeCommandTests
{
    // Four scored replies with known verdicts; the labels agree on t1 and t2 and dispute t3 and t4.
    private static readonly CaseResult[] Results =
    [
        Scored("t1", "m1", [FailureMode.Correct], firstRight: true, "faithful reply one"),
        Scored("t2", "m1", [FailureMode.UnderExecuted], firstRight: true, "shortcut reply two"),
        Scored("t3", "m2", [FailureMode.ArithmeticError, FailureMode.PrematureAnswer], firstRight: false, "UNIQUE-EXCERPT-THREE"),
        Scored("t4", "m2", [FailureMode.MissingAnswer], firstRight: false, "no answer four"),
    ];

    private const string Labels = """
        {"id":"t1","labels":["correct"],"answers":[5],"first_answer_right":true,"last_answer_right":true,"steps_executed":3,"steps_total":3,"first_divergence":null,"right_for_wrong_reasons":false,"confidence":"high","evidence":"All three steps right.","labeller":"A","pass":1}
        {"id":"t2","labels":["under_executed"],"answers":[5],"first_answer_right":true,"last_answer_right":true,"steps_executed":1,"steps_total":3,"first_divergence":null,"right_for_wrong_reasons":true,"confidence":"high","evidence":"Shortcut to the end value.","labeller":"A","pass":1}
        {"id":"t3","labels":["premature_answer","under_executed"],"answers":[7],"first_answer_right":false,"last_answer_right":false,"steps_executed":0,"steps_total":3,"first_divergence":null,"right_for_wrong_reasons":false,"confidence":"high","evidence":"Answers before any step.","labeller":"A","pass":1}
        {"id":"t4","labels":["correct"],"answers":[5],"first_answer_right":true,"last_answer_right":true,"steps_executed":3,"steps_total":3,"first_divergence":null,"right_for_wrong_reasons":false,"confidence":"high","evidence":"Prose answer at the end.","labeller":"A","pass":1}
        {"id":"absent","labels":["correct"],"answers":[1],"first_answer_right":true,"last_answer_right":true,"steps_executed":1,"steps_total":1,"first_divergence":null,"right_for_wrong_reasons":false,"confidence":"high","evidence":"Not in the run.","labeller":"A","pass":1}
        """;

    [Fact]
    public async Task Agree_prints_per_label_figures_answers_and_the_disagreements_with_excerpts()
    {
        using var dir = new TempDir();
        var (runFile, labelsFile) = Write(dir);
        var output = new StringWriter();

        var exit = await Cli.CliApp.RunAsync(["agree", runFile, labelsFile, "--out", dir.Path], new Cli.CliConsole(output, new StringWriter()));

        var text = output.ToString();
        Assert.True(exit == 0, text);
        Assert.Contains("4 replies compared; label sets identical on 2 (50.0%)", text, StringComparison.Ordinal);
        Assert.Contains("1 labelled id(s) absent", text, StringComparison.Ordinal);
        // correct: gold t1,t4; tested t1 -> P 1, R 0.5, F1 0.667.
        Assert.Contains("| correct | 2 | 1 | 1 | 0 | 1 | 1.000 | 0.500 | 0.667 |", text, StringComparison.Ordinal);
        // arithmetic_error: tested on t3 only, never gold.
        Assert.Contains("| arithmetic_error | 0 | 1 | 0 | 1 | 0 | 0.000 | n/a | 0.000 |", text, StringComparison.Ordinal);
        Assert.Contains("first answer (right / wrong / missing) agrees on 3 of 4", text, StringComparison.Ordinal);
        Assert.Contains("right for the wrong reasons: 1 by the labels, 1 caught", text, StringComparison.Ordinal);
        Assert.Contains("## Disagreements (2)", text, StringComparison.Ordinal);
        Assert.Contains("UNIQUE-EXCERPT-THREE", text, StringComparison.Ordinal);
        Assert.Contains("FAILED correct: recall 0.500", text, StringComparison.Ordinal);

        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(dir.Path, "agreement.json"), TestContext.Current.CancellationToken));
        Assert.Equal(AgreementJson.FormatVersion, json.RootElement.GetProperty("format").GetString());
        Assert.Equal(4, json.RootElement.GetProperty("replies").GetInt32());
        Assert.Equal(["t3", "t4"], json.RootElement.GetProperty("disagreements").EnumerateArray().Select(d => d.GetProperty("id").GetString()));
        Assert.DoesNotContain("UNIQUE-EXCERPT-THREE", json.RootElement.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Require_exits_3_when_a_requirement_fails_and_0_when_all_hold()
    {
        using var dir = new TempDir();
        var (runFile, labelsFile) = Write(dir);

        var failing = await Cli.CliApp.RunAsync(["agree", runFile, labelsFile, "--require"], new Cli.CliConsole(new StringWriter(), new StringWriter()));
        var lenient = await Cli.CliApp.RunAsync(
            ["agree", runFile, labelsFile, "--require", "--min-correct-recall", "0.5", "--min-first-answer", "0.75", "--min-support", "3"],
            new Cli.CliConsole(new StringWriter(), new StringWriter()));

        Assert.Equal(3, failing);
        Assert.Equal(0, lenient);
    }

    [Fact]
    public async Task Two_labels_files_compare_two_labellers()
    {
        using var dir = new TempDir();
        var first = dir["a.jsonl"];
        var second = dir["b.jsonl"];
        await File.WriteAllTextAsync(first, Labels, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(second, Labels.Replace("\"id\":\"t4\",\"labels\":[\"correct\"]", "\"id\":\"t4\",\"labels\":[\"under_executed\"]", StringComparison.Ordinal), TestContext.Current.CancellationToken);
        var output = new StringWriter();

        var exit = await Cli.CliApp.RunAsync(["agree", second, first], new Cli.CliConsole(output, new StringWriter()));

        Assert.Equal(0, exit);
        Assert.Contains("5 replies compared; label sets identical on 4 (80.0%)", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_files_and_folders_are_named_in_one_error_line()
    {
        using var dir = new TempDir();
        var error = new StringWriter();

        var missing = await Cli.CliApp.RunAsync(["agree", dir["none.jsonl"], dir["labels.jsonl"]], new Cli.CliConsole(new StringWriter(), error));
        var folder = await Cli.CliApp.RunAsync(["agree", dir.Path, dir.Path], new Cli.CliConsole(new StringWriter(), error));

        Assert.Equal(2, missing);
        Assert.Equal(2, folder);
        Assert.Contains("readings file", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("is a folder", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_label_lines_are_reported_with_their_numbers_and_good_ones_kept()
    {
        var text = string.Join('\n',
            """{"id":"a","labels":["correct"]}""",
            "{ not json",
            """{"id":"b","labels":["wrongish"]}""",
            """{"id":"c","labels":["correct","under_executed"]}""",
            """{"labels":["correct"]}""",
            """{"id":"a","labels":["under_executed"]}""",
            """{"id":"d","labels":["arithmetic_error"],"first_answer_right":true}""");

        var set = LabelsFile.Read(new StringReader(text), "l.jsonl");

        Assert.Equal(["a", "d"], set.ById.Keys.Order());
        Assert.Equal([2, 3, 4, 5, 6], set.Issues.Select(i => i.Line));
        Assert.Contains("'wrongish' in 'b' is not a label", set.Issues[1].Reason, StringComparison.Ordinal);
        Assert.Contains("correct stands alone", set.Issues[2].Reason, StringComparison.Ordinal);
        Assert.Contains("labelled twice", set.Issues[4].Reason, StringComparison.Ordinal);
        // right_for_wrong_reasons left out: derived from the first answer and the labels.
        Assert.True(set.ById["d"].RightForWrongReasons);
    }

    private static (string RunFile, string LabelsFile) Write(TempDir dir)
    {
        var runFile = dir["scored.jsonl"];
        using (var writer = RunFileWriter.Create(runFile, new RunHeader(RunFile.FormatVersion, "2026-01-01T00:00:00Z", "test", "test", Results.Length)))
        {
            foreach (var result in Results)
            {
                writer.Write(result);
            }
        }

        var labelsFile = dir["labels.jsonl"];
        File.WriteAllText(labelsFile, Labels);
        return (runFile, labelsFile);
    }

    private static CaseResult Scored(string id, string model, FailureMode[] modes, bool firstRight, string reply)
    {
        var result = SyntheticResults.Make(model, "P" + id, 3, 0, modes[0], firstRight, firstRight ? 3 : 0, reply, new Dictionary<string, string> { ["transcript.id"] = id });
        return result with { Verdict = result.Verdict! with { Modes = modes.ToEquatableArray() } };
    }
}
