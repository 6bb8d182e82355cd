using System.Diagnostics.CodeAnalysis;
using Faithful.Clients.Caching;
using Faithful.Clients.Connections;
using Xunit;

namespace Faithful.Testing;

/// <summary>
/// Model connections for tests. The simulated model and replayed responses always run; a live model runs only when
/// <c>FAITHFUL_MODEL</c> (and its key) is configured, and otherwise the test is skipped with the reason.
/// </summary>
public static class FaithfulModels
{
    /// <summary>Connects <paramref name="model"/> with environment overrides (<see cref="EnvironmentSettings"/>) applied to <paramref name="options"/>.</summary>
    public static ModelConnection Connect(string model, ClientOptions? options = null) =>
        ModelClients.Connect(model, EnvironmentSettings.Apply(options ?? new ClientOptions()));

    /// <summary>
    /// The live model named by <c>FAITHFUL_MODEL</c>; skips the test when it is not set or its key is missing.
    /// With <c>FAITHFUL_CACHE_MODE=replay-only</c> it runs from recorded responses and needs no key.
    /// </summary>
    public static ModelConnection LiveOrSkip(ClientOptions? options = null, Func<string, string?>? read = null)
    {
        if (!TryConnectLive(out var connection, out var skipReason, options, read))
        {
            Assert.Skip(skipReason);
        }

        return connection;
    }

    /// <summary>Connects the live model, or says why a live test cannot run here.</summary>
    public static bool TryConnectLive([NotNullWhen(true)] out ModelConnection? connection, [NotNullWhen(false)] out string? skipReason, ClientOptions? options = null, Func<string, string?>? read = null)
    {
        read ??= Environment.GetEnvironmentVariable;
        connection = null;
        var model = EnvironmentSettings.ModelString(read);
        if (model is null)
        {
            skipReason = $"Live-model test: set {EnvironmentSettings.Model} (e.g. openai:gpt-4o-mini) and the provider's key (e.g. OPENAI_API_KEY) to run it, or {EnvironmentSettings.CacheMode}=replay-only with {EnvironmentSettings.CacheDirectory} to replay recorded responses.";
            return false;
        }

        var settings = EnvironmentSettings.Apply(options ?? new ClientOptions(), read);
        try
        {
            connection = ModelClients.Connect(model, settings);
            skipReason = null;
            return true;
        }
        catch (MissingSecretException ex) when (settings.CacheMode != CacheMode.ReplayOnly)
        {
            skipReason = $"Live-model test skipped: {ex.Message}";
            return false;
        }
    }
}
