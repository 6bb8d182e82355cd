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

    /// <summary>A copy of <paramref name="options"/> without the tag, for the wire.</summary>
    public static ChatOptions? Without(ChatOptions? options)
    {
        if (options?.AdditionalProperties is not { } properties || !properties.ContainsKey(OptionKey))
        {
            return options;
        }

        var copy = options.Clone();
        var rest = new AdditionalPropertiesDictionary(properties);
        rest.Remove(OptionKey);
        copy.AdditionalProperties = rest.Count == 0 ? null : rest;
        return copy;
    }
}
