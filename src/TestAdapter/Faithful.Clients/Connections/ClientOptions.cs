using Faithful.Clients.Budget;
using Faithful.Clients.Caching;
using Faithful.Clients.Resilience;

namespace Faithful.Clients.Connections;

/// <summary>Everything that shapes a run's connection to a model, besides the model string itself.</summary>
public sealed record ClientOptions
{
    /// <summary>Sampling temperature; null leaves the provider's default.</summary>
    public float? Temperature { get; init; }

    /// <summary>Base seed; sample <c>i</c> of a case is sent with seed <c>Seed + i</c> so repeated samples differ.</summary>
    public long? Seed { get; init; }

    /// <summary>Maximum output tokens per reply.</summary>
    public int? MaxOutputTokens { get; init; }

    /// <summary>Endpoint of an OpenAI-compatible server (vLLM, llama.cpp server, LM Studio); else <c>FAITHFUL_OPENAI_ENDPOINT</c>, else OpenAI.</summary>
    public Uri? Endpoint { get; init; }

    /// <summary>How many requests may be in flight at once.</summary>
    public int MaxConcurrency { get; init; } = 4;

    public RetryOptions Retry { get; init; } = new();

    /// <summary>Limit for one request (one attempt); a request that takes longer is cancelled and retried.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Folder of recorded responses; null disables the cache.</summary>
    public string? CacheDirectory { get; init; }

    public CacheMode CacheMode { get; init; } = CacheMode.Live;

    /// <summary>Token (and, with a price table, cost) limits for the run; null means unlimited.</summary>
    public RunBudget? Budget { get; init; }

    /// <summary>For <c>replay:</c> folders holding several models: the model string whose responses to replay.</summary>
    public string? ReplayModel { get; init; }

    /// <summary>Where keys come from; environment variables and user secrets by default.</summary>
    public SecretSource? Secrets { get; init; }

    /// <summary>The transport for HTTP providers (tests point it at a local server; null uses the default).</summary>
    public HttpClient? HttpClient { get; init; }
}
