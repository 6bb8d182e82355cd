using System.ClientModel;
using System.Globalization;
using System.Text.Json;
using Faithful.Cli.Running;
using Faithful.Clients.Connections;
using Faithful.Clients.Running;
using Faithful.Execution;
using Faithful.Model;
using Faithful.Reports.RunFiles;
using Faithful.Reports.RunFiles.Streaming;
using Faithful.Traces.Results;
using Faithful.Traces.Scoring;

namespace Faithful.Cli.Batching;

/// <summary>
/// Runs a plan through the OpenAI Batch API instead of one request per case: writes the pending cases of each model as
/// request files (at most <see cref="BatchSettings.MaxRequestsPerBatch"/> each), uploads them, creates the batches,
/// polls until they end, downloads their output and error files as streams and scores every reply into the run file.
/// Every step is saved in <see cref="BatchState"/> before the next begins, so a run killed at any point resumes where it
/// stopped: an uploaded file is not uploaded again, a created batch is not created again (one created just before the
/// kill is found again by its input file), and a finished batch is only downloaded.
/// </summary>
internal sealed class BatchRunner(
    ITraceInstrument instrument,
    RunOptions runOptions,
    ClientOptions clientOptions,
    Func<FaithfulCase, Trace> groundTruth,
    BatchSettings settings,
    TextWriter log)
{
    private ITraceInstrument Instrument { get; } = instrument;

    private RunOptions RunOptions { get; } = runOptions;

    private ClientOptions ClientOptions { get; } = clientOptions;

    private Func<FaithfulCase, Trace> GroundTruth { get; } = groundTruth;

    private BatchSettings Settings { get; } = settings;

    private TextWriter Log { get; } = log;

    public async Task<RunOutcome> RunAsync(RunPlan plan, string runFile, bool fresh, CancellationToken cancellationToken)
    {
        using var runLock = RunEngine.AcquireLock(runFile);
        var notes = new List<string>();
        if (runLock.TookOverFrom is { } gone)
        {
            notes.Add($"took over the lock of {gone}, which is no longer running");
        }

        if (fresh)
        {
            BatchState.Delete(runFile);
        }

        var (writer, doneBefore) = RunEngine.Open(plan, runFile, fresh, notes);
        var done = new HashSet<string>(doneBefore, StringComparer.Ordinal);
        var state = BatchState.Load(runFile);
        var shard = plan.Shard?.ToString();
        if (state is not null && (state.PlanFingerprint != plan.Fingerprint || state.Shard != shard))
        {
            writer.Dispose();
            throw new CliException($"batch state '{BatchState.PathFor(runFile)}' belongs to another plan; rerun the command that started it to collect its batches, or pass --fresh to start over.");
        }

        state ??= new BatchState(BatchState.FormatVersion, plan.Fingerprint, shard, []);
        var session = new Session(this, plan, runFile, state, writer, done);
        using (writer)
        {
            try
            {
                await session.RunAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (ClientResultException e)
            {
                throw new CliException(
                    $"the Batch API refused a call (HTTP {e.Status}): {e.Message.Split('\n')[0]} The batch state is saved in '{BatchState.PathFor(runFile)}'; " +
                    "rerun the same command to resume without submitting again.");
            }
            catch (JsonException e)
            {
                throw new CliException(
                    $"the Batch API answered with something that is not the JSON it documents ({e.Message}). The batch state is saved in '{BatchState.PathFor(runFile)}'; rerun the same command to resume.");
            }
            catch (HttpRequestException e)
            {
                throw new CliException(
                    $"the Batch API could not be reached: {e.Message} The batch state is saved in '{BatchState.PathFor(runFile)}'; rerun the same command to resume.");
            }
        }

        return new RunOutcome(plan.TotalCases - session.Written, session.Written, notes);
    }

    private sealed class Session(BatchRunner owner, RunPlan plan, string runFile, BatchState state, RunFileWriter writer, HashSet<string> done)
    {
        private readonly Dictionary<string, Dictionary<string, FaithfulCase>> _casesByModel = new(StringComparer.Ordinal);
        private readonly OpenAIBatches _api = new(OpenAIPlatform.Connect("the Batch API", owner.ClientOptions));
        private readonly Dictionary<string, StepProgram> _programs = plan.ProgramsById();

        public int Written { get; private set; }

        public async Task RunAsync(CancellationToken cancellationToken)
        {
            var resumed = state.Batches.Where(b => !b.Collected).ToList();
            foreach (var part in resumed)
            {
                owner.Log.WriteLine($"resuming batch part {part.Part} of {part.Model} ({part.Requests} requests{(part.BatchId is { } id ? ", " + id : "")})");
            }

            // Failures of batches collected now are asked again by the next run, as in a live run.
            var inFlight = resumed.SelectMany(p => CustomIdsOf(p)).ToHashSet(StringComparer.Ordinal);
            foreach (var model in plan.Models)
            {
                SubmitPending(model, inFlight);
            }

            foreach (var part in state.Batches.Where(b => !b.Collected))
            {
                await EnsureCreatedAsync(part, cancellationToken).ConfigureAwait(false);
            }

            await WaitAndCollectAsync(cancellationToken).ConfigureAwait(false);
        }

        private void SubmitPending(string model, HashSet<string> inFlight)
        {
            var cases = CasesOf(model);
            var pending = new List<(string CustomId, FaithfulCase Case)>();
            foreach (var (customId, @case) in cases)
            {
                var key = RunFile.KeyOf(model, @case.CaseId);
                if (done.Contains(key) || inFlight.Contains(customId))
                {
                    continue;
                }

                if (owner.GroundTruth(@case).Fault is { } fault)
                {
                    Write(Result(model, @case, "", null, $"{CaseRunner.NotRunPrefix}the program faults on these inputs ({fault}); choose inputs inside its domain", null, null));
                    continue;
                }

                pending.Add((customId, @case));
            }

            var modelName = ModelString.Parse(model).Target;
            foreach (var chunk in pending.Chunk(owner.Settings.MaxRequestsPerBatch))
            {
                var number = state.Batches.Count + 1;
                Directory.CreateDirectory(BatchState.FolderFor(runFile));
                var requestFile = Path.Combine(BatchState.FolderFor(runFile), string.Create(CultureInfo.InvariantCulture, $"part-{number}.requests.jsonl"));
                using (var stream = File.Create(requestFile))
                {
                    foreach (var (customId, @case) in chunk)
                    {
                        using (var json = new Utf8JsonWriter(stream))
                        {
                            BatchRequests.Write(json, customId, modelName, owner.Instrument.Render(@case.Program, @case.Inputs), owner.RunOptions, @case.Sample);
                        }

                        stream.WriteByte((byte)'\n');
                    }
                }

                state.Batches.Add(new BatchPart(model, number, chunk.Length, requestFile));
                state.Save(runFile);
                owner.Log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"batch part {number}: {chunk.Length} requests to {model}"));
            }
        }

        private async Task EnsureCreatedAsync(BatchPart part, CancellationToken cancellationToken)
        {
            if (part.BatchId is not null)
            {
                return;
            }

            if (part.InputFileId is null)
            {
                if (!File.Exists(part.RequestFile))
                {
                    throw new CliException($"the request file '{part.RequestFile}' of batch part {part.Part} is gone; pass --fresh to start the run over.");
                }

                part.InputFileId = await _api.UploadAsync(part.RequestFile, cancellationToken).ConfigureAwait(false);
                state.Save(runFile);
                owner.Log.WriteLine($"batch part {part.Part}: uploaded {part.InputFileId}");
            }

            // A run killed between creating the batch and saving its id left the batch running: adopt it.
            var existing = await _api.FindByInputFileAsync(part.InputFileId, cancellationToken).ConfigureAwait(false);
            var status = existing ?? await _api.CreateAsync(part.InputFileId, Metadata(part), cancellationToken).ConfigureAwait(false);
            part.BatchId = status.Id;
            part.Status = status.Status;
            state.Save(runFile);
            owner.Log.WriteLine($"batch part {part.Part}: {(existing is null ? "created" : "found the batch created before the interruption,")} {status.Id} ({status.Status})");
        }

        private Dictionary<string, string> Metadata(BatchPart part) => new(StringComparer.Ordinal)
        {
            ["faithful_plan"] = plan.Fingerprint,
            ["faithful_part"] = part.Part.ToString(CultureInfo.InvariantCulture),
        };

        private async Task WaitAndCollectAsync(CancellationToken cancellationToken)
        {
            var seen = new Dictionary<int, string>();
            while (state.Batches.Where(b => !b.Collected).ToList() is { Count: > 0 } open)
            {
                foreach (var part in open)
                {
                    var status = await _api.GetAsync(part.BatchId!, cancellationToken).ConfigureAwait(false);
                    var line = string.Create(CultureInfo.InvariantCulture, $"batch {status.Id} ({part.Model}, part {part.Part}): {status.Status}, {status.Completed} completed, {status.Failed} failed of {status.Total}");
                    if (!seen.TryGetValue(part.Part, out var last) || last != line)
                    {
                        owner.Log.WriteLine(line);
                        seen[part.Part] = line;
                    }

                    if (status.Status != part.Status)
                    {
                        part.Status = status.Status;
                        state.Save(runFile);
                    }

                    if (status.IsFinal)
                    {
                        await CollectAsync(part, status, cancellationToken).ConfigureAwait(false);
                    }
                }

                if (state.Batches.Any(b => !b.Collected))
                {
                    await Task.Delay(owner.Settings.PollInterval, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        private async Task CollectAsync(BatchPart part, BatchStatus status, CancellationToken cancellationToken)
        {
            // Without its request file (removed by hand) every response of the model's cases is taken.
            var tracked = File.Exists(part.RequestFile);
            var expected = CustomIdsOf(part).ToHashSet(StringComparer.Ordinal);
            var cases = CasesOf(part.Model);
            foreach (var fileId in new[] { status.OutputFileId, status.ErrorFileId }.OfType<string>())
            {
                var downloaded = Path.Combine(BatchState.FolderFor(runFile), $"{status.Id}.{fileId}.jsonl");
                await _api.DownloadAsync(fileId, downloaded, cancellationToken).ConfigureAwait(false);
                using (var reader = JsonLineReader.Open(downloaded))
                {
                    while (reader.TryRead(out var line))
                    {
                        if (RunFileIndex.IsBlank(line.Bytes.Span) || ReadResponse(line.Bytes.Span) is not { } response
                            || (tracked && !expected.Remove(response.CustomId)) || !cases.TryGetValue(response.CustomId, out var @case)
                            || done.Contains(RunFile.KeyOf(part.Model, @case.CaseId)))
                        {
                            continue;
                        }

                        Write(Score(part.Model, @case, response, status.Id));
                    }
                }

                File.Delete(downloaded);
            }

            foreach (var customId in expected)
            {
                if (cases.TryGetValue(customId, out var @case))
                {
                    var why = $"request failed: the batch {status.Id} ended '{status.Status}' without a response for this request{(status.Errors is { } errors ? $" ({errors})" : "")}; a resumed run asks it again";
                    Write(Result(part.Model, @case, "", null, why, null, null));
                }
            }

            part.Collected = true;
            state.Save(runFile);
            File.Delete(part.RequestFile);
            owner.Log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"batch {status.Id}: collected into the run file"));
        }

        private static BatchResponse? ReadResponse(ReadOnlySpan<byte> line)
        {
            try
            {
                return BatchResponse.Read(line);
            }
            catch (JsonException)
            {
                return null;
            }
        }

        private CaseResult Score(string model, FaithfulCase @case, BatchResponse response, string batchId)
        {
            var metadata = new Dictionary<string, string>(StringComparer.Ordinal) { ["openai.batch"] = batchId };
            if (response.Reply is not { } reply)
            {
                return Result(model, @case, "", null, response.Error, null, metadata);
            }

            if (reply.Length > owner.RunOptions.MaxReplyChars)
            {
                reply = reply[..owner.RunOptions.MaxReplyChars];
            }

            // The conversation is rendered again: rendering is deterministic, so it is the one the batch sent.
            var verdict = owner.Instrument.Score(owner.GroundTruth(@case), owner.Instrument.Render(@case.Program, @case.Inputs), reply);
            return Result(model, @case, reply, verdict, null, response.Tokens, metadata);
        }

        private static CaseResult Result(string model, FaithfulCase @case, string reply, TraceVerdict? verdict, string? error, TokenCounts? tokens, IReadOnlyDictionary<string, string>? metadata) =>
            @case.ToResult(model, reply, verdict, error, tokens, metadata);

        private void Write(CaseResult result)
        {
            writer.Write(result, _programs.GetValueOrDefault(result.ProgramId));
            done.Add(RunFile.KeyOf(result));
            Written++;
        }

        private Dictionary<string, FaithfulCase> CasesOf(string model)
        {
            if (!_casesByModel.TryGetValue(model, out var cases))
            {
                cases = plan.Cases.ToDictionary(c => BatchRequests.CustomId(RunFile.KeyOf(model, c.CaseId)), StringComparer.Ordinal);
                _casesByModel[model] = cases;
            }

            return cases;
        }

        // The custom ids of a part, read back from its request file (streamed; a part holds at most one batch's requests).
        private static IEnumerable<string> CustomIdsOf(BatchPart part)
        {
            if (!File.Exists(part.RequestFile))
            {
                yield break;
            }

            using var reader = JsonLineReader.Open(part.RequestFile);
            while (reader.TryRead(out var line))
            {
                if (CustomIdOf(line.Bytes) is { } customId)
                {
                    yield return customId;
                }
            }
        }

        private static string? CustomIdOf(ReadOnlyMemory<byte> line)
        {
            var json = new Utf8JsonReader(line.Span);
            return json.Read() && json.TokenType == JsonTokenType.StartObject && json.Read() && json.TokenType == JsonTokenType.PropertyName
                && json.ValueTextEquals("custom_id"u8) && json.Read() && json.TokenType == JsonTokenType.String
                ? json.GetString()
                : null;
        }
    }
}
