using Faithful.Clients.Running;
using Faithful.Execution;
using Faithful.Model;
using Faithful.Traces.Simulation;
using Microsoft.Extensions.AI;

namespace Faithful.Protocols;

/// <summary>
/// What a protocol gets to put one case to a model: the case and its ground truth, the instrument (prompt and
/// scoring) and conversations with the model. Conversations it opens are kept, so a case whose
/// request fails halfway still reports the turns it had.
/// </summary>
public sealed class ProtocolContext
{
    private readonly IChatClient _client;
    private readonly RunOptions _options;
    private readonly List<Conversation> _conversations = [];
    private readonly Func<CounterfactualQuery, CounterfactualTrace?>? _counterfactuals;

    /// <param name="counterfactuals">Counterfactual ground truth computed ahead (e.g. a plan's, in one Faithful.GpuRef batch); a query it
    /// does not hold (null) is evaluated on the CPU by <see cref="CounterfactualEvaluator"/>.</param>
    public ProtocolContext(FaithfulCase @case, Trace truth, ITraceInstrument instrument, IChatClient client, RunOptions options, Func<CounterfactualQuery, CounterfactualTrace?>? counterfactuals = null)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        Case = @case;
        Truth = truth;
        Instrument = instrument;
        _client = client;
        _options = options;
        _counterfactuals = counterfactuals;
    }

    public FaithfulCase Case { get; }

    public StepProgram Program => Case.Program;

    /// <summary>Ground truth of the case: every step's value and the answer.</summary>
    public Trace Truth { get; }

    public ITraceInstrument Instrument { get; }

    /// <summary>The provider behind the client as its metadata names it (<c>openai</c>, <c>anthropic</c>, <c>ollama</c>, ...), or null.</summary>
    public string? ProviderName => _client.GetService<ChatClientMetadata>()?.ProviderName;

    /// <summary>
    /// What the case's program computes from its true state before step <paramref name="atStep"/> with
    /// <paramref name="overrides"/> written into it: the ground truth of a conversation that showed an altered state.
    /// </summary>
    public CounterfactualTrace Counterfactual(int atStep, IReadOnlyList<SlotOverride> overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        var query = new CounterfactualQuery(Program, Case.Inputs, atStep, overrides.ToEquatableArray());
        return _counterfactuals?.Invoke(query) ?? CounterfactualEvaluator.Evaluate(Truth, atStep, overrides);
    }

    /// <summary>Every conversation opened so far.</summary>
    public IReadOnlyList<Conversation> Conversations => _conversations;

    /// <summary>Opens a conversation about the case (or about <paramref name="program"/> on <paramref name="inputs"/>, e.g. a metamorphic variant).</summary>
    public Conversation Open(StepProgram? program = null, IReadOnlyList<Value>? inputs = null)
    {
        var target = program ?? Case.Program;

        // A simulated model resolves the case through the programs this client has been told about.
        _client.RegisterProgram(target);
        var conversation = new Conversation(_client, _options, CaseRef.For(target, inputs ?? Case.Inputs, Case.Sample));
        _conversations.Add(conversation);
        return conversation;
    }
}
