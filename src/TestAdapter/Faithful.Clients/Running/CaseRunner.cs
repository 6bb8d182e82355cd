using System.Globalization;
using Faithful.Clients.Budget;
using Faithful.Clients.Caching;
using Faithful.Execution;
using Faithful.Model;
using Faithful.Traces.Results;
using Faithful.Traces.Simulation;
using Microsoft.Extensions.AI;

namespace Faithful.Clients.Running;

/// <summary>
/// Sends cases to a model and scores the replies. A failed request becomes a result with an error, a spent budget
/// marks the remaining cases "not run", and every finished result is reported as it completes: nothing computed is lost.
/// </summary>
/// <param name="groundTruth">
/// The ground-truth trace of a case, e.g. looked up in traces computed in one batch by Faithful.GpuRef;
/// null evaluates each case with <see cref="ReferenceEvaluator"/>.
/// </param>
public sealed class CaseRunner(IChatClient client, string model, ITraceInstrument instrument, RunOptions? options = null, RunBudget? budget = null, Func<FaithfulCase, Trace>? groundTruth = null)
{
    /// <summary>Error text prefix of cases that were never sent.</summary>
    public const string NotRunPrefix = "not run: ";

    /// <summary>Metadata key of a cut reply's original length (Faithful.Reports reads it under the same name).</summary>
    public const string OriginalReplyLengthKey = "reply.chars";

    private readonly RunOptions options = options ?? new RunOptions();

    /// <summary>Runs <paramref name="cases"/>; results come back in the order of <paramref name="cases"/>.</summary>
    /// <param name="onResult">Called once per case as soon as its result is known (e.g. to append to a run file).</param>
    public async Task<IReadOnlyList<CaseResult>> RunAsync(IEnumerable<FaithfulCase> cases, Action<CaseResult>? onResult = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var list = cases.ToList();
        var results = new CaseResult[list.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, list.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxParallelCases), CancellationToken = cancellationToken },
            async (index, ct) =>
            {
                var result = await RunOneAsync(list[index], ct).ConfigureAwait(false);
                results[index] = result;
                onResult?.Invoke(result);
            }).ConfigureAwait(false);
        return results;
    }

    /// <summary>Runs one case; never throws except for cancellation by the caller.</summary>
    public async Task<CaseResult> RunOneAsync(FaithfulCase @case, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var truth = groundTruth?.Invoke(@case) ?? ReferenceEvaluator.Evaluate(@case.Program, @case.Inputs);
        if (truth.Fault is { } fault)
        {
            return Failed(@case, $"{NotRunPrefix}the program faults on these inputs ({fault}); choose inputs inside its domain", RequestFailure.NotRun);
        }

        if (budget?.ExhaustedReason is { } spent)
        {
            return Failed(@case, NotRunPrefix + spent, RequestFailure.NotRun);
        }

        var messages = instrument.Render(@case.Program, @case.Inputs);

        // The case reference lets a simulated model know what it answers (it is told the program first); real providers never see it.
        client.RegisterProgram(@case.Program);
        var chatOptions = CaseRef.For(@case.Program, @case.Inputs, @case.Sample).AttachTo(options.ChatOptionsFor(@case.Sample));
        ChatResponse response;
        try
        {
            response = await SendAsync(messages, chatOptions, cancellationToken).ConfigureAwait(false);
        }
        catch (BudgetExhaustedException ex)
        {
            return Failed(@case, NotRunPrefix + ex.Message, RequestFailure.NotRun);
        }
        catch (ReplayMissException ex)
        {
            return Failed(@case, ex.Message, RequestFailure.Classify(ex));
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            return Failed(@case, $"request failed: {ex.GetType().Name}: {ex.Message}", RequestFailure.Classify(ex));
        }

        var reply = response.Text ?? "";
        var metadata = Metadata(response);
        if (reply.Length > options.MaxReplyChars)
        {
            // Reports say how much of the reply they do not show, counted from the reply as the model sent it.
            metadata ??= new Dictionary<string, string>(StringComparer.Ordinal);
            metadata[OriginalReplyLengthKey] = reply.Length.ToString(CultureInfo.InvariantCulture);
            reply = reply[..options.MaxReplyChars];
        }

        var tokens = response.Usage is { } usage ? new TokenCounts(usage.InputTokenCount ?? 0, usage.OutputTokenCount ?? 0) : null;
        var verdict = instrument.Score(truth, messages, reply);
        return Result(@case, reply, verdict, null, tokens, metadata);
    }

    private async Task<ChatResponse> SendAsync(IReadOnlyList<ChatMessage> messages, ChatOptions chatOptions, CancellationToken cancellationToken)
    {
        if (!options.Streaming)
        {
            return await client.GetResponseAsync(messages, chatOptions, cancellationToken).ConfigureAwait(false);
        }

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in client.GetStreamingResponseAsync(messages, chatOptions, cancellationToken).ConfigureAwait(false))
        {
            updates.Add(update);
        }

        return updates.ToChatResponse();
    }

    private CaseResult Failed(FaithfulCase @case, string error, RequestFailure failure) =>
        Result(@case, "", null, error, null, new Dictionary<string, string>(StringComparer.Ordinal) { [RequestFailure.MetadataKey] = failure.Cause });

    private CaseResult Result(FaithfulCase @case, string reply, Traces.Scoring.TraceVerdict? verdict, string? error, TokenCounts? tokens, IReadOnlyDictionary<string, string>? metadata = null) =>
        @case.ToResult(model, reply, verdict, error, tokens, metadata);

    /// <summary>String-valued response properties (e.g. a simulated model's injected labels, or "replayed").</summary>
    private static Dictionary<string, string>? Metadata(ChatResponse response)
    {
        if (response.AdditionalProperties is not { Count: > 0 } properties)
        {
            return null;
        }

        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in properties)
        {
            if (value is string or bool or int or long or double)
            {
                metadata[key] = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
            }
        }

        return metadata.Count == 0 ? null : metadata;
    }
}
