using System.CommandLine;
using System.Globalization;
using Faithful.Cli.Output;
using Faithful.Cli.Running;
using Faithful.Reports.RunFiles;
using Faithful.Reports.Summaries;
using Faithful.Transcripts;

namespace Faithful.Cli.Commands;

/// <summary>
/// <c>faithful score transcripts.jsonl</c>: scores replies collected by other tools (schema in docs/transcripts.md),
/// prints a summary by model and length, and writes a run file and the reports.
/// </summary>
internal static class ScoreCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("transcripts") { Description = "A faithful.transcript/1 JSONL file: one reply per line with its program, inputs and model." };
        var assembly = new Option<string?>("--assembly", "-a") { Description = "An assembly whose catalog supplies programs that lines name with 'programName'." };
        var outDir = new Option<string>("--out", "-o") { Description = "Output folder for the scored run file and the reports.", DefaultValueFactory = _ => ".faithful-out" };
        var command = new Command("score", "Score transcripts from other tools (JSONL; see docs/transcripts.md): per-trace verdicts, scores by model and length, and the reports. Malformed lines are reported with their line numbers and skipped.")
        {
            file, assembly, outDir,
        };
        command.SetAction(parse => CliApp.Guard(console, () =>
        {
            var path = parse.GetValue(file)!;
            InputFiles.RequireFile(path, "transcript file", "Its format is described in docs/transcripts.md.");
            var catalog = parse.GetValue(assembly) is { } dll ? CatalogLoader.Load(dll) : [];
            TranscriptImport import;
            try
            {
                import = TranscriptScorer.ScoreFile(path, catalog);
            }
            catch (InvalidDataException e)
            {
                throw new CliException(e.Message);
            }

            foreach (var issue in import.Issues)
            {
                console.Error.WriteLine($"skipped {issue}");
            }

            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"scored {import.Results.Count} transcripts from {Path.GetFileName(path)}; skipped {import.Issues.Count} malformed line(s)"));
            var directory = parse.GetValue(outDir)!;
            var runFile = Path.Combine(directory, "scored.jsonl");
            var header = new RunHeader(RunFile.FormatVersion, DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), $"transcripts {Path.GetFileName(path)}", "transcripts", import.Results.Count);
            using var runLock = AcquireLock(runFile);
            using (var writer = RunFileWriter.Create(runFile, header, OutputRedaction.Redact))
            {
                foreach (var result in import.Results)
                {
                    writer.Write(result);
                }
            }

            console.Out.WriteLine($"wrote scored run file: {runFile}");
            var summary = RunSummary.Of(import.Results);
            SummaryTable.Print(summary, console);
            ReportFiles.Write(summary, ReportFiles.Targets.InDirectory(directory), console, $"Faithful report: {Path.GetFileName(path)}");
            return import.Results.Count == 0 ? Reports.Gating.GateExitCodes.InvalidInput : 0;
        }));
        return command;
    }

    private static RunFileLock AcquireLock(string runFile)
    {
        try
        {
            return RunFileLock.Acquire(runFile, "faithful score");
        }
        catch (RunFileInUseException e)
        {
            throw new CliException(e.Message, ExitCodes.RunFileInUse);
        }
    }
}
