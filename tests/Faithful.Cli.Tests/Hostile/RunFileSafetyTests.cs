using System.Diagnostics;
using Faithful.Cli.Tests.Support;
using Faithful.Reports.RunFiles;

namespace Faithful.Cli.Tests.Hostile;

/// <summary>A run file's header torn by a kill, and two processes pointed at one run file.</summary>
public sealed class RunFileSafetyTests
{
    private static readonly string[] Plan = ["run", "--lengths", "5", "--depths", "1", "--inputs", "4"];
    private static readonly string[] LongPlan = ["run", "--lengths", "5", "--depths", "1", "--inputs", "40"];

    [Fact]
    public async Task A_torn_header_with_nothing_after_it_starts_the_run_file_over()
    {
        using var dir = new TempDir();
        await File.WriteAllTextAsync(dir["run.jsonl"], "{\"format\":\"faithful.run/1\",\"createdUtc\":\"20", TestContext.Current.CancellationToken);

        var outcome = await CliProcess.RunAsync([.. Plan, "--out", dir.Path]);

        Assert.True(outcome.ExitCode == 0, outcome.Output);
        Assert.Contains("requested 4", outcome.Output, StringComparison.Ordinal);
        Assert.Equal(4, RunFileReader.Read(dir["run.jsonl"]).Results.Count);
    }

    [Fact]
    public async Task A_damaged_header_before_results_of_the_same_plan_is_rebuilt_and_the_results_kept()
    {
        using var dir = new TempDir();
        Assert.Equal(0, (await CliProcess.RunAsync([.. Plan, "--out", dir.Path])).ExitCode);
        var lines = await File.ReadAllLinesAsync(dir["run.jsonl"], TestContext.Current.CancellationToken);
        lines[0] = lines[0][..20];
        await File.WriteAllLinesAsync(dir["run.jsonl"], lines, TestContext.Current.CancellationToken);

        var outcome = await CliProcess.RunAsync([.. Plan, "--out", dir.Path]);

        Assert.True(outcome.ExitCode == 0, outcome.Output);
        Assert.Contains("rebuilt its header", outcome.Output, StringComparison.Ordinal);
        Assert.Contains("resumed 4 cases from the run file, requested 0", outcome.Output, StringComparison.Ordinal);
        Assert.NotNull(RunFileReader.Read(dir["run.jsonl"]).Header);
    }

    [Fact]
    public async Task A_second_run_on_a_run_file_in_use_is_refused_naming_the_holder_and_a_dead_holders_lock_is_taken_over()
    {
        using var dir = new TempDir();
        var runFile = dir["run.jsonl"];
        using (var first = CliProcess.Start([.. LongPlan, "--out", dir.Path, "--requests-per-second", "4"]))
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (!File.Exists(runFile + ".lock") && !first.HasExited && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20, TestContext.Current.CancellationToken);
            }

            Assert.False(first.HasExited, "the first run ended before the second could start");
            var second = await CliProcess.RunAsync([.. LongPlan, "--out", dir.Path]);

            Assert.True(second.ExitCode == 7, second.Output);
            Assert.Contains($"in use by process {first.Id}", second.Output, StringComparison.Ordinal);
            Assert.Contains(".lock", second.Output, StringComparison.Ordinal);

            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        // kill -9 leaves the lock file behind; its holder is gone, so the next run takes it over and resumes.
        Assert.True(File.Exists(runFile + ".lock"));
        var resumed = await CliProcess.RunAsync([.. LongPlan, "--out", dir.Path]);
        Assert.True(resumed.ExitCode == 0, resumed.Output);
        Assert.False(File.Exists(runFile + ".lock"), "a finished run removes its lock");
    }

    [Fact]
    public async Task Killed_three_times_in_a_row_then_resumed_the_reports_are_byte_identical_to_an_uninterrupted_run()
    {
        using var dir = new TempDir();
        string[] grid = ["run", "--lengths", "5,23", "--depths", "1,2", "--inputs", "10"];
        Assert.Equal(0, (await CliProcess.RunAsync([.. grid, "--out", dir["straight"]])).ExitCode);

        var runFile = Path.Combine(dir["killed"], "run.jsonl");
        foreach (var atLeast in new[] { 3, 12, 24 })
        {
            using var process = CliProcess.Start([.. grid, "--out", dir["killed"], "--requests-per-second", "10"]);
            var deadline = DateTime.UtcNow.AddSeconds(90);
            while (ResultLines(runFile) < atLeast && !process.HasExited && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20, TestContext.Current.CancellationToken);
            }

            Assert.False(process.HasExited, $"the run finished before the kill at {atLeast} results");
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        var resumed = await CliProcess.RunAsync([.. grid, "--out", dir["killed"]]);

        Assert.True(resumed.ExitCode == 0, resumed.Output);
        foreach (var report in new[] { "report.json", "junit.xml", "report.md", "report.html" })
        {
            Assert.True(
                File.ReadAllBytes(Path.Combine(dir["straight"], report)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(dir["killed"], report))),
                $"{report} differs after three kills and a resume");
        }
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
}
