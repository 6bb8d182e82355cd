using System.Text.RegularExpressions;

namespace Faithful.Testing;

/// <summary>Built-in scrubbers for values that change between runs without a change in behavior.</summary>
public static partial class Scrubbers
{
    public static Scrubber Guids { get; } = Scrubber.Numbered("guids", GuidPattern(), "Guid");

    public static Scrubber Timestamps { get; } = Scrubber.Numbered("timestamps", TimestampPattern(), "DateTime");

    /// <summary><c>latency: 812 ms</c>, <c>took 1.2 s</c>, <c>elapsed=30ms</c>.</summary>
    public static Scrubber Latencies { get; } = Scrubber.Replace("latencies", LatencyPattern(), "$1: {latency}");

    /// <summary>The snapshot's <c>tokens:</c> line and <c>123 tokens</c> in text.</summary>
    public static Scrubber TokenCounts { get; } = new("token counts", text => TokenCountPattern().Replace(TokenLinePattern().Replace(text, "tokens: {tokens}"), "{n} tokens"));

    /// <summary>The snapshot's <c>model id:</c> line (the provider's dated model version) and dated ids in text.</summary>
    public static Scrubber ModelIds { get; } = new("model ids", text => DatedModelPattern().Replace(ModelIdLinePattern().Replace(text, "model id: {model-id}"), "{model-id}"));

    /// <summary>All of the above, in a fixed order; the default module-level set.</summary>
    public static IReadOnlyList<Scrubber> Defaults { get; } = [ModelIds, TokenCounts, Latencies, Timestamps, Guids];

    [GeneratedRegex(@"\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b")]
    private static partial Regex GuidPattern();

    [GeneratedRegex(@"\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?")]
    private static partial Regex TimestampPattern();

    [GeneratedRegex(@"(?i)\b(latency|elapsed|duration|took)\s*[:=]?\s*\d+(\.\d+)?\s*(ms|s|µs|us)\b")]
    private static partial Regex LatencyPattern();

    [GeneratedRegex(@"(?m)^tokens: .*$")]
    private static partial Regex TokenLinePattern();

    [GeneratedRegex(@"\b\d+ tokens\b")]
    private static partial Regex TokenCountPattern();

    [GeneratedRegex(@"(?m)^model id: .*$")]
    private static partial Regex ModelIdLinePattern();

    [GeneratedRegex(@"\b(gpt|claude|llama|mistral|gemini|o\d)[\w.-]*-\d{4}-?\d{2}-?\d{2}\b")]
    private static partial Regex DatedModelPattern();
}
