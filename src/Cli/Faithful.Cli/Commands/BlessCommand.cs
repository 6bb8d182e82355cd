using System.CommandLine;
using Faithful.Cli.Output;
using Faithful.Reports.Gating;

namespace Faithful.Cli.Commands;

/// <summary><c>faithful bless run.jsonl</c>: makes this run the baseline that later gates compare with.</summary>
internal static class BlessCommand
{
    public static Command Create(CliConsole console)
    {
        var runFiles = new Argument<string[]>("run-files") { Description = "Run files to bless.", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--output", "-o") { Description = "Baseline file to write (commit it).", DefaultValueFactory = _ => "faithful.baseline.json" };
        var correctness = CliApp.CorrectnessOption();
        var command = new Command("bless", "Write a new baseline (faithful.baseline/1) from run files: per-case correctness and per-length scores.")
        {
            runFiles, output, correctness,
        };
        command.SetAction(parse => CliApp.Guard(console, () =>
        {
            using var summary = ReportFiles.Load(parse.GetValue(runFiles)!, console);
            if (summary.TraceCount == 0)
            {
                throw new CliException("the run files hold no results; there is nothing to bless.");
            }

            var chosen = parse.GetValue(correctness);
            ReportFiles.SaveStream(parse.GetValue(output), stream => Baseline.Write(stream, summary, chosen), console, $"baseline of {summary.TraceCount} cases");
            return 0;
        }));
        return command;
    }
}
