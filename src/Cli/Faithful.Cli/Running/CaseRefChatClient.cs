using Faithful.Clients.Sampling;
using Faithful.Traces.Simulation;
using Microsoft.Extensions.AI;

namespace Faithful.Cli.Running;

/// <summary>
/// Stands in front of the simulated model and attaches the case being asked (program, inputs, and the sample index
/// the runner tagged) as a <see cref="CaseRef"/>, which is how a simulated model knows what to execute.
/// </summary>
internal sealed class CaseRefChatClient(IChatClient simulated) : DelegatingChatClient(simulated)
{
    public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        base.GetResponseAsync(messages, Attach(options), cancellationToken);

    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        base.GetStreamingResponseAsync(messages, Attach(options), cancellationToken);

    private static ChatOptions Attach(ChatOptions? options)
    {
        var current = StudyInstrument.CurrentCase
            ?? throw new InvalidOperationException("The simulated model was asked without a case; it can only answer requests made by a Faithful run.");
        var copy = options?.Clone() ?? new ChatOptions();
        copy.AdditionalProperties = copy.AdditionalProperties is null ? [] : new AdditionalPropertiesDictionary(copy.AdditionalProperties);
        return (current with { Sample = SampleIndex.Get(options) }).AttachTo(copy);
    }
}
