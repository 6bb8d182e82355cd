using System.Globalization;
using Faithful.Clients.Budget;
using Faithful.Clients.Caching;

namespace Faithful.Clients.Connections;

/// <summary>
/// Run settings from environment variables, so CI and developers switch models and cache modes without code:
/// FAITHFUL_MODEL, FAITHFUL_CACHE_MODE (live|record|replay-only), FAITHFUL_CACHE_DIR, FAITHFUL_TEMPERATURE,
/// FAITHFUL_SEED, FAITHFUL_MAX_TOKENS, FAITHFUL_MAX_CONCURRENCY, FAITHFUL_TIMEOUT_SECONDS, FAITHFUL_TOKEN_BUDGET,
/// FAITHFUL_REPLAY_MODEL, FAITHFUL_OPENAI_ENDPOINT.
/// </summary>
public static class EnvironmentSettings
{
    public const string Model = "FAITHFUL_MODEL";
    public const string CacheMode = "FAITHFUL_CACHE_MODE";
    public const string CacheDirectory = "FAITHFUL_CACHE_DIR";

    /// <summary>The model string chosen for live tests, or null when none is configured.</summary>
    public static string? ModelString(Func<string, string?>? read = null) => Clean((read ?? Environment.GetEnvironmentVariable)(Model));

    /// <summary>Applies the variables that are set on top of <paramref name="defaults"/>; a malformed value is an error naming the variable.</summary>
    public static ClientOptions Apply(ClientOptions defaults, Func<string, string?>? read = null)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        read ??= Environment.GetEnvironmentVariable;
        var options = defaults;
        if (Clean(read(CacheMode)) is { } mode)
        {
            options = options with { CacheMode = ParseMode(mode) };
        }

        if (Clean(read(CacheDirectory)) is { } directory)
        {
            options = options with { CacheDirectory = directory };
        }

        if (Clean(read("FAITHFUL_TEMPERATURE")) is { } temperature)
        {
            options = options with { Temperature = (float)Number("FAITHFUL_TEMPERATURE", temperature) };
        }

        if (Clean(read("FAITHFUL_SEED")) is { } seed)
        {
            options = options with { Seed = (long)Number("FAITHFUL_SEED", seed) };
        }

        if (Clean(read("FAITHFUL_MAX_TOKENS")) is { } maxTokens)
        {
            options = options with { MaxOutputTokens = (int)Number("FAITHFUL_MAX_TOKENS", maxTokens) };
        }

        if (Clean(read("FAITHFUL_MAX_CONCURRENCY")) is { } concurrency)
        {
            options = options with { MaxConcurrency = Math.Max(1, (int)Number("FAITHFUL_MAX_CONCURRENCY", concurrency)) };
        }

        if (Clean(read("FAITHFUL_TIMEOUT_SECONDS")) is { } timeout)
        {
            options = options with { RequestTimeout = TimeSpan.FromSeconds(Number("FAITHFUL_TIMEOUT_SECONDS", timeout)) };
        }

        if (Clean(read("FAITHFUL_TOKEN_BUDGET")) is { } budget)
        {
            options = options with { Budget = new RunBudget(maxTokens: (long)Number("FAITHFUL_TOKEN_BUDGET", budget)) };
        }

        if (Clean(read("FAITHFUL_REPLAY_MODEL")) is { } replayModel)
        {
            options = options with { ReplayModel = replayModel };
        }

        return options;
    }

    public static CacheMode ParseMode(string text) => text.Trim().ToLowerInvariant() switch
    {
        "live" => Caching.CacheMode.Live,
        "record" => Caching.CacheMode.Record,
        "replay-only" or "replayonly" or "replay" => Caching.CacheMode.ReplayOnly,
        _ => throw new ArgumentException($"{CacheMode} = '{text}' is not a cache mode. Use live, record or replay-only.", nameof(text)),
    };

    private static double Number(string name, string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new ArgumentException($"{name} = '{text}' is not a number.", nameof(text));

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
