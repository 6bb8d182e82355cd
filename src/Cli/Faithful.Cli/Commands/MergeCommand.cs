using System.CommandLine;
using System.Globalization;
using Faithful.Cli.Output;
using Faithful.Reports.Sharding;

namespace Faithful.Cli.Commands;

/// <summary>
/// <c>faithful merge shard-1/run.jsonl ... shard-n/run.jsonl</c>: checks that the files are the complete, disjoint
/// shards of one plan (<c>faithful run --shard i/n</c>), writes the whole plan's run file and the reports.
/// </summary>
internal static class MergeCommand
{
    public static Command Create(CliConsole console)
    {
        var shardFiles = new Argument<string[]>("shard-run-files") { Description = "The run file of every shard (written by 'faithful run --shard i/n' with the same options).", Arity = ArgumentArity.OneOrMore };
        var outDir = new Option<string>("--out", "-o") { Description = "Output folder for the merged run file and the reports.", DefaultValueFactory = _ => ".faithful-out" };
        var runFile = new Option<string?>("--run-file") { Description = "Merged run file to write (default <out>/run.jsonl)." };
        var title = new Option<string>("--title") { Description = "Title of the HTML page.", DefaultValueFactory = _ => "Faithful report" };
        var command = new Command("merge", "Merge the run files of a sharded run (faithful run --shard i/n) after checking that they are from the same plan, disjoint and complete; writes the merged run file and the reports.")
        {
            shardFiles, outDir, runFile, title,
        };
        command.SetAction(parse => CliApp.Guard(console, () =>
        {
            var directory = parse.GetValue(outDir)!;
            var output = parse.GetValue(runFile) ?? Path.Combine(directory, "run.jsonl");
            var inputs = parse.GetValue(shardFiles)!;
            if (inputs.Any(i => Path.GetFullPath(i) == Path.GetFullPath(output)))
            {
                throw new CliException($"the merged run file '{output}' is also one of the shards; choose another --run-file or --out.");
            }

            ShardMergeResult merged;
            try
            {
                merged = ShardMerge.Merge(inputs, output);
            }
            catch (ShardMergeException e)
            {
                throw new CliException(e.Message);
            }

            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"merged {inputs.Length} shards: {merged.Results} results of plan {merged.Header.PlanFingerprint} ({merged.Header.PlanDescription})"));
            console.Out.WriteLine($"wrote merged run file: {output}");
            if (merged.Failed > 0)
            {
                console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warning: {merged.Failed} results are failed requests (an error and no verdict); rerun their shards to ask them again, then merge again."));
            }

            using var summary = ReportFiles.Load([output], console);
            SummaryTable.Print(summary, console);
            ReportFiles.Write(summary, ReportFiles.Targets.InDirectory(directory), console, parse.GetValue(title)!);
            return 0;
        }));
        return command;
    }
}
