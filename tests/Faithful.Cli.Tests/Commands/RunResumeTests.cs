using System.Text.RegularExpressions;
using Faithful.Cli.Tests.Support;
using Faithful.Reports.RunFiles;

namespace Faithful.Cli.Tests.Commands;

public sealed partial class RunResumeTests
{
    // 4 programs × 10 inputs = 40 cases against the simulated model.
    private static readonly string[] Grid = ["run", "--lengths", "5,23", "--depths", "1,2", "--inputs", "10", "--model", "sim:study"];

    [Fact]
    public async Task A_run_killed_midway_resumes_without_repeating_a_case_and_reports_like_an_uninterrupted_run()
    {
        using var dir = new TempDir();
        var straight = await CliProcess.RunAsync([.. Grid, "--out", dir["straight"]]);
        Assert.True(straight.ExitCode == 0, straight.Output);

        // Paced at 20 requests per second so the kill lands in the middle of the run.
        var runFile = Path.Combine(dir["killed"], "run.jsonl");
        using (var process = CliProcess.Start([.. Grid, "--out", dir["killed"], "--requests-per-second", "20"]))
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (ResultLines(runFile) < 5 && !process.HasExited && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20, TestContext.Current.CancellationToken);
            }

            Assert.False(process.HasExited, "the run finished before it could be killed");
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        var beforeResume = RunFileReader.Read(runFile).Results.Count;
        Assert.InRange(beforeResume, 5, 39);

        var resumed = await CliProcess.RunAsync([.. Grid, "--out", dir["killed"]]);
        Assert.True(resumed.ExitCode == 0, resumed.Output);
        var counts = ResumeLine().Match(resumed.Output);
        Assert.True(counts.Success, resumed.Output);
        Assert.Equal(beforeResume, int.Parse(counts.Groups["resumed"].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(40 - beforeResume, int.Parse(counts.Groups["requested"].Value, System.Globalization.CultureInfo.InvariantCulture));

        // Every case is in the run file exactly once: nothing was asked twice.
        var keys = File.ReadLines(runFile).Where(l => l.StartsWith("{\"caseId\"", StringComparison.Ordinal)).ToList();
        Assert.Equal(40, keys.Count);
        Assert.Equal(40, RunFileReader.Read(runFile).Results.Select(RunFile.KeyOf).Distinct().Count());

        Assert.Equal(File.ReadAllText(Path.Combine(dir["straight"], "report.json")), File.ReadAllText(Path.Combine(dir["killed"], "report.json")));

        // Once complete, running again requests nothing.
        var again = await CliProcess.RunAsync([.. Grid, "--out", dir["killed"]]);
        Assert.Contains("resumed 40 cases from the run file, requested 0", again.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_file_of_another_plan_is_refused_with_advice()
    {
        using var dir = new TempDir();
        var first = await CliProcess.RunAsync(["run", "--lengths", "5", "--depths", "1", "--inputs", "2", "--out", dir.Path]);
        Assert.Equal(0, first.ExitCode);

        var other = await CliProcess.RunAsync(["run", "--lengths", "6", "--depths", "1", "--inputs", "2", "--out", dir.Path]);

        Assert.Equal(2, other.ExitCode);
        Assert.Contains("different plan", other.Output, StringComparison.Ordinal);
        Assert.Contains("--fresh", other.Output, StringComparison.Ordinal);
    }

    private static int ResultLines(string path)
    {
        if (!File.Exists(path))
        {
            return 0;
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var count = 0;
        while (reader.ReadLine() is { } line)
        {
            count += line.StartsWith("{\"caseId\"", StringComparison.Ordinal) ? 1 : 0;
        }

        return count;
    }

    [GeneratedRegex(@"resumed (?<resumed>\d+) cases from the run file, requested (?<requested>\d+)")]
    private static partial Regex ResumeLine();
}
