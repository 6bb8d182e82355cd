using Faithful.Cli.Tests.Support;
using Faithful.Reports.RunFiles;
using Faithful.Traces.Results;
using Faithful.Traces.Scoring;

namespace Faithful.Cli.Tests.RunFiles;

/// <summary>
/// A result serialized where it was scored and renumbered afterwards (samples are numbered in file order) is rewritten in
/// place, and the rewrite must be exactly the line a fresh serialization of the renumbered result gives.
/// </summary>
public sealed class RenumberedLineTests
{
    [Theory]
    [InlineData(RunFile.FormatVersion, "P.A", "sim:study", 0, 1)]
    [InlineData(RunFile.FormatVersion, "P.A", "sim:study", 3, 12)]
    [InlineData(RunFile.FormatVersion, "Weird\"Name\\\u00e9\u2028", "model \"quoted\" <b>", 9, 10)]
    [InlineData(RunFile.FormatVersion1, "P.A", "sim:study", 0, 7)]
    [InlineData(RunFile.FormatVersion1, "Weird\"Name", "m#1", 99, 100)]
    public void A_renumbered_line_is_the_line_serializing_the_renumbered_result_gives(string format, string program, string model, int from, int to)
    {
        using var temp = new TempDir();
        using var writer = RunFileWriter.Create(temp["run.jsonl"], Header(format));
        var original = Result(program, model, from);
        var renumbered = original with { Sample = to, CaseId = CaseIdOf(program, to) };

        var rewritten = writer.Renumbered(writer.SerializeLine(original), original, renumbered);

        Assert.NotNull(rewritten);
        Assert.Equal(System.Text.Encoding.UTF8.GetString(writer.SerializeLine(renumbered)), System.Text.Encoding.UTF8.GetString(rewritten));
    }

    [Fact]
    public void A_result_that_differs_beyond_its_case_id_and_sample_is_serialized_again()
    {
        using var temp = new TempDir();
        using var writer = RunFileWriter.Create(temp["run.jsonl"], Header(RunFile.FormatVersion));
        var original = Result("P.A", "m", 0);
        var other = original with { Sample = 1, CaseId = CaseIdOf("P.A", 1), Reply = "another reply" };

        Assert.Null(writer.Renumbered(writer.SerializeLine(original), original, other));
    }

    [Fact]
    public void A_line_the_redactor_changed_is_serialized_again()
    {
        using var temp = new TempDir();
        using var writer = RunFileWriter.Create(temp["run.jsonl"], Header(RunFile.FormatVersion), text => text.Replace("hunter22", "[REDACTED]", StringComparison.Ordinal));
        var original = Result("P.A", "m", 0) with { Reply = "the key is hunter22" };
        var renumbered = original with { Sample = 1, CaseId = CaseIdOf("P.A", 1) };

        var line = writer.SerializeLine(original);

        Assert.DoesNotContain("hunter22", System.Text.Encoding.UTF8.GetString(line), StringComparison.Ordinal);
        Assert.Null(writer.Renumbered(line, original, renumbered));
    }

    [Fact]
    public void The_rewritten_line_is_redacted_like_any_other()
    {
        // A secret that only the new case id completes must still be masked.
        using var temp = new TempDir();
        using var writer = RunFileWriter.Create(temp["run.jsonl"], Header(RunFile.FormatVersion), text => text.Replace("P.A(0,-3)#12", "[REDACTED]", StringComparison.Ordinal));
        var original = Result("P.A", "m", 1);
        var renumbered = original with { Sample = 12, CaseId = CaseIdOf("P.A", 12) };

        var rewritten = writer.Renumbered(writer.SerializeLine(original), original, renumbered);

        Assert.NotNull(rewritten);
        var text = System.Text.Encoding.UTF8.GetString(rewritten);
        Assert.DoesNotContain("#12", text, StringComparison.Ordinal);
        Assert.Equal(System.Text.Encoding.UTF8.GetString(writer.SerializeLine(renumbered)), text);
    }

    private static RunHeader Header(string format) => new(format, "2026-01-01T00:00:00Z", "plan", "fp", 1);

    private static string CaseIdOf(string program, int sample) => $"{program}(0,-3)#{sample}";

    private static CaseResult Result(string program, string model, int sample) =>
        SyntheticResults.Make(model, program, 5, 0, FailureMode.PrematureAnswer, false, 3, reply: "s1 = 1\n\"quoted\" \u00e9") with { Sample = sample, CaseId = CaseIdOf(program, sample) };
}
