using Faithful.Cli.Tests.Support;
using Faithful.Reports.RunFiles;
using Faithful.Reports.Sharding;
using Faithful.Traces.Results;
using Faithful.Traces.Scoring;

namespace Faithful.Cli.Tests.Sharding;

/// <summary>Merge refuses anything but the complete, disjoint shards of one plan, and says what to do.</summary>
public sealed class ShardMergeTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    // 24 results of one model, split three ways by case id.
    private static readonly List<CaseResult> Results = SyntheticResults.Curve("sim:study", 8, length => length / 10, 5, 50, 95);

    [Fact]
    public void Shards_split_by_case_id_are_disjoint_and_cover_every_case()
    {
        var byShard = Results.GroupBy(r => ShardSpec.ShardOf(r.CaseId, 3)).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal([1, 2, 3], byShard.Keys.Order());
        Assert.Equal(Results.Count, byShard.Values.Sum());
        Assert.All(Results, r => Assert.Equal(ShardSpec.ShardOf(r.CaseId, 3), ShardSpec.ShardOf(r.CaseId, 3)));
        Assert.Equal(new ShardSpec(2, 3), ShardSpec.Parse(" 2 / 3 "));
    }

    [Fact]
    public void Complete_shards_merge_into_every_result_once_under_the_plan_header()
    {
        var files = WriteShards(3);
        var output = _dir["merged.jsonl"];

        var merged = ShardMerge.Merge(files, output);

        Assert.Equal(Results.Count, merged.Results);
        var contents = RunFileReader.Read(output);
        Assert.Equal(Results.Count, contents.Results.Count);
        Assert.Equal(Results.Select(RunFile.KeyOf).Order(), contents.Results.Select(RunFile.KeyOf).Order());
        Assert.Null(contents.Header!.Shard);
        Assert.Equal(Results.Count, contents.Header.TotalCases);
    }

    [Fact]
    public void A_missing_shard_is_named()
    {
        var files = WriteShards(3);
        var error = Assert.Throws<ShardMergeException>(() => ShardMerge.Merge([files[0], files[2]], _dir["merged.jsonl"]));
        Assert.Contains("missing shard(s) 2/3", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(_dir["merged.jsonl"]));
    }

    [Fact]
    public void A_shard_given_twice_is_refused()
    {
        var files = WriteShards(3);
        File.Copy(files[1], _dir["copy.jsonl"]);
        var error = Assert.Throws<ShardMergeException>(() => ShardMerge.Merge([.. files, _dir["copy.jsonl"]], _dir["merged.jsonl"]));
        Assert.Contains("shard 2/3 is given twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Shards_of_another_plan_or_split_are_refused()
    {
        var files = WriteShards(3);
        var other = WriteShards(3, fingerprint: "other-plan", folder: "other");
        var plan = Assert.Throws<ShardMergeException>(() => ShardMerge.Merge([files[0], files[1], other[2]], _dir["merged.jsonl"]));
        Assert.Contains("another plan", plan.Message, StringComparison.Ordinal);

        var fourWay = WriteShards(4, folder: "four");
        var split = Assert.Throws<ShardMergeException>(() => ShardMerge.Merge([files[0], files[1], fourWay[2]], _dir["merged.jsonl"]));
        Assert.Contains("split in different ways", split.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_incomplete_shard_is_named_with_its_counts()
    {
        var files = WriteShards(3);
        var lines = File.ReadAllLines(files[1]);
        File.WriteAllLines(files[1], lines[..^1]);

        var error = Assert.Throws<ShardMergeException>(() => ShardMerge.Merge(files, _dir["merged.jsonl"]));
        Assert.Contains($"shard 2/3 ('{files[1]}') holds {lines.Length - 2} of its {lines.Length - 1} results", error.Message, StringComparison.Ordinal);
        Assert.Contains("Rerun those shards", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_case_in_the_wrong_shard_file_is_refused_so_shards_cannot_overlap()
    {
        var files = WriteShards(3);

        // Move one case of shard 1 into shard 2's file, keeping every count right.
        var first = File.ReadAllLines(files[0]);
        var second = File.ReadAllLines(files[1]);
        File.WriteAllLines(files[1], [.. second[..^1], first[1]]);

        var error = Assert.Throws<ShardMergeException>(() => ShardMerge.Merge(files, _dir["merged.jsonl"]));
        Assert.Contains("belongs to shard 1/3, not 2/3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_whole_run_is_not_taken_for_a_shard()
    {
        var path = _dir["whole.jsonl"];
        using (var writer = RunFileWriter.Create(path, new RunHeader(RunFile.FormatVersion, "2026-01-01T00:00:00Z", "plan", "fp", Results.Count)))
        {
            Results.ForEach(r => writer.Write(r));
        }

        var error = Assert.Throws<ShardMergeException>(() => ShardMerge.Merge([path], _dir["merged.jsonl"]));
        Assert.Contains("holds a whole run, not a shard", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_merge_command_exits_2_with_the_reason()
    {
        var files = WriteShards(3);
        var outcome = await CliInProcess.RunAsync(["merge", files[0], "--out", _dir["out"]]);
        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("missing shard(s) 2/3, 3/3", outcome.Output, StringComparison.Ordinal);
    }

    private List<string> WriteShards(int count, string fingerprint = "plan-fp", string folder = "shards")
    {
        var files = new List<string>();
        for (var i = 1; i <= count; i++)
        {
            var shard = new ShardSpec(i, count);
            var mine = Results.Where(r => shard.Contains(r.CaseId)).ToList();
            var path = Path.Combine(_dir[folder], $"shard{i}.jsonl");
            var header = new RunHeader(RunFile.FormatVersion, "2026-01-01T00:00:00Z", "synthetic plan", fingerprint, mine.Count) { Shard = shard.ToString(), PlanCases = Results.Count };
            using (var writer = RunFileWriter.Create(path, header))
            {
                mine.ForEach(r => writer.Write(r));
            }

            files.Add(path);
        }

        return files;
    }
}
