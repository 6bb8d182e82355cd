using Faithful.Clients.Budget;
using Faithful.Clients.Caching;
using Faithful.Clients.Resilience;
using Faithful.Clients.Sampling;
using Microsoft.Extensions.AI;

namespace Faithful.Clients.Connections;

/// <summary>Turns model strings into <see cref="IChatClient"/> pipelines.</summary>
public static class ModelClients
{
    /// <summary>
    /// Connects to <paramref name="model"/>: <c>openai:</c>, <c>azure:</c>, <c>ollama:</c>, <c>anthropic:</c>, <c>sim:</c> or <c>replay:</c>.
    /// The pipeline, outermost first: record/replay cache, budget, retries, concurrency limit, per-request timeout, provider.
    /// </summary>
    public static ModelConnection Connect(string model, ClientOptions? options = null)
    {
        options ??= new ClientOptions();
        var parsed = ModelString.Parse(model);
        var secrets = options.Secrets ?? SecretSource.Default();

        if (parsed.Provider == "replay")
        {
            return ConnectReplay(parsed.Target, options);
        }

        if (options.CacheMode == CacheMode.ReplayOnly && parsed.Provider != "sim")
        {
            // Replay-only never reaches the model, so it needs no key (CI replays committed responses).
            var directory = options.CacheDirectory
                ?? throw new ArgumentException("Cache mode ReplayOnly needs a cache folder (ClientOptions.CacheDirectory or FAITHFUL_CACHE_DIR).", nameof(options));
            var replay = new RecordReplayChatClient(new NoModelChatClient(), parsed.ToString(), new ReplayStore(directory), CacheMode.ReplayOnly);
            return new ModelConnection(parsed.ToString(), replay, replay, null, null, options.Budget);
        }

        var live = parsed.Provider switch
        {
            "openai" => ProviderClients.OpenAI(parsed.Target, options, secrets),
            "azure" => ProviderClients.Azure(parsed.Target, options, secrets),
            "ollama" => ProviderClients.Ollama(parsed.Target, options, secrets),
            "anthropic" => ProviderClients.Anthropic(parsed.Target, options, secrets),
            "sim" => SimulatedModels.Create(parsed.Target, options.Seed),
            _ => throw new ArgumentException($"Unknown provider in {model}.", nameof(model)),
        };

        // The simulated model reads the sample tag; real providers must not receive it.
        IChatClient client = parsed.Provider == "sim" ? live : new SampleTagStrippingChatClient(live);
        client = new TimeoutChatClient(client, options.RequestTimeout);
        var limiter = new ConcurrencyLimitingChatClient(client, options.MaxConcurrency);
        var retry = new RetryingChatClient(limiter, options.Retry);
        client = retry;
        if (options.Budget is { } budget)
        {
            client = new BudgetChatClient(client, parsed.ToString(), budget);
        }

        RecordReplayChatClient? cache = null;
        if (options.CacheMode != CacheMode.Live)
        {
            var directory = options.CacheDirectory
                ?? throw new ArgumentException($"Cache mode {options.CacheMode} needs a cache folder (ClientOptions.CacheDirectory or FAITHFUL_CACHE_DIR).", nameof(options));
            var store = new ReplayStore(directory, SecretValues(secrets));
            client = cache = new RecordReplayChatClient(client, parsed.ToString(), store, options.CacheMode);
        }

        return new ModelConnection(parsed.ToString(), client, cache, retry, limiter, options.Budget);
    }

    private static ModelConnection ConnectReplay(string directory, ClientOptions options)
    {
        var store = new ReplayStore(directory);
        var recorded = options.ReplayModel is { } chosen ? [chosen] : store.ReadAll().Select(e => e.Model).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (recorded.Count != 1)
        {
            throw new InvalidOperationException(recorded.Count == 0
                ? $"replay:{directory} holds no recorded responses (looked in {store.Directory}). Record some with FAITHFUL_CACHE_MODE=record first."
                : $"replay:{directory} holds responses of several models ({string.Join(", ", recorded)}); say which to replay with ClientOptions.ReplayModel or FAITHFUL_REPLAY_MODEL.");
        }

        var cache = new RecordReplayChatClient(new NoModelChatClient(), recorded[0], store, CacheMode.ReplayOnly);
        return new ModelConnection(recorded[0], cache, cache, null, null, null);
    }

    private static IEnumerable<string> SecretValues(SecretSource secrets) =>
        ProviderClients.SecretNames.Select(secrets.Get).OfType<string>();

    /// <summary>Stands behind a replay-only cache; reaching it would be a bug.</summary>
    private sealed class NoModelChatClient : IChatClient
    {
        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("A replay: model has no live model behind it.");

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("A replay: model has no live model behind it.");

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
