using System.Globalization;
using System.Text.Json;
using Faithful.Clients.Connections;
using Faithful.Clients.Running;
using Faithful.Execution;
using Faithful.Cli.Output;
using Faithful.Protocols;
using Faithful.Reports.RunFiles;
using Faithful.Reports.RunFiles.Streaming;
using Microsoft.Extensions.AI;

namespace Faithful.Cli.Running;

/// <summary>
/// Runs a plan into a run file. Each result is appended and flushed as soon as it is scored; on start, results
/// already in the file (same plan) are kept and their cases are not requested again. Failed requests (an error and
/// no verdict) are retried by a resumed run; their new line supersedes the old one.
/// </summary>
internal sealed class RunEngine(
    ITraceInstrument instrument,
    ClientOptions clientOptions,
    RunOptions runOptions,
    TimeSpan pacing,
    Func<FaithfulCase, Trace>? groundTruth = null,
    Func<CounterfactualQuery, CounterfactualTrace?>? counterfactuals = null)
{
    public async Task<RunOutcome> RunAsync(RunPlan plan, string runFile, bool fresh, IRunProgress progress, CancellationToken cancellationToken)
    {
        using var runLock = AcquireLock(runFile);
        var notes = new List<string>();
        if (runLock.TookOverFrom is { } gone)
        {
            notes.Add($"took over the lock of {gone}, which is no longer running");
        }

        var (writer, done) = Open(plan, runFile, fresh, notes);
        var programs = plan.ProgramsById();
        var requested = 0;
        using (writer)
        {
            foreach (var model in plan.Models)
            {
                ModelConnection? connection = null;
                PacingChatClient? client = null;
                try
                {
                    foreach (var protocol in plan.Protocols)
                    {
                        // A case is done when every result its protocol writes for it is in the file.
                        var pending = plan.Cases.Where(c => !protocol.ResultLabels(c).All(label => done.Contains(RunFile.KeyOf(model, c.CaseId, label)))).ToList();
                        var total = plan.Cases.Sum(c => protocol.ResultLabels(c).Count);
                        var pendingResults = pending.Sum(c => protocol.ResultLabels(c).Count);
                        progress.Started(plan.HasProtocols ? $"{model} [{protocol.Name}]" : model, pendingResults, total - pendingResults, total);
                        if (pending.Count == 0)
                        {
                            continue;
                        }

                        connection ??= Connect(model);
                        client ??= new PacingChatClient(connection.Client, pacing);
                        var runner = new ProtocolRunner(client, connection.Model, instrument, runOptions, connection.Budget, groundTruth, counterfactuals);
                        await runner.RunAsync(
                            pending,
                            protocol,
                            result =>
                            {
                                writer.Write(result, programs.GetValueOrDefault(result.ProgramId));
                                Interlocked.Increment(ref requested);
                                progress.Completed(result);
                            },
                            cancellationToken).ConfigureAwait(false);
                    }
                }
                finally
                {
                    client?.Dispose();
                    connection?.Dispose();
                }
            }
        }

        return new RunOutcome(plan.TotalCases - requested, requested, notes);
    }

    /// <summary>Takes the run file's lock, or says which process holds it.</summary>
    internal static RunFileLock AcquireLock(string runFile)
    {
        try
        {
            return RunFileLock.Acquire(runFile, "faithful run");
        }
        catch (RunFileInUseException e)
        {
            throw new CliException(e.Message, ExitCodes.RunFileInUse);
        }
    }

    private ModelConnection Connect(string model)
    {
        try
        {
            return ModelClients.Connect(model, clientOptions);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            throw new CliException($"cannot connect to '{model}': {e.Message}");
        }
    }

    /// <summary>Opens the run file for a plan: started over, or resumed with the keys already done.</summary>
    internal static (RunFileWriter Writer, IReadOnlySet<string> Done) Open(RunPlan plan, string runFile, bool fresh, List<string> notes)
    {
        var header = new RunHeader(
            RunFile.FormatVersion,
            DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            plan.Description,
            plan.Fingerprint,
            plan.TotalCases)
        {
            Shard = plan.Shard?.ToString(),
            PlanCases = plan.Shard is null ? null : plan.PlanCases,
        };
        if (fresh || !File.Exists(runFile) || new FileInfo(runFile).Length == 0)
        {
            return (RunFileWriter.Create(runFile, header, OutputRedaction.Redact), new HashSet<string>());
        }

        RunFileContents contents;
        try
        {
            contents = RunFileReader.Read(runFile);
        }
        catch (InvalidDataException e)
        {
            throw new CliException(e.Message + " Pass --fresh to start it over, or choose another --run-file.");
        }

        if (contents.Header is null)
        {
            return RepairHeader(plan, runFile, header, contents, notes);
        }

        if (contents.Header.PlanFingerprint != plan.Fingerprint || contents.Header.Shard != header.Shard)
        {
            throw new CliException(
                $"run file '{runFile}' holds results of a different plan ({contents.Header.PlanDescription}{(contents.Header.Shard is { } shard ? $", shard {shard}" : "")}); " +
                "rerun the same command to resume it, pass --fresh to start over, or choose another --run-file.");
        }

        var programLines = RunFileIndex.Build(runFile).ProgramOffsets.Keys;
        return (RunFileWriter.Append(runFile, contents.CompleteLength, OutputRedaction.Redact, contents.Header.Format, programLines), Done(contents.Results));
    }

    // A header torn by a killed run (or damaged by hand): nothing after it means nothing to keep; results that all
    // belong to this plan are kept under a new header; results of another plan are not guessed at.
    private static (RunFileWriter Writer, IReadOnlySet<string> Done) RepairHeader(RunPlan plan, string runFile, RunHeader header, RunFileContents contents, List<string> notes)
    {
        if (contents.Results.Count == 0)
        {
            notes.Add($"run file '{runFile}' held no complete results (its header line was cut short, e.g. by a killed run); started it over");
            return (RunFileWriter.Create(runFile, header, OutputRedaction.Redact), new HashSet<string>());
        }

        var planKeys = plan.Models.SelectMany(m => plan.Cases.Select(c => RunFile.KeyOf(m, c.CaseId))).ToHashSet(StringComparer.Ordinal);
        if (!contents.Results.All(r => planKeys.Contains(RunFile.KeyOf(r))))
        {
            throw new CliException(
                $"run file '{runFile}' has no readable header and holds results that are not in this plan; " +
                "pass --fresh to start over, or choose another --run-file.");
        }

        notes.Add(string.Create(CultureInfo.InvariantCulture, $"run file '{runFile}' had a damaged header line; rebuilt its header and kept its {contents.Results.Count} results of this plan"));
        // The lines are copied as they are (a faithful.run/2 result keeps its compact verdict, a program line its program).
        var lines = RunFileScan.ProgramsAndResults(RunFileIndex.Build(runFile)).Select(l => System.Text.Encoding.UTF8.GetString(l.Line.Bytes.Span)).ToList();
        return (RunFileWriter.Rebuild(runFile, header, lines, OutputRedaction.Redact), Done(contents.Results));
    }

    // Failed requests (an error and no verdict) are asked again; everything else is done.
    private static HashSet<string> Done(IEnumerable<Traces.Results.CaseResult> results) =>
        results.Where(r => r.Verdict is not null || r.Error is null).Select(RunFile.KeyOf).ToHashSet(StringComparer.Ordinal);
}
