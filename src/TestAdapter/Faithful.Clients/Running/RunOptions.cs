using Faithful.Clients.Connections;
using Faithful.Clients.Sampling;
using Microsoft.Extensions.AI;

namespace Faithful.Clients.Running;

/// <summary>How a runner sends cases: sampling options, parallelism and whether replies are streamed.</summary>
public sealed record RunOptions
{
    public float? Temperature { get; init; }

    /// <summary>Base seed; sample <c>i</c> is sent with <c>Seed + i</c>.</summary>
    public long? Seed { get; init; }

    public int? MaxOutputTokens { get; init; }

    /// <summary>Cases sent at once (the connection's own limiter bounds requests in flight as well).</summary>
    public int MaxParallelCases { get; init; } = 4;

    /// <summary>Read replies as streams (then assembled) instead of whole responses.</summary>
    public bool Streaming { get; init; }

    /// <summary>Longest reply kept in a result; longer replies are cut (model output is untrusted).</summary>
    public int MaxReplyChars { get; init; } = 64 * 1024;

    public static RunOptions From(ClientOptions options) => new()
    {
        Temperature = options.Temperature,
        Seed = options.Seed,
        MaxOutputTokens = options.MaxOutputTokens,
        MaxParallelCases = options.MaxConcurrency,
    };

    /// <summary>The chat options of sample <paramref name="sample"/>: its tag, and its own seed so samples differ.</summary>
    public ChatOptions ChatOptionsFor(int sample) => SampleIndex.With(
        new ChatOptions
        {
            Temperature = Temperature,
            Seed = Seed is { } seed ? seed + sample : null,
            MaxOutputTokens = MaxOutputTokens,
        },
        sample);
}
