using System.Text.Json.Serialization;

namespace Faithful.Clients.Caching;

/// <summary>
/// One recorded response, stored as one JSON file. It holds the request key and the reply, never headers or keys.
/// </summary>
public sealed record CacheEntry(
    [property: JsonPropertyName("version")] int Version,
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("sample")] int Sample,
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("modelId")] string? ModelId,
    [property: JsonPropertyName("finishReason")] string? FinishReason,
    [property: JsonPropertyName("inputTokens")] long? InputTokens,
    [property: JsonPropertyName("outputTokens")] long? OutputTokens);

[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CacheEntry))]
internal sealed partial class CacheJsonContext : JsonSerializerContext;
