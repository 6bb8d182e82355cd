using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Faithful.TestAdapter.Tests.Server;

/// <summary>What the server does with the next request.</summary>
public enum Behavior
{
    Answer,
    RateLimited,
    ServerError,
    Hang,

    /// <summary>401, as for a wrong key.</summary>
    Unauthorized,
}

/// <summary>One request as the server saw it.</summary>
public sealed record ReceivedRequest(string Body, string? Authorization, bool Stream, IReadOnlyList<(string Role, string Content)> Messages, string Path = "");

/// <summary>
/// A real HTTP server on 127.0.0.1 (Kestrel) speaking the OpenAI chat-completions protocol, streaming included.
/// Replies come from <see cref="Reply"/>; <see cref="Script"/> injects 429s (with Retry-After), 500s and hangs.
/// </summary>
public sealed class FakeOpenAIServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private int requestCount;

    private FakeOpenAIServer(WebApplication app) => this.app = app;

    public Uri Endpoint { get; private set; } = null!;

    /// <summary>The server's root, as an Azure OpenAI resource endpoint would be given.</summary>
    public Uri Root => new(Endpoint, "/");

    /// <summary>Reply text for a user prompt.</summary>
    public Func<string, string> Reply { get; set; } = _ => "Final answer: 0";

    /// <summary>Behaviors applied to the next requests in order; when empty, requests are answered.</summary>
    public ConcurrentQueue<Behavior> Script { get; } = new();

    public string RetryAfter { get; set; } = "1";

    public string? ExpectedApiKey { get; set; }

    /// <summary>What requests get when <see cref="Script"/> is empty (e.g. <see cref="Behavior.ServerError"/> for a server that always fails).</summary>
    public Behavior DefaultBehavior { get; set; } = Behavior.Answer;

    /// <summary>Error bodies quote the request's Authorization header back, as some servers do in a 401.</summary>
    public bool EchoAuthorization { get; set; }

    public ConcurrentQueue<ReceivedRequest> Requests { get; } = new();

    /// <summary>Requests that reached the handler (including failed ones).</summary>
    public int RequestCount => Volatile.Read(ref requestCount);

    public static async Task<FakeOpenAIServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FakeOpenAIServer(app);
        app.MapPost("/v1/chat/completions", server.HandleAsync);

        // Azure OpenAI's v1 API serves the same protocol under /openai/v1/.
        app.MapPost("/openai/v1/chat/completions", server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Endpoint = new Uri(address.TrimEnd('/') + "/v1/");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref requestCount);
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var json = JsonNode.Parse(body)!;
        var messages = json["messages"]!.AsArray()
            .Select(m => (m!["role"]!.GetValue<string>(), ContentOf(m["content"])))
            .ToList();
        var stream = json["stream"]?.GetValue<bool>() ?? false;
        var authorization = context.Request.Headers.Authorization.ToString();
        Requests.Enqueue(new ReceivedRequest(body, authorization, stream, messages, context.Request.Path.Value ?? ""));

        string Echo(string message) => EchoAuthorization ? $"{message} (you sent Authorization: {authorization})" : message;
        if (ExpectedApiKey is not null && authorization != $"Bearer {ExpectedApiKey}")
        {
            context.Response.StatusCode = 401;
            if (EchoAuthorization)
            {
                await context.Response.WriteAsJsonAsync(new { error = new { message = Echo("Incorrect API key provided"), type = "invalid_request_error", code = "invalid_api_key" } });
            }

            return;
        }

        var behavior = Script.TryDequeue(out var next) ? next : DefaultBehavior;
        switch (behavior)
        {
            case Behavior.Unauthorized:
                context.Response.StatusCode = 401;
                await context.Response.WriteAsJsonAsync(new { error = new { message = Echo("Incorrect API key provided"), type = "invalid_request_error", code = "invalid_api_key" } });
                return;
            case Behavior.RateLimited:
                context.Response.StatusCode = 429;
                context.Response.Headers["Retry-After"] = RetryAfter;
                await context.Response.WriteAsJsonAsync(new { error = new { message = Echo("Rate limit reached"), type = "requests", code = "rate_limit_exceeded" } });
                return;
            case Behavior.ServerError:
                context.Response.StatusCode = 500;
                await context.Response.WriteAsJsonAsync(new { error = new { message = Echo("The server had an error"), type = "server_error" } });
                return;
            case Behavior.Hang:
                // Holds the request until the client gives up and aborts it.
                try
                {
                    await Task.Delay(Timeout.Infinite, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                }

                return;
        }

        var user = messages.LastOrDefault(m => m.Item1 == "user").Item2 ?? "";
        var reply = Reply(user);
        var model = json["model"]?.GetValue<string>() ?? "test-model";
        if (stream)
        {
            await StreamAsync(context, model, reply);
        }
        else
        {
            await context.Response.WriteAsJsonAsync(new
            {
                id = "chatcmpl-test",
                @object = "chat.completion",
                created = 1_700_000_000,
                model = model + "-2024-07-18",
                choices = new[] { new { index = 0, message = new { role = "assistant", content = reply }, finish_reason = "stop" } },
                usage = new { prompt_tokens = user.Length / 4, completion_tokens = reply.Length / 4, total_tokens = (user.Length / 4) + (reply.Length / 4) },
            });
        }
    }

    private static async Task StreamAsync(HttpContext context, string model, string reply)
    {
        context.Response.ContentType = "text/event-stream";
        async Task Send(object chunk)
        {
            await context.Response.WriteAsync("data: " + JsonSerializer.Serialize(chunk) + "\n\n");
            await context.Response.Body.FlushAsync();
        }

        const int ChunkSize = 7;
        for (var i = 0; i < reply.Length; i += ChunkSize)
        {
            var piece = reply.Substring(i, Math.Min(ChunkSize, reply.Length - i));
            await Send(new { id = "chatcmpl-s", @object = "chat.completion.chunk", created = 1_700_000_000, model, choices = new[] { new { index = 0, delta = new { role = "assistant", content = piece }, finish_reason = (string?)null } } });
        }

        await Send(new { id = "chatcmpl-s", @object = "chat.completion.chunk", created = 1_700_000_000, model, choices = new[] { new { index = 0, delta = new { }, finish_reason = "stop" } } });
        await Send(new { id = "chatcmpl-s", @object = "chat.completion.chunk", created = 1_700_000_000, model, choices = Array.Empty<object>(), usage = new { prompt_tokens = 50, completion_tokens = reply.Length / 4, total_tokens = 50 + (reply.Length / 4) } });
        await context.Response.WriteAsync("data: [DONE]\n\n");
    }

    private static string ContentOf(JsonNode? content) => content switch
    {
        null => "",
        JsonValue value => value.GetValue<string>(),
        JsonArray parts => string.Concat(parts.Select(p => p?["text"]?.GetValue<string>() ?? "")),
        _ => content.ToJsonString(),
    };
}
