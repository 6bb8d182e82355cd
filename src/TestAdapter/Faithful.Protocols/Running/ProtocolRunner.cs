using Faithful.Clients.Budget;
using Faithful.Clients.Caching;
using Faithful.Clients.Running;
using Faithful.Execution;
using Faithful.Model;
using Faithful.Traces.Results;
using Microsoft.Extensions.AI;

namespace Faithful.Protocols;

/// <summary>
/// Runs cases under a protocol and scores them, as <see cref="CaseRunner"/> does for one prompt and one reply (which
/// it uses for <c>single</c>, so that protocol stays exactly today's). A failed request becomes a result with an
/// error (and the turns it had), a spent budget marks the remaining cases "not run", and every result is reported as
/// soon as its case completes.
/// </summary>
public sealed class ProtocolRunner
{
    private readonly IChatClient _client;
    private readonly string _model;
    private readonly ITraceInstrument _instrument;
    private readonly RunOptions _options;
    private readonly RunBudget? _budget;
    private readonly Func<FaithfulCase, Trace>? _groundTruth;
    private readonly Func<CounterfactualQuery, CounterfactualTrace?>? _counterfactuals;
    private readonly CaseRunner _single;

    /// <param name="groundTruth">The ground truth of a case (e.g. from one Faithful.GpuRef batch); null evaluates each case on the CPU.</param>
    /// <param name="counterfactuals">Counterfactual ground truth computed ahead for <see cref="ICounterfactualProtocol"/>s (e.g. a plan's
    /// in one Faithful.GpuRef batch); queries it does not hold are evaluated on the CPU.</param>
    public ProtocolRunner(
        IChatClient client,
        string model,
        ITraceInstrument instrument,
        RunOptions? options = null,
        RunBudget? budget = null,
        Func<FaithfulCase, Trace>? groundTruth = null,
        Func<CounterfactualQuery, CounterfactualTrace?>? counterfactuals = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(instrument);
        _client = client;
        _model = model;
        _instrument = instrument;
        _options = options ?? new RunOptions();
        _budget = budget;
        _groundTruth = groundTruth;
        _counterfactuals = counterfactuals;
        _single = new CaseRunner(client, model, instrument, _options, budget, groundTruth);
    }

    /// <summary>Runs <paramref name="cases"/> under <paramref name="protocol"/>; results come back in case order, a case's results together.</summary>
    /// <param name="onResult">Called for each result as soon as its case completes (e.g. to append it to a run file).</param>
    public async Task<IReadOnlyList<CaseResult>> RunAsync(IEnumerable<FaithfulCase> cases, IProtocol protocol, Action<CaseResult>? onResult = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(protocol);
        var list = cases.ToList();
        var results = new IReadOnlyList<CaseResult>[list.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, list.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.MaxParallelCases), CancellationToken = cancellationToken },
            async (index, ct) =>
            {
                var caseResults = await RunOneAsync(list[index], protocol, ct).ConfigureAwait(false);
                results[index] = caseResults;
                foreach (var result in caseResults)
                {
                    onResult?.Invoke(result);
                }
            }).ConfigureAwait(false);
        return results.SelectMany(r => r).ToList();
    }

    /// <summary>Runs one case; never throws except for cancellation by the caller.</summary>
    public async Task<IReadOnlyList<CaseResult>> RunOneAsync(FaithfulCase @case, IProtocol protocol, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(protocol);
        if (protocol is SingleProtocol)
        {
            return [await _single.RunOneAsync(@case, cancellationToken).ConfigureAwait(false)];
        }

        var truth = _groundTruth?.Invoke(@case) ?? ReferenceEvaluator.Evaluate(@case.Program, @case.Inputs);
        if (truth.Fault is { } fault)
        {
            return Failed(@case, protocol, $"{CaseRunner.NotRunPrefix}the program faults on these inputs ({fault}); choose inputs inside its domain", null);
        }

        if (_budget?.ExhaustedReason is { } spent)
        {
            return Failed(@case, protocol, CaseRunner.NotRunPrefix + spent, null);
        }

        var context = new ProtocolContext(@case, truth, _instrument, _client, _options, _counterfactuals);
        try
        {
            var outcomes = await protocol.RunAsync(context, cancellationToken).ConfigureAwait(false);
            return outcomes.Select(o => ToResult(@case, o)).ToList();
        }
        catch (BudgetExhaustedException ex)
        {
            return Failed(@case, protocol, CaseRunner.NotRunPrefix + ex.Message, context);
        }
        catch (ReplayMissException ex)
        {
            return Failed(@case, protocol, ex.Message, context);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            return Failed(@case, protocol, $"request failed: {ex.GetType().Name}: {ex.Message}", context);
        }
    }

    private CaseResult ToResult(FaithfulCase @case, ProtocolOutcome outcome) =>
        @case.ToResult(_model, outcome.Reply, outcome.Verdict, outcome.Error, outcome.Tokens, outcome.Metadata) with
        {
            Inputs = outcome.Inputs ?? @case.Inputs,
            Protocol = ProtocolNames.Stored(outcome.Label),
            Evidence = outcome.Evidence,
        };

    // Every result the protocol would have written gets the error, with the turns exchanged before it.
    private List<CaseResult> Failed(FaithfulCase @case, IProtocol protocol, string error, ProtocolContext? context)
    {
        var turns = context?.Conversations.SelectMany(c => c.Turns).ToList();
        var evidence = turns is { Count: > 0 } ? new ProtocolEvidence(turns) : null;
        return protocol.ResultLabels(@case)
            .Select(label => ToResult(@case, new ProtocolOutcome(label, "", null, evidence, error)))
            .ToList();
    }
}
