using Faithful.Cli.Tests.Support;

namespace Faithful.Cli.Tests.Commands;

public sealed class GateCommandTests
{
    private static string[] Grid(string model, string outDir) =>
        ["run", "--lengths", "5,50,95", "--depths", "1..3", "--inputs", "20", "--model", model, "--out", outDir];

    [Fact]
    public async Task A_regressed_model_fails_the_gate_with_flipped_cases_and_an_equal_run_passes()
    {
        using var dir = new TempDir();
        Assert.Equal(0, (await CliProcess.RunAsync(Grid("sim:study", dir["base"]))).ExitCode);
        var bless = await CliInProcess.RunAsync(["bless", Path.Combine(dir["base"], "run.jsonl"), "--output", dir["baseline.json"]]);
        Assert.True(bless.ExitCode == 0, bless.Output);

        Assert.Equal(0, (await CliProcess.RunAsync(Grid("sim:study", dir["same"]))).ExitCode);
        var equal = await CliInProcess.RunAsync(["gate", Path.Combine(dir["same"], "run.jsonl"), "--baseline", dir["baseline.json"]]);
        Assert.True(equal.ExitCode == 0, equal.Output);
        Assert.Contains("180 shared cases, 0 right→wrong, 0 wrong→right", equal.Output, StringComparison.Ordinal);

        Assert.Equal(0, (await CliProcess.RunAsync(Grid("sim:regressed", dir["regressed"]))).ExitCode);
        var regressed = await CliInProcess.RunAsync(["gate", Path.Combine(dir["regressed"], "run.jsonl"), "--baseline", dir["baseline.json"], "--markdown", dir["summary.md"]]);

        Assert.True(regressed.ExitCode == 4, regressed.Output);
        Assert.Contains("Gate FAILED", regressed.Output, StringComparison.Ordinal);
        Assert.Contains("Flipped cases:", regressed.Output, StringComparison.Ordinal);
        Assert.Matches(@"\| `[^`]+#0` \| `sim:regressed` \| [^|]+ \| \d+ \| right \| wrong \|", regressed.Output);
        Assert.Contains("### Gate", File.ReadAllText(dir["summary.md"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Thresholds_set_the_documented_exit_code()
    {
        using var dir = new TempDir();
        Assert.Equal(0, (await CliProcess.RunAsync(["run", "--lengths", "5", "--depths", "1", "--inputs", "10", "--model", "sim:perfect", "--out", dir.Path])).ExitCode);
        var runFile = Path.Combine(dir.Path, "run.jsonl");

        var pass = await CliInProcess.RunAsync(["gate", runFile, "--min-faithfulness", "0.99", "--min-accuracy-at", "5=0.99", "--max-mode-rate", "PrematureAnswer=0"]);
        var fail = await CliInProcess.RunAsync(["gate", runFile, "--min-accuracy-at", "7=0.5"]);
        var bad = await CliInProcess.RunAsync(["gate", runFile, "--max-mode-rate", "Sloppy=0.1"]);
        var missing = await CliInProcess.RunAsync(["gate", dir["nope.jsonl"]]);

        Assert.True(pass.ExitCode == 0, pass.Output);
        Assert.Equal(3, fail.ExitCode);
        Assert.Contains("no scored traces of length 7", fail.Output, StringComparison.Ordinal);
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("'Sloppy' is not a failure mode", bad.Output, StringComparison.Ordinal);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("does not exist", missing.Output, StringComparison.Ordinal);
    }
}
