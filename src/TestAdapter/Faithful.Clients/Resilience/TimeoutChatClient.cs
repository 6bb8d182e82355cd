using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Faithful.Clients.Resilience;

/// <summary>
/// Cancels one attempt that runs longer than <c>timeout</c> and reports it as <see cref="RequestTimeoutException"/>
/// (which <see cref="RetryingChatClient"/> retries); the caller's own cancellation still surfaces as cancellation.
/// For a stream the limit applies to the whole stream.
/// </summary>
public sealed class TimeoutChatClient(IChatClient inner, TimeSpan timeout) : DelegatingChatClient(inner)
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            return await base.GetResponseAsync(messages, options, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new RequestTimeoutException($"The model did not answer within the per-request timeout of {timeout.TotalSeconds:0.###} s.", ex);
        }
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var enumerator = base.GetStreamingResponseAsync(messages, options, deadline.Token).GetAsyncEnumerator(deadline.Token);
        await using (enumerator.ConfigureAwait(false))
        {
            while (true)
            {
                bool more;
                try
                {
                    more = await enumerator.MoveNextAsync().ConfigureAwait(false);
                }
                catch (OperationCanceledException ex) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                {
                    throw new RequestTimeoutException($"The model's stream did not finish within the per-request timeout of {timeout.TotalSeconds:0.###} s.", ex);
                }

                if (!more)
                {
                    yield break;
                }

                yield return enumerator.Current;
            }
        }
    }
}
