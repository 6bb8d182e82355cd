using System.CommandLine;
using System.Globalization;
using Faithful.Cli.Output;
using Faithful.Cli.Running;
using Faithful.Reports.RunFiles;
using Faithful.Reports.Summaries;
using Faithful.Reports.RunFiles.Compact;
using Faithful.Transcripts;
using Faithful.Transcripts.Scoring;
using Faithful.Traces.Results;

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
        var workers = new Option<int?>("--workers") { Description = "Lines scored at once (default: one per core)." };
        var cacheSteps = new Option<long>("--program-cache-steps") { Description = "Program steps kept read between lines (least recently used first out); a program is read again once dropped. A program longer than 1% of this is kept only when it comes back among the last 64 long programs read.", DefaultValueFactory = _ => TranscriptPipeline.DefaultCachedSteps };
        var command = new Command("score", "Score transcripts from other tools (JSONL; see docs/transcripts.md): per-trace verdicts, scores by model and length, and the reports. Malformed lines are reported with their line numbers and skipped. Streams: memory does not grow with the file.")
        {
            file, assembly, outDir, workers, cacheSteps,
        };
        command.SetAction(parse => CliApp.Guard(console, () =>
        {
            var path = parse.GetValue(file)!;
            InputFiles.RequireFile(path, "transcript file", "Its format is described in docs/transcripts.md.");
            var catalog = parse.GetValue(assembly) is { } dll ? CatalogLoader.Load(dll) : [];
            if (parse.GetValue(workers) is < 1)
            {
                throw new CliException($"--workers must be at least 1 (got {parse.GetValue(workers)}).");
            }

            var directory = parse.GetValue(outDir)!;
            var runFile = Path.Combine(directory, "scored.jsonl");
            var header = new RunHeader(RunFile.FormatVersion, DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), $"transcripts {Path.GetFileName(path)}", "transcripts", CountLines(path));
            using var runLock = AcquireLock(runFile);
            TranscriptStats stats;

            // Summarized as results are written, not read back from the run file afterwards; drill-down cases are read
            // back from where they were written. The reports equal those 'faithful report' writes from the run file.
            using var aggregator = new RunAggregator();
            using (var writer = RunFileWriter.Create(runFile, header, OutputRedaction.Redact))
            {
                try
                {
                    // Streamed: each result goes to the run file as it comes, after its program's line the first time.
                    stats = TranscriptScorer.ScoreFile(
                        path,
                        scored =>
                        {
                            writer.WriteProgramLine(scored.Program.Id, () => scored.Source?.ToProgramLine(scored.Program.Id) ?? ProgramLine.Serialize(scored.Program));
                            var written = scored.Serialized is { } line ? writer.WriteSerialized(line) : writer.Write(scored.Result);
                            aggregator.Add(AsReadBack(scored.Result), new CaseLocation(writer.LiveIndex!, written.Offset, written.Line));
                        },
                        issue => console.Error.WriteLine($"skipped {issue}"),
                        catalog,
                        workers: parse.GetValue(workers),
                        cachedSteps: Math.Max(1, parse.GetValue(cacheSteps)),
                        serialize: scored => writer.SerializeLine(scored.Result),
                        renumber: writer.Renumbered);
                }
                catch (InvalidDataException e)
                {
                    throw new CliException(e.Message);
                }
            }

            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"scored {stats.Scored} transcripts from {Path.GetFileName(path)}; skipped {stats.Skipped} malformed line(s)"));
            console.Out.WriteLine($"wrote scored run file: {runFile}");
            using var summary = aggregator.Finish(ProgramSources.Resolver());
            SummaryTable.Print(summary, console);
            ReportFiles.Write(summary, ReportFiles.Targets.InDirectory(directory), console, $"Faithful report: {Path.GetFileName(path)}");
            return stats.Scored == 0 ? Reports.Gating.GateExitCodes.InvalidInput : 0;
        }));
        return command;
    }

    // A result as the run file gives it back to a report: its verdict's headline, its text fields redacted, without the
    // reply (summaries never read it; drill-downs read the line again).
    private static CaseResult AsReadBack(CaseResult result) => result with
    {
        CaseId = OutputRedaction.Redact(result.CaseId),
        Model = OutputRedaction.Redact(result.Model),
        ProgramId = OutputRedaction.Redact(result.ProgramId),
        Error = result.Error is { } error ? OutputRedaction.Redact(error) : null,
        Reply = "",
        Metadata = null,
        Verdict = result.Verdict is { } verdict ? CompactVerdict.HeadlineOf(verdict) : null,
    };

    // The header says how many lines the file holds (blank lines aside): a count of newlines, without reading any line.
    // A NUL byte ends the count: the file is not text (a device such as /dev/zero never ends), and the scorer's reader
    // refuses it with the file and offset.
    private static int CountLines(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var buffer = new byte[1 << 16];
        int read, lines = 0;
        var last = (byte)'\n';
        var wide = false;
        var first = true;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            var chunk = buffer.AsSpan(0, read);
            if (first)
            {
                // UTF-16 and UTF-32 with a byte-order mark hold NULs; their newlines still hold a 0x0A byte.
                wide = chunk.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || chunk.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || chunk.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]);
                first = false;
            }

            if (!wide && chunk.IndexOf((byte)0) is var nul and >= 0)
            {
                return lines + chunk[..nul].Count((byte)'\n');
            }

            lines += chunk.Count((byte)'\n');
            last = buffer[read - 1];
        }

        return lines + (last == (byte)'\n' ? 0 : 1);
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
