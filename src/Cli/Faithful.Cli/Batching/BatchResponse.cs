using System.Text.Json;
using Faithful.Traces.Results;

namespace Faithful.Cli.Batching;

/// <summary>One line of a batch's output or error file, read: which request, and its reply or why it failed.</summary>
internal sealed record BatchResponse(string CustomId, string? Reply, TokenCounts? Tokens, string? Error)
{
    /// <summary>Reads an output or error file line; null when the line names no request at all.</summary>
    public static BatchResponse? Read(ReadOnlySpan<byte> line)
    {
        using var document = JsonDocument.Parse(line.ToArray());
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("custom_id", out var id) || id.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var customId = id.GetString()!;
        if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
        {
            return new BatchResponse(customId, null, null, "request failed in the batch: " + Describe(error));
        }

        if (!root.TryGetProperty("response", out var response) || response.ValueKind != JsonValueKind.Object)
        {
            return new BatchResponse(customId, null, null, "request failed in the batch: no response");
        }

        var status = response.TryGetProperty("status_code", out var code) && code.TryGetInt32(out var number) ? number : 0;
        var body = response.TryGetProperty("body", out var b) ? b : default;
        if (status != 200)
        {
            var detail = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("error", out var bodyError) ? Describe(bodyError) : "no detail";
            return new BatchResponse(customId, null, null, $"request failed in the batch: HTTP {status}: {detail}");
        }

        string? reply = null;
        if (body.ValueKind == JsonValueKind.Object
            && body.TryGetProperty("choices", out var choices) && choices.ValueKind == JsonValueKind.Array && choices.GetArrayLength() > 0
            && choices[0].TryGetProperty("message", out var message) && message.TryGetProperty("content", out var content))
        {
            reply = content.ValueKind == JsonValueKind.String ? content.GetString() : "";
        }

        if (reply is null)
        {
            return new BatchResponse(customId, null, null, "request failed in the batch: the response has no message content");
        }

        TokenCounts? tokens = null;
        if (body.TryGetProperty("usage", out var usage) && usage.ValueKind == JsonValueKind.Object)
        {
            tokens = new TokenCounts(Number(usage, "prompt_tokens"), Number(usage, "completion_tokens"));
        }

        return new BatchResponse(customId, reply, tokens, null);
    }

    private static long Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.TryGetInt64(out var number) ? number : 0;

    private static string Describe(JsonElement error)
    {
        var code = error.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() + ": " : "";
        var message = error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : error.GetRawText();
        return code + (message is { Length: > 500 } ? message[..500] + "…" : message);
    }
}
