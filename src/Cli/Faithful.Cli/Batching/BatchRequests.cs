using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Faithful.Clients.Running;
using Microsoft.Extensions.AI;

namespace Faithful.Cli.Batching;

/// <summary>
/// The lines of a Batch API request file: one chat-completions request per case, keyed by a <c>custom_id</c> derived from
/// the result key, so a response maps back to its case without the batch remembering anything.
/// </summary>
internal static class BatchRequests
{
    public const string Endpoint = "/v1/chat/completions";

    /// <summary>The request's <c>custom_id</c>: <c>faithful-</c> and 32 hex digits of SHA-256 of the result key.</summary>
    public static string CustomId(string resultKey)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(resultKey), hash);
        return "faithful-" + Convert.ToHexStringLower(hash[..16]);
    }

    /// <summary>Writes one request (a case's messages, the run's sampling options and the sample's seed) to <paramref name="writer"/>.</summary>
    public static void Write(Utf8JsonWriter writer, string customId, string modelName, IReadOnlyList<ChatMessage> messages, RunOptions options, int sample)
    {
        writer.WriteStartObject();
        writer.WriteString("custom_id", customId);
        writer.WriteString("method", "POST");
        writer.WriteString("url", Endpoint);
        writer.WriteStartObject("body");
        writer.WriteString("model", modelName);
        writer.WriteStartArray("messages");
        foreach (var message in messages)
        {
            writer.WriteStartObject();
            writer.WriteString("role", message.Role.Value);
            writer.WriteString("content", message.Text);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (options.Temperature is { } temperature)
        {
            writer.WriteNumber("temperature", temperature);
        }

        if (options.MaxOutputTokens is { } maxTokens)
        {
            writer.WriteNumber("max_completion_tokens", maxTokens);
        }

        // Each sample gets its own seed, as in a live run (RunOptions.ChatOptionsFor).
        if (options.Seed is { } seed)
        {
            writer.WriteNumber("seed", seed + sample);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
