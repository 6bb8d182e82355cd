using System.ClientModel;
using System.ClientModel.Primitives;
using Anthropic;
using Microsoft.Extensions.AI;
using OllamaSharp;
using OpenAI;

namespace Faithful.Clients.Connections;

/// <summary>
/// The raw provider clients behind the model strings. Each has its own SDK retry turned off so that
/// <see cref="Resilience.RetryingChatClient"/> alone decides when and how long to wait.
/// </summary>
internal static class ProviderClients
{
    public const string OpenAIKey = "OPENAI_API_KEY";
    public const string OpenAIEndpoint = "FAITHFUL_OPENAI_ENDPOINT";
    public const string AzureKey = "AZURE_OPENAI_API_KEY";
    public const string AzureEndpoint = "AZURE_OPENAI_ENDPOINT";
    public const string AnthropicKey = "ANTHROPIC_API_KEY";
    public const string OllamaHost = "OLLAMA_HOST";

    /// <summary>The names of every secret a connection may read, so the cache can refuse to store their values.</summary>
    public static readonly IReadOnlyList<string> SecretNames = [OpenAIKey, AzureKey, AnthropicKey];

    public static IChatClient OpenAI(string model, ClientOptions options, SecretSource secrets)
    {
        var endpointText = options.Endpoint?.ToString() ?? secrets.Get(OpenAIEndpoint);
        var endpoint = endpointText is null ? null : ParseEndpoint(endpointText, OpenAIEndpoint);

        // A self-hosted OpenAI-compatible server usually needs no key; OpenAI itself does.
        var key = endpoint is null
            ? secrets.Require(OpenAIKey, $"openai:{model}")
            : secrets.Get(OpenAIKey) ?? "no-key";
        return CreateOpenAIChatClient(model, key, endpoint, options);
    }

    public static IChatClient Azure(string deployment, ClientOptions options, SecretSource secrets)
    {
        // Azure OpenAI's v1 API speaks the OpenAI protocol at {resource}/openai/v1/, so the OpenAI SDK serves it directly.
        var resource = options.Endpoint?.ToString() ?? secrets.Require(AzureEndpoint, $"azure:{deployment}");
        var endpoint = ParseEndpoint(resource.TrimEnd('/') + (resource.Contains("/openai/v1", StringComparison.Ordinal) ? "/" : "/openai/v1/"), AzureEndpoint);
        var key = secrets.Require(AzureKey, $"azure:{deployment}");
        return CreateOpenAIChatClient(deployment, key, endpoint, options);
    }

    public static IChatClient Ollama(string model, ClientOptions options, SecretSource secrets)
    {
        var host = options.Endpoint ?? ParseEndpoint(secrets.Get(OllamaHost) ?? "http://localhost:11434", OllamaHost);
        if (options.HttpClient is { } http)
        {
            http.BaseAddress ??= host;
            return new OllamaApiClient(http, model);
        }

        return new OllamaApiClient(host, model);
    }

    public static IChatClient Anthropic(string model, ClientOptions options, SecretSource secrets)
    {
        var key = secrets.Require(AnthropicKey, $"anthropic:{model}");

        // The SDK's own retries are off: RetryingChatClient owns them.
        var client = (options.Endpoint, options.HttpClient) switch
        {
            ({ } endpoint, { } http) => new AnthropicClient { ApiKey = key, MaxRetries = 0, BaseUrl = endpoint.ToString(), HttpClient = http },
            ({ } endpoint, null) => new AnthropicClient { ApiKey = key, MaxRetries = 0, BaseUrl = endpoint.ToString() },
            (null, { } http) => new AnthropicClient { ApiKey = key, MaxRetries = 0, HttpClient = http },
            _ => new AnthropicClient { ApiKey = key, MaxRetries = 0 },
        };
        return client.AsIChatClient(model, options.MaxOutputTokens ?? 4096);
    }

    private static IChatClient CreateOpenAIChatClient(string model, string key, Uri? endpoint, ClientOptions options)
    {
        var sdkOptions = new OpenAIClientOptions
        {
            // Our RetryingChatClient owns retries (and honors Retry-After); the SDK's own policy would double them.
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            // Our TimeoutChatClient owns per-request timeouts.
            NetworkTimeout = Timeout.InfiniteTimeSpan,
        };
        if (endpoint is not null)
        {
            sdkOptions.Endpoint = endpoint;
        }

        if (options.HttpClient is { } http)
        {
            sdkOptions.Transport = new HttpClientPipelineTransport(http);
        }

        return new OpenAIClient(new ApiKeyCredential(key), sdkOptions).GetChatClient(model).AsIChatClient();
    }

    internal static Uri ParseEndpoint(string text, string source) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new InvalidOperationException($"{source} = '{text}' is not an absolute http(s) URL, e.g. http://127.0.0.1:8000/v1.");
}
