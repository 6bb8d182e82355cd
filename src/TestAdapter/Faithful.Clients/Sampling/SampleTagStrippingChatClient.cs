using Microsoft.Extensions.AI;

namespace Faithful.Clients.Sampling;

/// <summary>Removes Faithful's sample tag before a request reaches a provider SDK.</summary>
public sealed class SampleTagStrippingChatClient(IChatClient inner) : DelegatingChatClient(inner)
{
    public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        base.GetResponseAsync(messages, SampleIndex.Without(options), cancellationToken);

    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        base.GetStreamingResponseAsync(messages, SampleIndex.Without(options), cancellationToken);
}
