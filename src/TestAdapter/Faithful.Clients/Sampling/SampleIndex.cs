using Microsoft.Extensions.AI;

namespace Faithful.Clients.Sampling;

/// <summary>
/// Carries the sample index of a request in <see cref="ChatOptions.AdditionalProperties"/>, so that the cache key
/// and the simulated model see it while repeated samples of one case stay distinct. It is removed before a request
/// leaves for a provider.
/// </summary>
public static class SampleIndex
{
    public const string OptionKey = "faithful.sample";

    public static int Get(ChatOptions? options) =>
        options?.AdditionalProperties is { } properties && properties.TryGetValue(OptionKey, out var value)
            ? value switch
            {
                int i => i,
                long l => (int)l,
                _ => int.TryParse(value?.ToString(), System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed : 0,
            }
            : 0;

    /// <summary>A copy of <paramref name="options"/> tagged with <paramref name="sample"/>.</summary>
    public static ChatOptions With(ChatOptions? options, int sample)
    {
        var copy = options?.Clone() ?? new ChatOptions();
        copy.AdditionalProperties = copy.AdditionalProperties is null ? [] : new AdditionalPropertiesDictionary(copy.AdditionalProperties);
        copy.AdditionalProperties[OptionKey] = sample;
        return copy;
    }

    /// <summary>Prefix of every Faithful tag (sample index, the simulated model's case reference).</summary>
    public const string TagPrefix = "faithful.";

    /// <summary>A copy of <paramref name="options"/> without Faithful's tags, for the wire.</summary>
    public static ChatOptions? Without(ChatOptions? options)
    {
        if (options?.AdditionalProperties is not { } properties || !properties.Keys.Any(IsTag))
        {
            return options;
        }

        var copy = options.Clone();
        var rest = new AdditionalPropertiesDictionary(properties);
        foreach (var key in properties.Keys.Where(IsTag).ToList())
        {
            rest.Remove(key);
        }

        copy.AdditionalProperties = rest.Count == 0 ? null : rest;
        return copy;
    }

    public static bool IsTag(string key) => key.StartsWith(TagPrefix, StringComparison.Ordinal);
}
