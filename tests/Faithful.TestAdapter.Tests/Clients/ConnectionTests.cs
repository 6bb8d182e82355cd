using Faithful.Clients.Caching;
using Faithful.Clients.Connections;
using Faithful.Clients.Resilience;
using Faithful.Clients.Sampling;
using Microsoft.Extensions.AI;

namespace Faithful.TestAdapter.Tests.Clients;

public sealed class ConnectionTests
{
    [Theory]
    [InlineData("openai:gpt-4o-mini", "openai", "gpt-4o-mini")]
    [InlineData("OLLAMA:llama3.1:8b", "ollama", "llama3.1:8b")]
    [InlineData("replay:./responses", "replay", "./responses")]
    [InlineData("sim:study", "sim", "study")]
    public void Model_strings_split_into_provider_and_target(string text, string provider, string target)
    {
        var model = ModelString.Parse(text);
        Assert.Equal((provider, target), (model.Provider, model.Target));
    }

    [Theory]
    [InlineData("gpt-4o", "not of the form provider:model")]
    [InlineData("bard:x", "unknown provider 'bard'")]
    [InlineData("openai:", "not of the form provider:model")]
    public void Malformed_model_strings_say_what_is_accepted(string text, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => ModelString.Parse(text));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("openai:<model>", ModelString.TryParse("x", out _, out var message) ? "" : message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_key_names_the_variable_and_user_secrets()
    {
        var options = new ClientOptions { Secrets = SecretSource.FromValues([]) };
        var error = Assert.Throws<MissingSecretException>(() => ModelClients.Connect("openai:gpt-4o-mini", options));
        Assert.Contains("OPENAI_API_KEY", error.Message, StringComparison.Ordinal);
        Assert.Contains("dotnet user-secrets set", error.Message, StringComparison.Ordinal);
        Assert.Throws<MissingSecretException>(() => ModelClients.Connect("anthropic:claude-sonnet-4", options));
        Assert.Contains("AZURE_OPENAI_ENDPOINT", Assert.Throws<MissingSecretException>(() => ModelClients.Connect("azure:my-deployment", options)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_provider_builds_a_client_when_configured()
    {
        var options = new ClientOptions
        {
            Secrets = SecretSource.FromValues([new("OPENAI_API_KEY", "k1-abcdefgh"), new("ANTHROPIC_API_KEY", "k2-abcdefgh"), new("AZURE_OPENAI_API_KEY", "k3-abcdefgh"), new("AZURE_OPENAI_ENDPOINT", "https://example.openai.azure.com")]),
        };
        foreach (var model in new[] { "openai:gpt-4o-mini", "azure:my-deployment", "ollama:llama3.1", "anthropic:claude-sonnet-4", "sim:study" })
        {
            using var connection = ModelClients.Connect(model, options);
            Assert.Equal(model, connection.Model);
            Assert.NotNull(connection.Retry);
        }
    }

    [Fact]
    public void Replay_only_needs_no_key()
    {
        using var connection = ModelClients.Connect("openai:gpt-4o-mini", new ClientOptions { Secrets = SecretSource.FromValues([]), CacheMode = CacheMode.ReplayOnly, CacheDirectory = Path.GetTempPath() });
        Assert.NotNull(connection.Cache);
    }

    [Fact]
    public void Cache_keys_cover_model_messages_options_and_sample_but_not_faithful_tags()
    {
        ChatMessage[] messages = [new(ChatRole.User, "s1 = ?")];
        var baseline = CacheKey.For("openai:m", messages, SampleIndex.With(new ChatOptions { Temperature = 0.5f }, 0));

        Assert.Equal(baseline, CacheKey.For("openai:m", messages, SampleIndex.With(new ChatOptions { Temperature = 0.5f }, 0)));
        Assert.NotEqual(baseline.Hash, CacheKey.For("openai:m", messages, SampleIndex.With(new ChatOptions { Temperature = 0.5f }, 1)).Hash);
        Assert.NotEqual(baseline.Hash, CacheKey.For("openai:other", messages, SampleIndex.With(new ChatOptions { Temperature = 0.5f }, 0)).Hash);
        Assert.NotEqual(baseline.Hash, CacheKey.For("openai:m", [new(ChatRole.User, "s1 = !")], SampleIndex.With(new ChatOptions { Temperature = 0.5f }, 0)).Hash);
        Assert.NotEqual(baseline.Hash, CacheKey.For("openai:m", messages, SampleIndex.With(new ChatOptions { Temperature = 0.7f }, 0)).Hash);
        var tagged = SampleIndex.With(new ChatOptions { Temperature = 0.5f }, 0);
        tagged.AdditionalProperties!["faithful.case"] = "anything";
        Assert.Equal(baseline.Hash, CacheKey.For("openai:m", messages, tagged).Hash);
        Assert.Matches("^[0-9a-f]{64}$", baseline.Hash);
    }

    [Fact]
    public void Faithful_tags_are_stripped_for_the_wire_and_other_properties_kept()
    {
        var options = SampleIndex.With(new ChatOptions(), 3);
        options.AdditionalProperties!["faithful.case"] = "x";
        options.AdditionalProperties["provider.flag"] = "y";

        var wire = SampleIndex.Without(options)!;

        Assert.Equal(["provider.flag"], wire.AdditionalProperties!.Keys);
        Assert.Equal(3, SampleIndex.Get(options));
    }

    [Theory]
    [InlineData("1", 1000)]
    [InlineData("0.25", 250)]
    [InlineData("Wed, 21 Oct 2015 07:28:30 GMT", 30_000)]
    public void Retry_after_reads_seconds_and_http_dates(string header, int expectedMilliseconds)
    {
        var now = new DateTimeOffset(2015, 10, 21, 7, 28, 0, TimeSpan.Zero);
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMilliseconds), TransientFailure.ParseRetryAfter(header, now));
        Assert.Null(TransientFailure.ParseRetryAfter("soon", now));
    }

    [Fact]
    public void Only_transient_failures_are_retried()
    {
        Assert.NotNull(TransientFailure.Classify(new HttpRequestException("reset"), TimeProvider.System));
        Assert.NotNull(TransientFailure.Classify(new HttpRequestException("busy", null, System.Net.HttpStatusCode.ServiceUnavailable), TimeProvider.System));
        Assert.Null(TransientFailure.Classify(new HttpRequestException("no", null, System.Net.HttpStatusCode.Unauthorized), TimeProvider.System));
        Assert.Null(TransientFailure.Classify(new InvalidOperationException(), TimeProvider.System));
        Assert.NotNull(TransientFailure.Classify(new RequestTimeoutException(TimeSpan.FromSeconds(1)), TimeProvider.System));
    }

    [Fact]
    public void Environment_settings_apply_and_reject_malformed_values()
    {
        var env = new Dictionary<string, string?>
        {
            ["FAITHFUL_CACHE_MODE"] = "replay-only",
            ["FAITHFUL_CACHE_DIR"] = "responses",
            ["FAITHFUL_TEMPERATURE"] = "0.2",
            ["FAITHFUL_SEED"] = "7",
            ["FAITHFUL_MAX_TOKENS"] = "512",
            ["FAITHFUL_TOKEN_BUDGET"] = "10000",
        };
        var options = EnvironmentSettings.Apply(new ClientOptions(), k => env.GetValueOrDefault(k));

        Assert.Equal(CacheMode.ReplayOnly, options.CacheMode);
        Assert.Equal("responses", options.CacheDirectory);
        Assert.Equal(0.2f, options.Temperature);
        Assert.Equal(7, options.Seed);
        Assert.Equal(512, options.MaxOutputTokens);
        Assert.Equal(10000, options.Budget!.MaxTokens);

        env["FAITHFUL_CACHE_MODE"] = "sometimes";
        Assert.Contains("live, record or replay-only", Assert.Throws<ArgumentException>(() => EnvironmentSettings.Apply(new ClientOptions(), k => env.GetValueOrDefault(k))).Message, StringComparison.Ordinal);
    }
}
