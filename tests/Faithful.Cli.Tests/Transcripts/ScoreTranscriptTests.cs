using Faithful.Cli.Tests.Support;
using Faithful.Reports.Formats;
using Faithful.Traces.Scoring;
using Faithful.Transcripts;

namespace Faithful.Cli.Tests.Transcripts;

public sealed class ScoreTranscriptTests
{
    [Fact]
    public async Task Scoring_the_sample_prints_a_summary_and_writes_reports_with_the_expected_numbers()
    {
        using var dir = new TempDir();
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await Cli.CliApp.RunAsync(["score", RepoPaths.SampleTranscripts, "--out", dir.Path], new Cli.CliConsole(output, error));

        Assert.True(exit == 0, output + "\n" + error);
        Assert.Contains("scored 8 transcripts from sample.jsonl; skipped 0 malformed line(s)", output.ToString(), StringComparison.Ordinal);
        Assert.Matches(@"vendor:beta\s+all\s+4\s+25\.0%", output.ToString());
        Assert.True(File.Exists(Path.Combine(dir.Path, "report.html")));

        var report = JsonReport.Parse(await File.ReadAllTextAsync(Path.Combine(dir.Path, "report.json"), TestContext.Current.CancellationToken));
        Assert.Equal(["vendor:alpha", "vendor:beta"], report.Models.Select(m => m.Model));
        var alpha = report.Models[0];
        var beta = report.Models[1];
        Assert.Equal([4, 5], alpha.ByLength.Select(l => l.Length));
        Assert.Equal(4, alpha.Overall.Cases);
        Assert.Equal(1.0, alpha.Overall.FirstAnswerAccuracy);
        Assert.Equal(1.0, alpha.Overall.StepFaithfulness);
        Assert.Equal(4, alpha.Overall.Modes["Correct"]);
        Assert.Equal(0.25, beta.Overall.FirstAnswerAccuracy);
        Assert.Equal(2, beta.Overall.Modes["ArithmeticError"]);
        Assert.Equal(1, beta.Overall.Modes["MissingAnswer"]);
        Assert.False(beta.Overall.Modes.ContainsKey("Correct"));

        // t2: the third statement (a0 += a2) is the first wrong one; t6: s4 wrong, s5 right given the wrong s4.
        var t2 = report.Cases.Single(c => c.Model == "vendor:beta" && c.Length == 4 && c.Mode == "ArithmeticError");
        Assert.Equal(2, t2.FirstDivergence);
        Assert.Equal(0.75, t2.StepFaithfulness);
        var t6 = report.Cases.Single(c => c.Model == "vendor:beta" && c.Length == 5 && c.Mode == "ArithmeticError");
        Assert.Equal(3, t6.FirstDivergence);
        Assert.Equal(0.6, t6.StepFaithfulness);
    }

    [Fact]
    public async Task Many_lines_scored_in_parallel_keep_file_order_and_number_repeated_cases_as_samples()
    {
        // Workers score lines in parallel and serialize their results; a repeated line without a sample is the next
        // sample of its case, numbered in file order, so its worker-side bytes must be redone with that number.
        var sample = File.ReadLines(RepoPaths.SampleTranscripts).Where(l => l.Length > 0).ToList();
        var lines = new List<string>();
        for (var round = 0; round < 6; round++)
        {
            foreach (var line in sample)
            {
                lines.Add(line);
            }

            lines.Add("{ not json " + round);
        }

        using var dir = new TempDir();
        var input = Path.Combine(dir.Path, "many.jsonl");
        await File.WriteAllLinesAsync(input, lines, TestContext.Current.CancellationToken);
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await Cli.CliApp.RunAsync(["score", input, "--out", Path.Combine(dir.Path, "out"), "--workers", "2"], new Cli.CliConsole(output, error));

        Assert.True(exit == 0, output + "\n" + error);
        Assert.Contains($"scored {6 * sample.Count} transcripts from many.jsonl; skipped 6 malformed line(s)", output.ToString(), StringComparison.Ordinal);
        var issues = error.ToString().Split('\n').Where(l => l.StartsWith("skipped", StringComparison.Ordinal)).ToList();
        Assert.Equal(Enumerable.Range(1, 6).Select(r => r * (sample.Count + 1)), issues.Select(l => int.Parse(System.Text.RegularExpressions.Regex.Match(l, @"many\.jsonl\((\d+)\)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)));

        var cases = File.ReadLines(Path.Combine(dir.Path, "out", "scored.jsonl"))
            .Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement)
            .Where(e => e.TryGetProperty("caseId", out _))
            .Select(e => (Line: int.Parse(e.GetProperty("metadata").GetProperty("transcript.line").GetString()!, System.Globalization.CultureInfo.InvariantCulture), Sample: e.GetProperty("sample").GetInt32(), CaseId: e.GetProperty("caseId").GetString()!))
            .ToList();
        Assert.Equal(cases.Select(c => c.Line).Order(), cases.Select(c => c.Line));
        Assert.All(cases, c => Assert.EndsWith("#" + c.Sample, c.CaseId, StringComparison.Ordinal));
        Assert.Equal(Enumerable.Range(0, 6), cases.Where(c => c.Line % (sample.Count + 1) == 1).Select(c => c.Sample));
    }

    [Fact]
    public async Task Reports_summarized_while_scoring_equal_reports_written_later_from_the_run_file()
    {
        // 'score' summarizes results as it writes them and reads drill-down cases back from where it wrote them; the
        // reports must be byte for byte those 'faithful report' makes from the finished run file. Several samples per
        // case, wrong answers and a transcript id of a credential's shape make every report section non-trivial.
        var sample = File.ReadLines(RepoPaths.SampleTranscripts).Where(l => l.Length > 0).ToList();
        var lines = new List<string>();
        for (var round = 0; round < 4; round++)
        {
            lines.AddRange(sample);
        }

        lines.Add(sample[1].Replace("\"id\": \"t2\"", "\"id\": \"sk-ABCDEFGHIJKLMNOPQRSTUVWX\"", StringComparison.Ordinal));
        Assert.Contains("sk-ABCDEFGHIJKLMNOPQRSTUVWX", lines[^1], StringComparison.Ordinal);
        using var dir = new TempDir();
        var input = Path.Combine(dir.Path, "mixed.jsonl");
        await File.WriteAllLinesAsync(input, lines, TestContext.Current.CancellationToken);
        var scored = Path.Combine(dir.Path, "scored");
        var reported = Path.Combine(dir.Path, "reported");
        var output = new StringWriter();
        var error = new StringWriter();

        var scoreExit = await Cli.CliApp.RunAsync(["score", input, "--out", scored, "--workers", "2"], new Cli.CliConsole(output, error));
        var reportExit = await Cli.CliApp.RunAsync(["report", Path.Combine(scored, "scored.jsonl"), "--out", reported, "--title", "Faithful report: mixed.jsonl"], new Cli.CliConsole(output, error));

        Assert.True(scoreExit == 0 && reportExit == 0, output + "\n" + error);
        var report = JsonReport.Parse(await File.ReadAllTextAsync(Path.Combine(scored, "report.json"), TestContext.Current.CancellationToken));
        Assert.Equal(lines.Count, report.Models.Sum(m => m.Overall.Cases));
        var html = await File.ReadAllTextAsync(Path.Combine(scored, "report.html"), TestContext.Current.CancellationToken);
        var picked = System.Text.RegularExpressions.Regex.Match(html, "<p id=\"sample-note\">(\\d+) of (\\d+) traces");
        Assert.True(picked.Success && int.Parse(picked.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) > 0, "the HTML report has no drill-down cases");
        foreach (var name in new[] { "report.html", "report.json", "junit.xml", "report.md" })
        {
            var fromScore = await File.ReadAllTextAsync(Path.Combine(scored, name), TestContext.Current.CancellationToken);
            var fromRunFile = await File.ReadAllTextAsync(Path.Combine(reported, name), TestContext.Current.CancellationToken);
            Assert.True(fromScore == fromRunFile, $"{name} differs between 'score' and 'report'");
            Assert.DoesNotContain("sk-ABCDEFGHIJKLMNOPQRSTUVWX", fromScore, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Malformed_lines_are_reported_with_their_line_numbers_and_the_rest_is_scored()
    {
        var good = File.ReadLines(RepoPaths.SampleTranscripts).First();
        var text = string.Join('\n',
            good,
            "{ not json",
            "{\"reply\":\"s1 = 1\",\"program\":\"var s1 = a + 1;\",\"inputs\":{\"a\":1},\"question\":\"s1\"}",
            "{\"model\":\"m\",\"reply\":\"x\",\"program\":\"var s1 = a +;\",\"inputs\":{\"a\":1},\"question\":\"s1\"}",
            "{\"model\":\"m\",\"reply\":\"x\",\"program\":\"var s1 = a + 1;\",\"parameters\":\"long a\",\"inputs\":{\"b\":1},\"question\":\"s1\"}",
            "{\"model\":\"m\",\"reply\":\"x\",\"program\":\"var s1 = a / 0;\",\"inputs\":{\"a\":1},\"question\":\"s1\"}",
            "",
            "{\"model\":\"m\",\"reply\":\"x\",\"programName\":\"Chain\",\"inputs\":[1,2]}",
            "{\"model\":\"m\",\"reply\":\"x\",\"program\":\"var s1 = a + 1;\",\"inputs\":{\"a\":1.5},\"parameters\":\"long a\",\"question\":\"s1\"}",
            "{\"model\":\"m\",\"reply\":\"s1 = 2\\nFinal answer: 2\",\"program\":\"var s1 = a + 1;\",\"inputs\":{\"a\":1},\"question\":\"s1\"}");

        var import = TranscriptScorer.Score(new StringReader(text), "mixed.jsonl");

        Assert.Equal(2, import.Results.Count);
        Assert.Equal([2, 3, 4, 5, 6, 8, 9], import.Issues.Select(i => i.Line));
        Assert.All(import.Issues, i => Assert.StartsWith($"mixed.jsonl({i.Line}): ", i.ToString(), StringComparison.Ordinal));
        Assert.Contains("not valid JSON", import.Issues[0].Reason, StringComparison.Ordinal);
        Assert.Contains("'model' is missing", import.Issues[1].Reason, StringComparison.Ordinal);
        Assert.Contains("cannot be read", import.Issues[2].Reason, StringComparison.Ordinal);
        Assert.Contains("no value for parameter 'a'", import.Issues[3].Reason, StringComparison.Ordinal);
        Assert.Contains("faults", import.Issues[4].Reason, StringComparison.Ordinal);
        Assert.Contains("--assembly", import.Issues[5].Reason, StringComparison.Ordinal);
        Assert.Contains("is not a long", import.Issues[6].Reason, StringComparison.Ordinal);
        var last = import.Results[1];
        Assert.Equal(FailureMode.Correct, last.Verdict!.PrimaryMode);
        Assert.Equal("10", last.Metadata!["transcript.line"]);
    }

    [Fact]
    public async Task A_missing_transcript_file_is_one_clear_error()
    {
        var error = new StringWriter();
        var exit = await Cli.CliApp.RunAsync(["score", "/no/such/file.jsonl"], new Cli.CliConsole(new StringWriter(), error));

        Assert.Equal(2, exit);
        Assert.Contains("docs/transcripts.md", error.ToString(), StringComparison.Ordinal);
    }
}
