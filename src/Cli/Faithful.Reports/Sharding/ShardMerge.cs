using System.Globalization;
using System.Text;
using System.Text.Json;
using Faithful.Reports.RunFiles;
using Faithful.Reports.RunFiles.Streaming;

namespace Faithful.Reports.Sharding;

/// <summary>What a merge wrote.</summary>
/// <param name="Header">The merged file's header: the whole plan, no shard.</param>
/// <param name="Results">Results written (the plan's cases × models).</param>
/// <param name="Failed">Results with an error and no verdict (failed requests), which a rerun of their shard asks again.</param>
public sealed record ShardMergeResult(RunHeader Header, int Results, int Failed);

/// <summary>
/// Merges the run files of a plan split with <c>faithful run --shard i/n</c> into one run file of the whole plan, after
/// checking that they are from the same plan (fingerprint and shard count), that every shard 1..n is there once, that each
/// file holds only its own shard's cases (so no case is in two files) and that each shard is complete. The files are
/// streamed line by line and copied verbatim; memory holds one 16-byte digest per result, never the results.
/// </summary>
public static class ShardMerge
{
    /// <exception cref="ShardMergeException">The files are not the complete, disjoint shards of one plan.</exception>
    public static ShardMergeResult Merge(IReadOnlyList<string> shardFiles, string output)
    {
        ArgumentNullException.ThrowIfNull(shardFiles);
        ArgumentNullException.ThrowIfNull(output);
        if (shardFiles.Count == 0)
        {
            throw new ShardMergeException("give the run files of every shard (e.g. faithful merge shards/*/run.jsonl --output run.jsonl).");
        }

        var shards = shardFiles.Select(Describe).ToList();
        var first = shards[0];
        CheckSamePlan(shards, first);
        CheckEveryShardOnce(shards, first.Spec.Count);
        CheckComplete(shards);

        var header = first.Header with
        {
            CreatedUtc = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            TotalCases = first.Header.PlanCases ?? shards.Sum(s => s.Header.TotalCases),
            Shard = null,
            PlanCases = null,
        };
        var directory = Path.GetDirectoryName(Path.GetFullPath(output));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var temporary = output + ".merge." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + ".tmp";
        int results = 0, failed = 0;
        try
        {
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                WriteLine(stream, JsonSerializer.SerializeToUtf8Bytes(header, FaithfulJson.Options));
                var keys = new HashSet<UInt128>();
                var programs = new HashSet<string>(StringComparer.Ordinal);
                foreach (var shard in shards.OrderBy(s => s.Spec.Index))
                {
                    foreach (var scanned in RunFileScan.ProgramsAndResults(shard.Index))
                    {
                        var head = scanned.Head;
                        if (head.Kind == RunLineKind.Program)
                        {
                            if (programs.Add(head.Program!))
                            {
                                WriteLine(stream, scanned.Line.Bytes.Span);
                            }

                            continue;
                        }

                        CheckBelongs(shard, head, scanned.Line.Number);
                        if (!keys.Add(ResultKeyHash.Of(head.Key!)))
                        {
                            throw new ShardMergeException(
                                $"{shard.Name}({scanned.Line.Number}): result {Describe(head)} is also in another shard file; the files overlap, so they are not the shards of one split. Rerun each shard into its own run file.");
                        }

                        WriteLine(stream, scanned.Line.Bytes.Span);
                        results++;
                        failed += head.Failed ? 1 : 0;
                    }
                }
            }

            File.Move(temporary, output, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }

        return new ShardMergeResult(header, results, failed);
    }

    private sealed record Shard(string Path, RunFileIndex Index, RunHeader Header, ShardSpec Spec)
    {
        public string Name => System.IO.Path.GetFileName(Path) is var name && Path.Length > name.Length ? Path : name;
    }

    private static Shard Describe(string path)
    {
        if (!File.Exists(path))
        {
            throw new ShardMergeException($"shard run file '{path}' does not exist.");
        }

        var index = RunFileIndex.Build(path);
        if (index.Header is not { } header)
        {
            throw new ShardMergeException($"'{path}' has no readable run file header; it is not a run file written by 'faithful run --shard i/n'.");
        }

        if (header.Shard is null)
        {
            throw new ShardMergeException($"'{path}' holds a whole run, not a shard ({header.PlanDescription}); merge only the run files written with 'faithful run --shard i/n'.");
        }

        if (!ShardSpec.TryParse(header.Shard, out var spec))
        {
            throw new ShardMergeException($"'{path}' names its shard '{header.Shard}', which is not i/n.");
        }

        return new Shard(path, index, header, spec);
    }

    private static void CheckSamePlan(List<Shard> shards, Shard first)
    {
        foreach (var shard in shards.Skip(1))
        {
            if (shard.Header.PlanFingerprint != first.Header.PlanFingerprint)
            {
                throw new ShardMergeException(
                    $"'{shard.Path}' is from another plan than '{first.Path}' (plan {shard.Header.PlanFingerprint}: {shard.Header.PlanDescription}; " +
                    $"plan {first.Header.PlanFingerprint}: {first.Header.PlanDescription}). Every shard must run the same command apart from --shard.");
            }

            if (shard.Spec.Count != first.Spec.Count)
            {
                throw new ShardMergeException($"'{shard.Path}' is shard {shard.Spec} but '{first.Path}' is shard {first.Spec}: the plan was split in different ways. Use one shard count for every job.");
            }

            if (shard.Header.Format != first.Header.Format)
            {
                throw new ShardMergeException($"'{shard.Path}' is a {shard.Header.Format} file but '{first.Path}' is {first.Header.Format}; run every shard with the same faithful version.");
            }
        }
    }

    private static void CheckEveryShardOnce(List<Shard> shards, int count)
    {
        foreach (var twice in shards.GroupBy(s => s.Spec.Index).Where(g => g.Count() > 1))
        {
            throw new ShardMergeException($"shard {twice.First().Spec} is given twice ({string.Join(", ", twice.Select(s => $"'{s.Path}'"))}); give each shard's run file once.");
        }

        var missing = Enumerable.Range(1, count).Except(shards.Select(s => s.Spec.Index)).ToList();
        if (missing.Count > 0)
        {
            throw new ShardMergeException(
                $"the merge is missing shard(s) {string.Join(", ", missing.Select(i => $"{i}/{count}"))} of {count}; " +
                "run them (faithful run ... --shard i/n) and give every shard's run file.");
        }
    }

    private static void CheckComplete(List<Shard> shards)
    {
        var problems = new StringBuilder();
        foreach (var shard in shards.OrderBy(s => s.Spec.Index))
        {
            if (shard.Index.ResultCount != shard.Header.TotalCases)
            {
                problems.Append(CultureInfo.InvariantCulture, $" shard {shard.Spec} ('{shard.Path}') holds {shard.Index.ResultCount} of its {shard.Header.TotalCases} results;");
            }
        }

        if (problems.Length > 0)
        {
            throw new ShardMergeException(
                "the shards are not complete:" + problems.ToString().TrimEnd(';') +
                ". Rerun those shards with the same command (a run resumes its run file and asks only what is missing), then merge again.");
        }

        var plan = shards[0].Header.PlanCases;
        var sum = shards.Sum(s => s.Header.TotalCases);
        if (plan is { } total && total != sum)
        {
            throw new ShardMergeException(string.Create(CultureInfo.InvariantCulture, $"the shards hold {sum} results in all but the plan has {total}; the files were not written by one split of one plan."));
        }
    }

    private static void CheckBelongs(Shard shard, RunLineHead head, int line)
    {
        var owner = ShardSpec.ShardOf(head.CaseId!, shard.Spec.Count);
        if (owner != shard.Spec.Index)
        {
            throw new ShardMergeException(
                $"{shard.Name}({line}): case {head.CaseId} belongs to shard {owner}/{shard.Spec.Count}, not {shard.Spec}; the file was changed after its shard ran, or mixes runs. Rerun that shard into a fresh run file.");
        }
    }

    private static string Describe(RunLineHead head) => $"{head.CaseId} of {head.Model}";

    private static void WriteLine(Stream stream, ReadOnlySpan<byte> json)
    {
        stream.Write(json);
        stream.WriteByte((byte)'\n');
    }
}
