using Faithful.Clients.Budget;
using Faithful.Clients.Caching;
using Faithful.Clients.Resilience;
using Microsoft.Extensions.AI;

namespace Faithful.Clients.Connections;

/// <summary>
/// A model string turned into a ready <see cref="IChatClient"/> pipeline, with handles on its middleware
/// (cache hits, retries, peak concurrency, budget) for runners and tests.
/// </summary>
public sealed class ModelConnection : IDisposable
{
    internal ModelConnection(
        string model,
        IChatClient client,
        RecordReplayChatClient? cache,
        RetryingChatClient? retry,
        ConcurrencyLimitingChatClient? limiter,
        RunBudget? budget)
    {
        Model = model;
        Client = client;
        Cache = cache;
        Retry = retry;
        Limiter = limiter;
        Budget = budget;
    }

    /// <summary>The model string, as it appears in results and cache keys (never a key).</summary>
    public string Model { get; }

    /// <summary>The outermost client: cache, budget, retry, concurrency limit, timeout, then the provider.</summary>
    public IChatClient Client { get; }

    public RecordReplayChatClient? Cache { get; }

    public RetryingChatClient? Retry { get; }

    public ConcurrencyLimitingChatClient? Limiter { get; }

    public RunBudget? Budget { get; }

    public void Dispose() => Client.Dispose();
}
