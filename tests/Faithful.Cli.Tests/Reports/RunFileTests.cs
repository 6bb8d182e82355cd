using System.Text;
using System.Text.Json;
using Faithful.Cli.Tests.Support;
using Faithful.Reports.RunFiles;
using Faithful.Traces.Scoring;

namespace Faithful.Cli.Tests.Reports;

public sealed class RunFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("faithful-runfile-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    // faithful.run/1: verdicts in full, so results round-trip without their programs.
    private static RunHeader Header => new(RunFile.FormatVersion1, "2026-01-01T00:00:00Z", "test", "abc", 3);

    [Fact]
    public void Results_round_trip_through_a_run_file()
    {
        var path = Path.Combine(_dir, "run.jsonl");
        var written = new[]
        {
            SyntheticResults.Make("sim:study", "P.A", 5, 0, FailureMode.Correct, true, 5, metadata: new Dictionary<string, string> { ["variant"] = "v1" }),
            SyntheticResults.Make("sim:study", "P.B", 7, 1, FailureMode.PrematureAnswer, false, 3, reply: "line \"quoted\"\n<script>x</script>"),
        };
        using (var writer = RunFileWriter.Create(path, Header))
        {
            foreach (var result in written)
            {
                writer.Write(result);
            }
        }

        var contents = RunFileReader.Read(path);

        Assert.Empty(contents.Issues);
        Assert.Equal(Header, contents.Header);
        Assert.Equal(2, contents.Results.Count);
        for (var i = 0; i < written.Length; i++)
        {
            Assert.Equal(written[i] with { Metadata = null }, contents.Results[i] with { Metadata = null });
            Assert.Equal(Json(written[i]), Json(contents.Results[i]));
        }

        Assert.Equal("v1", contents.Results[0].Metadata!["variant"]);
    }

    [Fact]
    public void A_torn_last_line_is_dropped_and_cut_before_appending()
    {
        var path = Path.Combine(_dir, "torn.jsonl");
        using (var writer = RunFileWriter.Create(path, Header))
        {
            writer.Write(SyntheticResults.Make("m", "P.A", 5, 0, FailureMode.Correct, true, 5));
        }

        File.AppendAllText(path, "{\"caseId\":\"P.B(1,-3)#0\",\"progr");
        var torn = RunFileReader.Read(path);
        Assert.Single(torn.Results);
        Assert.Contains(torn.Issues, i => i.Line == 3 && i.Reason.Contains("incomplete", StringComparison.Ordinal));

        using (var writer = RunFileWriter.Append(path, torn.CompleteLength, format: RunFile.FormatVersion1))
        {
            writer.Write(SyntheticResults.Make("m", "P.B", 5, 1, FailureMode.Correct, true, 5));
        }

        var healed = RunFileReader.Read(path);
        Assert.Empty(healed.Issues);
        Assert.Equal(["P.A", "P.B"], healed.Results.Select(r => r.ProgramId));
    }

    [Fact]
    public void Bad_lines_are_reported_with_their_line_numbers_and_skipped()
    {
        var good = JsonSerializer.Serialize(SyntheticResults.Make("m", "P.A", 5, 0, FailureMode.Correct, true, 5), FaithfulJson.Options);
        var text = new StringBuilder()
            .Append(good).Append('\n')
            .Append("not json\n")
            .Append("[1,2]\n")
            .Append("{\"reply\":\"no case id\"}\n")
            .Append('\n')
            .Append(good.Replace("P.A", "P.C", StringComparison.Ordinal)).Append('\n')
            .ToString();

        var contents = RunFileReader.Read(Encoding.UTF8.GetBytes(text), "run.jsonl");

        Assert.Equal(["P.A", "P.C"], contents.Results.Select(r => r.ProgramId));
        Assert.Equal([2, 3, 4], contents.Issues.Select(i => i.Line));
        Assert.All(contents.Issues, i => Assert.StartsWith("run.jsonl(", i.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public void A_key_written_twice_keeps_the_last_result()
    {
        var first = SyntheticResults.Make("m", "P.A", 5, 0, FailureMode.PrematureAnswer, false, 1);
        var second = SyntheticResults.Make("m", "P.A", 5, 0, FailureMode.Correct, true, 5);
        var text = Json(first) + "\n" + Json(second) + "\n";

        var contents = RunFileReader.Read(Encoding.UTF8.GetBytes(text), "run.jsonl");

        Assert.Equal(FailureMode.Correct, Assert.Single(contents.Results).Verdict!.PrimaryMode);
    }

    private static string Json(object value) => JsonSerializer.Serialize(value, FaithfulJson.Options);
}
