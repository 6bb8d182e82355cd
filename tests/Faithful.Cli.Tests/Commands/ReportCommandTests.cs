using System.Text.Json;
using Faithful.Cli.Tests.Support;
using Faithful.Reports.RunFiles;
using Faithful.Traces.Scoring;

namespace Faithful.Cli.Tests.Commands;

public sealed class ReportCommandTests
{
    [Fact]
    public async Task Report_merges_run_files_writes_the_chosen_formats_and_warns_about_bad_lines()
    {
        using var dir = new TempDir();
        var first = dir["a.jsonl"];
        var second = dir["b.jsonl"];
        await File.WriteAllLinesAsync(first, SyntheticResults.Curve("sim:a", 5, _ => 3, 5, 10).Select(r => JsonSerializer.Serialize(r, FaithfulJson.Options)), TestContext.Current.CancellationToken);
        await File.WriteAllLinesAsync(second, SyntheticResults.Curve("sim:b", 5, _ => 1, 5).Select(r => JsonSerializer.Serialize(r, FaithfulJson.Options)).Append("garbage"), TestContext.Current.CancellationToken);

        var outcome = await CliInProcess.RunAsync("report", first, second, "--markdown", dir["summary.md"], "--junit", dir["junit.xml"]);

        Assert.True(outcome.ExitCode == 0, outcome.Output);
        Assert.Contains("warning: b.jsonl(6): not a readable case result", outcome.Output, StringComparison.Ordinal);
        var markdown = await File.ReadAllTextAsync(dir["summary.md"], TestContext.Current.CancellationToken);
        Assert.Contains("| `sim:a` | 10 | 60.0% |", markdown, StringComparison.Ordinal);
        Assert.Contains("| `sim:b` | 5 | 20.0% |", markdown, StringComparison.Ordinal);
        Assert.True(File.Exists(dir["junit.xml"]));
        Assert.False(File.Exists(dir["report.html"]));
    }

    [Fact]
    public async Task Report_on_a_missing_run_file_says_how_to_make_one()
    {
        var outcome = await CliInProcess.RunAsync("report", "/no/such/run.jsonl");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("faithful run", outcome.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bless_writes_a_baseline_that_gates_its_own_run()
    {
        using var dir = new TempDir();
        var run = dir["run.jsonl"];
        var results = SyntheticResults.Curve("sim:a", 10, _ => 5, 5);
        results.Add(SyntheticResults.Make("sim:a", "P.Z", 5, 1, FailureMode.PrematureAnswer, false, 1));
        await File.WriteAllLinesAsync(run, results.Select(r => JsonSerializer.Serialize(r, FaithfulJson.Options)), TestContext.Current.CancellationToken);

        var bless = await CliInProcess.RunAsync("bless", run, "--output", dir["base.json"], "--correctness", "Faithful");
        var gate = await CliInProcess.RunAsync("gate", run, "--baseline", dir["base.json"], "--max-mode-rate", "PrematureAnswer=0.5");

        Assert.True(bless.ExitCode == 0, bless.Output);
        Assert.Contains("\"correctness\": \"Faithful\"", await File.ReadAllTextAsync(dir["base.json"], TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.True(gate.ExitCode == 0, gate.Output);
        Assert.Contains("11 shared cases", gate.Output, StringComparison.Ordinal);
    }
}
