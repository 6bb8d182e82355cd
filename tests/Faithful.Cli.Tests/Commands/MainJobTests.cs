using Faithful.Cli.Tests.Support;
using Faithful.Reports.Formats;

namespace Faithful.Cli.Tests.Commands;

public sealed class MainJobTests
{
    [Fact]
    public async Task Run_with_no_grid_options_covers_the_study_grid_and_writes_every_report()
    {
        using var dir = new TempDir();

        var run = await CliProcess.RunAsync("run", "--out", dir.Path);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("study grid: 55 programs × 10 inputs × 1 samples", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"ground truth: 548 \(program, inputs\) pairs on (cpu|cuda|opencl) ", run.Output);
        var report = JsonReport.Parse(await File.ReadAllTextAsync(Path.Combine(dir.Path, "report.json"), TestContext.Current.CancellationToken));
        var model = Assert.Single(report.Models);
        Assert.Equal("sim:study", model.Model);
        Assert.Equal(Enumerable.Range(0, 11).Select(i => 5 + (9 * i)), model.ByLength.Select(l => l.Length));
        Assert.Equal([1, 2, 3, 4, 5], model.ByLookBack.Select(l => l.Depth));
        Assert.InRange(report.Cases.Count, 500, 550);
        Assert.Equal(0, model.Overall.Errors);
        foreach (var file in new[] { "run.jsonl", "report.html", "junit.xml", "report.md" })
        {
            Assert.True(new FileInfo(Path.Combine(dir.Path, file)).Length > 0, file);
        }
    }
}
