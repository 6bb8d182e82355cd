using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Faithful.Model;
using Faithful.Traces.Scoring;
using Microsoft.Extensions.AI;

namespace Faithful.Traces.Simulation;

/// <summary>
/// An offline <see cref="IChatClient"/> that plays a model: it executes the requested program and injects
/// failures as its <see cref="SimulationProfile"/> says. It cannot read prompts, so each request must carry a
/// <see cref="CaseRef"/> in <c>ChatOptions.AdditionalProperties["faithful.case"]</c> (see <see cref="CaseRef.AttachTo"/>)
/// naming a program in its own <see cref="Catalog"/>: given at construction, or registered by the runner through
/// <see cref="IProgramRegistry"/> before it sends a case. Replies are deterministic in (seed, profile, case, sample).
/// What was injected is returned in <c>ChatResponse.AdditionalProperties</c> under <see cref="InjectedModeKey"/>,
/// <see cref="InjectedVariantKey"/> and <see cref="InjectedStepsKey"/>, and kept in <see cref="Log"/>.
/// </summary>
public sealed class SimulatedChatClient : IChatClient, IProgramRegistry
{
    public const string InjectedModeKey = "faithful.injected";
    public const string InjectedVariantKey = "faithful.injected.variant";
    public const string InjectedStepsKey = "faithful.injected.steps";
    public const string StyleKey = "faithful.style";

    private readonly ReplySimulator _simulator;
    private readonly ConcurrentQueue<SimulationRecord> _log = new();

    /// <summary>A simulated model with an empty catalog: a runner registers each program before asking about it.</summary>
    public SimulatedChatClient(SimulationProfile? profile = null, int seed = 0)
        : this(new ProgramCatalog(), profile, seed)
    {
    }

    /// <summary>A simulated model that answers about the programs in <paramref name="catalog"/> (and any registered later).</summary>
    public SimulatedChatClient(ProgramCatalog catalog, SimulationProfile? profile = null, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        Catalog = catalog;
        _simulator = new ReplySimulator(profile ?? SimulationProfile.Study, seed);
        Metadata = new ChatClientMetadata("faithful-simulation", null, ModelId);
    }

    /// <summary>The programs this model can be asked about.</summary>
    public ProgramCatalog Catalog { get; }

    /// <summary>The model string of this client, e.g. <c>sim:study</c>.</summary>
    public string ModelId => $"sim:{_simulator.Profile.Name}";

    public ChatClientMetadata Metadata { get; }

    /// <summary>Every request answered so far, in completion order.</summary>
    public IReadOnlyCollection<SimulationRecord> Log => _log;

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        cancellationToken.ThrowIfCancellationRequested();
        var (caseRef, reply) = Answer(messages, options);
        var response = new ChatResponse(new ChatMessage(ChatRole.Assistant, reply.Text))
        {
            ModelId = ModelId,
            FinishReason = ChatFinishReason.Stop,
            ResponseId = $"sim-{caseRef.ProgramId}-{caseRef.Sample}",
            Usage = Usage(messages, reply.Text),
            AdditionalProperties = Properties(reply.Label),
        };
        return Task.FromResult(response);
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var (_, reply) = Answer(messages, options);
        var text = reply.Text;
        const int ChunkSize = 24;
        for (var start = 0; start < text.Length; start += ChunkSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            yield return new ChatResponseUpdate(ChatRole.Assistant, text.Substring(start, Math.Min(ChunkSize, text.Length - start)))
            {
                ModelId = ModelId,
            };
        }

        yield return new ChatResponseUpdate
        {
            Role = ChatRole.Assistant,
            ModelId = ModelId,
            FinishReason = ChatFinishReason.Stop,
            AdditionalProperties = Properties(reply.Label),
            Contents = [new UsageContent(Usage(messages, text))],
        };
    }

    /// <summary>
    /// The injected labels a simulated response carries, as <see cref="Results.CaseResult.Metadata"/> entries
    /// (empty for a response from any other client).
    /// </summary>
    public static IReadOnlyDictionary<string, string> LabelMetadata(AdditionalPropertiesDictionary? properties)
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in (string[])[InjectedModeKey, InjectedVariantKey, InjectedStepsKey, StyleKey])
        {
            if (properties is not null && properties.TryGetValue(key, out var value) && value is string text)
            {
                metadata[key] = text;
            }
        }

        return metadata;
    }

    /// <inheritdoc cref="IProgramRegistry.Register"/>
    public void Register(StepProgram program) => Catalog.Register(program);

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null)
        {
            return null;
        }

        if (serviceType == typeof(ChatClientMetadata))
        {
            return Metadata;
        }

        return serviceType.IsInstanceOfType(this) ? this : null;
    }

    public void Dispose()
    {
        // Nothing to release: no connection, no files.
    }

    private (CaseRef Case, SimulatedReply Reply) Answer(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        var caseRef = CaseRef.From(options) ?? throw new InvalidOperationException(
            $"The simulated model needs to know which case it is answering: put a CaseRef in ChatOptions.AdditionalProperties[\"{CaseRef.PropertyKey}\"] (CaseRef.For(program, inputs, sample).AttachTo(options)).");
        var program = Catalog.Find(caseRef.ProgramId) ?? throw new InvalidOperationException(
            $"The simulated model's catalog has no program '{caseRef.ProgramId}'; give it in the SimulatedChatClient's catalog, or register it first (client.RegisterProgram(program)).");
        if (caseRef.Inputs.Count != program.Parameters.Count)
        {
            throw new InvalidOperationException(
                $"Case for program '{caseRef.ProgramId}' has {caseRef.Inputs.Count} input(s) but the program takes {program.Parameters.Count}.");
        }

        _ = messages;

        // A protocol turn (checkpoint, reveal, plan, ...) says what this request asks; see Simulation/Protocols.
        var reply = Protocols.ProtocolTurn.From(options) is { } turn
            ? new Protocols.ProtocolSimulator(_simulator.Profile, _simulator.Seed).Answer(program, caseRef.Inputs, caseRef.Sample, turn)
            : _simulator.Simulate(program, caseRef.Inputs, caseRef.Sample);
        _log.Enqueue(new SimulationRecord(caseRef, reply.Label, reply.Text));
        return (caseRef, reply);
    }

    private static AdditionalPropertiesDictionary Properties(InjectedLabel label) => new()
    {
        [InjectedModeKey] = label.Mode.ToString(),
        [InjectedVariantKey] = label.Variant,
        [InjectedStepsKey] = string.Join(",", label.StepVerdicts.Select(Short)),
        [StyleKey] = label.Style.ToString(),
    };

    private static string Short(StepVerdict verdict) => verdict switch
    {
        StepVerdict.Correct => "C",
        StepVerdict.PropagatedError => "P",
        StepVerdict.ExecutionError => "E",
        _ => "M",
    };

    // A rough count (four characters a token), so budgets and reports have something plausible to show.
    private static UsageDetails Usage(IEnumerable<ChatMessage> messages, string reply)
    {
        var input = messages.Sum(m => (long)(m.Text?.Length ?? 0)) / 4 + 1;
        var output = reply.Length / 4 + 1;
        return new UsageDetails { InputTokenCount = input, OutputTokenCount = output, TotalTokenCount = input + output };
    }
}
