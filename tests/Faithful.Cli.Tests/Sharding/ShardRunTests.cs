using Faithful.Cli.Tests.Support;
using Faithful.Reports.RunFiles;
using Faithful.Reports.Sharding;

namespace Faithful.Cli.Tests.Sharding;

public sealed class ShardRunTests
{
    // 6 programs × 6 inputs × 2 models = 72 results, split four ways.
    private static readonly string[] Plan =
        ["run", "--lengths", "5,14,23", "--depths", "1,3", "--inputs", "6", "--model", "sim:study", "--model", "sim:failing"];

    [Fact]
    public async Task A_four_way_split_merged_reports_exactly_like_the_unsplit_run()
    {
        using var dir = new TempDir();
        var whole = await CliProcess.RunAsync([.. Plan, "--out", dir["whole"]]);
        Assert.True(whole.ExitCode == 0, whole.Output);

        var shardFiles = new List<string>();
        var shardSizes = new List<int>();
        for (var i = 1; i <= 4; i++)
        {
            var shard = await CliProcess.RunAsync([.. Plan, "--shard", $"{i}/4", "--out", dir[$"shard{i}"]]);
            Assert.True(shard.ExitCode == 0, shard.Output);
            Assert.Contains($"shard {i}/4:", shard.Output, StringComparison.Ordinal);
            var file = Path.Combine(dir[$"shard{i}"], "run.jsonl");
            var contents = RunFileReader.Read(file);
            Assert.Equal($"{i}/4", contents.Header!.Shard);
            Assert.Equal(72, contents.Header.PlanCases);
            Assert.All(contents.Results, r => Assert.Equal(i, ShardSpec.ShardOf(r.CaseId, 4)));
            shardFiles.Add(file);
            shardSizes.Add(contents.Results.Count);
        }

        // Every shard got work and together they hold each result once.
        Assert.All(shardSizes, size => Assert.InRange(size, 1, 71));
        Assert.Equal(72, shardSizes.Sum());

        // Shards given in any order merge to the same reports as the unsplit run, byte for byte.
        var merge = await CliInProcess.RunAsync(["merge", shardFiles[2], shardFiles[0], shardFiles[3], shardFiles[1], "--out", dir["merged"], "--title", "Faithful report: study grid"]);
        Assert.True(merge.ExitCode == 0, merge.Output);
        Assert.Contains("merged 4 shards: 72 results", merge.Output, StringComparison.Ordinal);
        foreach (var report in new[] { "report.json", "report.html", "junit.xml", "report.md" })
        {
            Assert.Equal(File.ReadAllText(Path.Combine(dir["whole"], report)), File.ReadAllText(Path.Combine(dir["merged"], report)));
        }

        var merged = RunFileReader.Read(Path.Combine(dir["merged"], "run.jsonl"));
        Assert.Null(merged.Header!.Shard);
        Assert.Equal(RunFileReader.Read(Path.Combine(dir["whole"], "run.jsonl")).Header!.PlanFingerprint, merged.Header.PlanFingerprint);
        Assert.Equal(72, merged.Header.TotalCases);

        // A shard's run file resumes only against the same shard of the same plan.
        var wrongShard = await CliProcess.RunAsync([.. Plan, "--shard", "2/4", "--run-file", shardFiles[0], "--out", dir["shard1"]]);
        Assert.Equal(2, wrongShard.ExitCode);
        Assert.Contains("shard 1/4", wrongShard.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0/4")]
    [InlineData("5/4")]
    [InlineData("2")]
    [InlineData("a/b")]
    public async Task A_bad_shard_is_refused_with_the_form_to_write(string shard)
    {
        using var dir = new TempDir();
        var run = await CliProcess.RunAsync(["run", "--lengths", "5", "--depths", "1", "--inputs", "2", "--shard", shard, "--out", dir.Path]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--shard", run.Output, StringComparison.Ordinal);
        Assert.Contains("i/n", run.Output, StringComparison.Ordinal);
    }
}
