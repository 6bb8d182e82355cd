using System.Runtime.CompilerServices;
using Faithful.Clients.Sampling;
using Microsoft.Extensions.AI;

namespace Faithful.Clients.Caching;

/// <summary>
/// Record/replay middleware. Unlike M.E.AI's distributed-cache client, its key includes the sample index,
/// so n samples of one case are n entries. A streamed request is served from (and recorded as) one whole reply.
/// </summary>
public sealed class RecordReplayChatClient : DelegatingChatClient
{
    private readonly string model;
    private readonly ReplayStore store;
    private readonly CacheMode mode;
    private int hits;
    private int misses;

    /// <param name="inner">The live client; with <see cref="CacheMode.ReplayOnly"/> it is never called.</param>
    /// <param name="model">The model string that goes into every key.</param>
    public RecordReplayChatClient(IChatClient inner, string model, ReplayStore store, CacheMode mode)
        : base(inner)
    {
        this.model = model;
        this.store = store;
        this.mode = mode;
    }

    public int Hits => hits;

    public int Misses => misses;

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages as IReadOnlyList<ChatMessage> ?? messages.ToList();
        if (mode == CacheMode.Live)
        {
            return await base.GetResponseAsync(list, options, cancellationToken).ConfigureAwait(false);
        }

        var key = CacheKey.For(model, list, options);
        if (store.TryRead(key) is { } entry)
        {
            Interlocked.Increment(ref hits);
            return ToResponse(entry);
        }

        Interlocked.Increment(ref misses);
        if (mode == CacheMode.ReplayOnly)
        {
            throw new ReplayMissException(key, store.Directory);
        }

        var response = await base.GetResponseAsync(list, options, cancellationToken).ConfigureAwait(false);
        store.Write(ToEntry(key, options, response));
        return response;
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var list = messages as IReadOnlyList<ChatMessage> ?? messages.ToList();
        if (mode == CacheMode.Live)
        {
            await foreach (var update in base.GetStreamingResponseAsync(list, options, cancellationToken).ConfigureAwait(false))
            {
                yield return update;
            }

            yield break;
        }

        var key = CacheKey.For(model, list, options);
        if (store.TryRead(key) is { } entry)
        {
            Interlocked.Increment(ref hits);
            foreach (var update in ToResponse(entry).ToChatResponseUpdates())
            {
                yield return update;
            }

            yield break;
        }

        Interlocked.Increment(ref misses);
        if (mode == CacheMode.ReplayOnly)
        {
            throw new ReplayMissException(key, store.Directory);
        }

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in base.GetStreamingResponseAsync(list, options, cancellationToken).ConfigureAwait(false))
        {
            updates.Add(update);
            yield return update;
        }

        store.Write(ToEntry(key, options, updates.ToChatResponse()));
    }

    private CacheEntry ToEntry(CacheKey key, ChatOptions? options, ChatResponse response) => new(
        CacheKey.Version,
        model,
        SampleIndex.Get(options),
        key.Canonical,
        response.Text,
        response.ModelId,
        response.FinishReason?.Value,
        response.Usage?.InputTokenCount,
        response.Usage?.OutputTokenCount);

    private static ChatResponse ToResponse(CacheEntry entry) => new(new ChatMessage(ChatRole.Assistant, entry.Text))
    {
        ModelId = entry.ModelId,
        FinishReason = entry.FinishReason is null ? null : new ChatFinishReason(entry.FinishReason),
        Usage = entry.InputTokens is null && entry.OutputTokens is null
            ? null
            : new UsageDetails
            {
                InputTokenCount = entry.InputTokens,
                OutputTokenCount = entry.OutputTokens,
                TotalTokenCount = (entry.InputTokens ?? 0) + (entry.OutputTokens ?? 0),
            },
        AdditionalProperties = new AdditionalPropertiesDictionary { [ReplayedProperty] = true },
    };

    /// <summary>Set on responses served from the cache, so a run can count requests that cost nothing.</summary>
    public const string ReplayedProperty = "faithful.replayed";
}
