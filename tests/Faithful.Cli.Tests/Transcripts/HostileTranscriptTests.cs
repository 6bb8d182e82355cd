using System.Text;
using System.Text.Json;
using Faithful.Cli.Tests.Support;
using Faithful.Model;
using Faithful.Transcripts;

namespace Faithful.Cli.Tests.Transcripts;

/// <summary>
/// Transcript files as an attacker or a careless exporter writes them: each bad line is reported with its own line
/// number and skipped, the good lines around it are scored, memory stays bounded and nothing crashes the process.
/// </summary>
public sealed class HostileTranscriptTests
{
    private const string GoodLine = """{"model":"m","reply":"s1 = 2\nFinal answer: 2","program":"var s1 = a + 1;","inputs":{"a":1},"question":"s1"}""";

    private static string Line(string program) =>
        JsonSerializer.Serialize(new { model = "m", reply = "Final answer: 1", program, inputs = new { a0 = 1, a1 = 2 }, question = "a1" });

    private static string Repeat(string text, int count) => string.Concat(Enumerable.Repeat(text, count));

    [Fact]
    public void Lines_that_nest_thousands_deep_are_skipped_and_the_good_lines_around_them_are_scored()
    {
        var text = string.Join('\n',
            GoodLine,
            Line("a1 = " + Repeat("a1 + (", 5_000) + "a0" + new string(')', 5_000) + ";"),
            Line("a1 = " + new string('(', 10_000) + "a0" + new string(')', 10_000) + ";"),
            Line(string.Concat(Enumerable.Range(0, 5_000).Select(i => $"for (var i{i} = 0; i{i} < 1; i{i}++) {{ ")) + "a1 += a0;" + new string('}', 5_000)),
            Line("a1 = " + string.Join(" + ", Enumerable.Repeat("a0", 200_000)) + ";"),
            GoodLine);

        var import = TranscriptScorer.Score(new StringReader(text), "deep.jsonl");

        Assert.Equal(2, import.Results.Count);
        Assert.Equal([2, 3, 4, 5], import.Issues.Select(i => i.Line));
        Assert.All(import.Issues.Take(3), i => Assert.Contains("deep", i.Reason, StringComparison.Ordinal));
        Assert.Contains("200001 terms", import.Issues[3].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_over_the_limit_is_skipped_without_being_buffered()
    {
        using var dir = new TempDir();
        var path = dir["long.jsonl"];
        using (var file = File.Create(path))
        {
            file.Write(Encoding.UTF8.GetBytes(GoodLine + "\n"));
            var chunk = Encoding.ASCII.GetBytes(new string('a', 1 << 20));
            for (var i = 0; i < 40; i++)
            {
                file.Write(chunk);
            }

            file.Write(Encoding.UTF8.GetBytes("\n" + GoodLine + "\n"));
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var import = TranscriptScorer.ScoreFile(path);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(2, import.Results.Count);
        var issue = Assert.Single(import.Issues);
        Assert.Equal(2, issue.Line);
        Assert.Contains("41943040 bytes long; at most 4194304 are read", issue.Reason, StringComparison.Ordinal);
        Assert.True(allocated < 16 << 20, $"reading a 40 MiB line allocated {allocated / (1 << 20)} MiB");
    }

    [Fact]
    public void A_binary_file_is_refused_with_one_clear_message()
    {
        using var dir = new TempDir();
        var path = dir["binary.jsonl"];
        File.WriteAllBytes(path, [.. new byte[1 << 20], .. Encoding.UTF8.GetBytes("\n" + GoodLine + "\n")]);

        var refused = Assert.Throws<InvalidDataException>(() => TranscriptScorer.ScoreFile(path));

        Assert.Contains("not a text file", refused.Message, StringComparison.Ordinal);
        Assert.Contains("UTF-8", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scoring_dev_zero_ends_at_once_with_one_error_line_and_no_stack_trace()
    {
        Assert.SkipUnless(File.Exists("/dev/zero"), "/dev/zero exists only on Unix");
        using var dir = new TempDir();

        var outcome = await CliInProcess.RunAsync("score", "/dev/zero", "--out", dir.Path);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("not a text file", outcome.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", outcome.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("report")]
    [InlineData("gate")]
    [InlineData("bless")]
    public async Task A_run_file_that_is_not_text_is_one_error_line(string command)
    {
        Assert.SkipUnless(File.Exists("/dev/zero"), "/dev/zero exists only on Unix");
        using var dir = new TempDir();

        var outcome = command == "report"
            ? await CliInProcess.RunAsync("report", "/dev/zero", "--out", dir.Path)
            : await CliInProcess.RunAsync(command, "/dev/zero");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("is not a run file", outcome.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", outcome.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Bare_carriage_returns_do_not_shift_line_numbers()
    {
        // A bare CR is JSON whitespace inside a line; only LF (or CRLF) ends a JSON Lines record.
        var crInside = GoodLine.Replace("\"model\":\"m\",", "\"model\":\"m\",\r", StringComparison.Ordinal);
        var text = crInside + "\r\n" + "{ not json" + "\n" + GoodLine + "\r\n" + "{ not json either";

        var import = TranscriptScorer.Score(new StringReader(text), "cr.jsonl");

        Assert.Equal(2, import.Results.Count);
        Assert.Equal([2, 4], import.Issues.Select(i => i.Line));
    }

    [Fact]
    public void A_line_that_is_not_UTF8_is_reported_not_silently_replaced()
    {
        using var dir = new TempDir();
        var path = dir["latin1.jsonl"];
        var latin1 = Encoding.Latin1.GetBytes(GoodLine.Replace("Final answer: 2", "R\u00e9ponse finale : 2", StringComparison.Ordinal));
        File.WriteAllBytes(path, [.. Encoding.UTF8.GetBytes(GoodLine + "\n"), .. latin1, (byte)'\n']);

        var import = TranscriptScorer.ScoreFile(path);

        Assert.Single(import.Results);
        var issue = Assert.Single(import.Issues);
        Assert.Equal(2, issue.Line);
        Assert.Contains("not valid UTF-8", issue.Reason, StringComparison.Ordinal);
        Assert.Contains("0xE9", issue.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_UTF16_file_with_a_byte_order_mark_is_read()
    {
        using var dir = new TempDir();
        var path = dir["utf16.jsonl"];
        File.WriteAllText(path, File.ReadAllText(RepoPaths.SampleTranscripts), Encoding.Unicode);

        var import = TranscriptScorer.ScoreFile(path);

        Assert.Equal(8, import.Results.Count);
        Assert.Empty(import.Issues);
    }

    [Theory]
    [InlineData("1e309", "double")]
    [InlineData("-1e400", "double")]
    [InlineData("99999999999999999999", "long")]
    public void Inputs_out_of_range_are_reported_as_such(string value, string kind)
    {
        var line = """{"model":"m","reply":"x","program":"a1 = a0;","inputs":{"a0":VALUE,"a1":2},"question":"a1"}""".Replace("VALUE", value, StringComparison.Ordinal);
        var digits = """{"model":"m","reply":"x","program":"a1 = a0;","inputs":{"a0":VALUE,"a1":2},"question":"a1"}""".Replace("VALUE", "1" + new string('0', 10_000), StringComparison.Ordinal);

        var import = TranscriptScorer.Score(new StringReader(line + "\n" + digits), "range.jsonl");

        Assert.Empty(import.Results);
        Assert.Contains($"out of range for a {kind}", import.Issues[0].Reason, StringComparison.Ordinal);
        Assert.Contains("input 'a0'", import.Issues[0].Reason, StringComparison.Ordinal);
        Assert.Contains("out of range for a long", import.Issues[1].Reason, StringComparison.Ordinal);
        Assert.True(import.Issues[1].Reason.Length < 600, "the reason quotes a bounded part of the value");
    }

    [Fact]
    public void A_catalog_program_the_evaluator_refuses_is_that_lines_problem()
    {
        Expr deep = new Ref(0, ValueKind.Int64);
        for (var i = 0; i < 300; i++)
        {
            deep = new Unary(UnaryOp.Negate, deep, ValueKind.Int64, false);
        }

        var program = new StepProgram(
            "Deep",
            "deeper than the evaluator takes",
            new[] { new Parameter("a", ValueKind.Int64) }.ToEquatableArray(),
            new[] { new Step(0, "s1", "s1", 1, ValueKind.Int64, deep, "s1 = -…a", 1, false) }.ToEquatableArray(),
            new Ref(1, ValueKind.Int64),
            "s1",
            "Catalog",
            false);
        var text = """{"model":"m","reply":"Final answer: 1","programName":"Deep","inputs":[1]}""" + "\n" + GoodLine;

        var import = TranscriptScorer.Score(new StringReader(text), "catalog.jsonl", [program]);

        Assert.Single(import.Results);
        Assert.Contains("cannot be evaluated", Assert.Single(import.Issues).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_directory_is_reported_as_a_directory()
    {
        using var dir = new TempDir();

        var score = await CliInProcess.RunAsync("score", dir.Path);
        var report = await CliInProcess.RunAsync("report", dir.Path, "--out", dir["out"]);

        Assert.Equal(2, score.ExitCode);
        Assert.Contains("is a directory", score.Output, StringComparison.Ordinal);
        Assert.Equal(2, report.ExitCode);
        Assert.Contains("is a directory", report.Output, StringComparison.Ordinal);
    }
}
