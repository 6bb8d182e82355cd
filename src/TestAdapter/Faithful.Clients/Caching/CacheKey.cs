using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Faithful.Clients.Sampling;
using Microsoft.Extensions.AI;

namespace Faithful.Clients.Caching;

/// <summary>
/// The identity of a request: model string, messages, the options that change a reply, and the sample index.
/// <see cref="Canonical"/> is a stable JSON text of those; <see cref="Hash"/> its SHA-256, which names the file.
/// </summary>
public sealed record CacheKey(string Canonical, string Hash)
{
    public const int Version = 1;

    public static CacheKey For(string model, IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        ArgumentNullException.ThrowIfNull(messages);
        using var buffer = new MemoryStream();
        // Relaxed escaping keeps committed cache files readable (no \u0060 for backticks); the key is never put in HTML.
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteNumber("v", Version);
            json.WriteString("model", model);
            json.WriteNumber("sample", SampleIndex.Get(options));
            WriteOptions(json, options);
            json.WriteStartArray("messages");
            foreach (var message in messages)
            {
                json.WriteStartObject();
                json.WriteString("role", message.Role.Value);
                json.WriteString("text", message.Text);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        var canonical = Encoding.UTF8.GetString(buffer.ToArray());
        var hash = Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()));
        return new CacheKey(canonical, hash);
    }

    private static void WriteOptions(Utf8JsonWriter json, ChatOptions? options)
    {
        json.WriteStartObject("options");
        if (options is not null)
        {
            WriteIf(json, "modelId", options.ModelId);
            if (options.Temperature is { } temperature)
            {
                json.WriteString("temperature", temperature.ToString("R", CultureInfo.InvariantCulture));
            }

            if (options.TopP is { } topP)
            {
                json.WriteString("topP", topP.ToString("R", CultureInfo.InvariantCulture));
            }

            if (options.Seed is { } seed)
            {
                json.WriteNumber("seed", seed);
            }

            if (options.MaxOutputTokens is { } max)
            {
                json.WriteNumber("maxOutputTokens", max);
            }

            if (options.StopSequences is { Count: > 0 } stops)
            {
                json.WriteStartArray("stop");
                foreach (var stop in stops)
                {
                    json.WriteStringValue(stop);
                }

                json.WriteEndArray();
            }

            WriteIf(json, "responseFormat", options.ResponseFormat?.GetType().Name);

            // Provider-specific extras may change a reply, so they count; Faithful's own tags restate the case
            // (messages and sample index, written above) and are left out.
            if (options.AdditionalProperties is { Count: > 0 } extra)
            {
                foreach (var pair in extra.Where(p => !SampleIndex.IsTag(p.Key)).OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    json.WriteString("x." + pair.Key, Convert.ToString(pair.Value, CultureInfo.InvariantCulture));
                }
            }
        }

        json.WriteEndObject();
    }

    private static void WriteIf(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }
}
