using System.Globalization;
using Faithful.Clients.Connections;
using Faithful.Clients.Running;
using Faithful.Execution;
using Faithful.Protocols;
using Faithful.Reports.RunFiles;
using Microsoft.Extensions.AI;

namespace Faithful.Cli.Running;

/// <summary>
/// Runs a plan into a run file. Each result is appended and flushed as soon as it is scored; on start, results
/// already in the file (same plan) are kept and their cases are not requested again. Failed requests (an error and
/// no verdict) are retried by a resumed run; their new line supersedes the old one.
/// </summary>
internal sealed class RunEngine(ITraceInstrument instrument, ClientOptions clientOptions, RunOptions runOptions, TimeSpan pacing, Func<FaithfulCase, Trace>? groundTruth = null)
{
    public async Task<RunOutcome> RunAsync(RunPlan plan, string runFile, bool fresh, IRunProgress progress, CancellationToken cancellationToken)
    {
        var (writer, done) = Open(plan, runFile, fresh);
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
                        var runner = new ProtocolRunner(client, connection.Model, instrument, runOptions, connection.Budget, groundTruth);
                        await runner.RunAsync(
                            pending,
                            protocol,
                            result =>
                            {
                                writer.Write(result);
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

        var contents = RunFileReader.Read(runFile);
        return new RunOutcome(plan.TotalCases - requested, requested, contents);
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

    private static (RunFileWriter Writer, IReadOnlySet<string> Done) Open(RunPlan plan, string runFile, bool fresh)
    {
        var header = new RunHeader(
            RunFile.FormatVersion,
            DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            plan.Description,
            plan.Fingerprint,
            plan.TotalCases);
        if (fresh || !File.Exists(runFile) || new FileInfo(runFile).Length == 0)
        {
            return (RunFileWriter.Create(runFile, header), new HashSet<string>());
        }

        var contents = RunFileReader.Read(runFile);
        if (contents.Header is null || contents.Header.PlanFingerprint != plan.Fingerprint)
        {
            throw new CliException(
                $"run file '{runFile}' holds results of a different plan ({contents.Header?.PlanDescription ?? "no header"}); " +
                "rerun the same command to resume it, pass --fresh to start over, or choose another --run-file.");
        }

        var done = contents.Results.Where(r => r.Verdict is not null || r.Error is null).Select(RunFile.KeyOf).ToHashSet(StringComparer.Ordinal);
        return (RunFileWriter.Append(runFile, contents.CompleteLength), done);
    }
}
