using System.ClientModel;
using OpenAI;

namespace Faithful.Clients.Connections;

/// <summary>
/// The OpenAI platform client behind <c>openai:</c> model strings, for the APIs beyond chat that a run uses (the Batch
/// API and its files). Endpoint and key follow the same rules as <see cref="ModelClients"/>: <see cref="ClientOptions.Endpoint"/>,
/// else <c>FAITHFUL_OPENAI_ENDPOINT</c>, else OpenAI; the key from <c>OPENAI_API_KEY</c> (environment or user secrets).
/// </summary>
public static class OpenAIPlatform
{
    /// <summary>Connects with the SDK's own retry policy, which suits a few long-lived calls (uploads, polls, downloads).</summary>
    /// <exception cref="MissingSecretException">No key for OpenAI itself.</exception>
    /// <exception cref="InvalidOperationException">The endpoint setting is not an http(s) URL.</exception>
    public static OpenAIClient Connect(string forWhat, ClientOptions? options = null)
    {
        options ??= new ClientOptions();
        var secrets = options.Secrets ?? SecretSource.Default();
        var endpointText = options.Endpoint?.ToString() ?? secrets.Get(ProviderClients.OpenAIEndpoint);
        var endpoint = endpointText is null ? null : ProviderClients.ParseEndpoint(endpointText, ProviderClients.OpenAIEndpoint);
        var key = endpoint is null
            ? secrets.Require(ProviderClients.OpenAIKey, forWhat)
            : secrets.Get(ProviderClients.OpenAIKey) ?? "no-key";

        // Uploads of large request files and downloads of their results can take minutes.
        var sdkOptions = new OpenAIClientOptions { NetworkTimeout = TimeSpan.FromMinutes(10) };
        if (endpoint is not null)
        {
            sdkOptions.Endpoint = endpoint;
        }

        if (options.HttpClient is { } http)
        {
            sdkOptions.Transport = new System.ClientModel.Primitives.HttpClientPipelineTransport(http);
        }

        return new OpenAIClient(new ApiKeyCredential(key), sdkOptions);
    }
}
