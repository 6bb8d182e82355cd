using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Faithful.Cli.Tests.Batching;

/// <summary>
/// A loopback fake of the OpenAI Batch API on 127.0.0.1 (HttpListener: the tool under test runs from this folder, so the
/// test project takes no ASP.NET Core dependency that would change its assemblies): file upload and download, batch
/// create, get and list. Batches stay <c>in_progress</c> while <see cref="Hold"/> is set; the first status check after
/// that completes them, answering each request with <see cref="Reply"/>, or with an HTTP 500 entry in the error file for
/// the ids <see cref="Fails"/> picks.
/// </summary>
public sealed class FakeBatchServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentDictionary<string, byte[]> _files = new();
    private readonly ConcurrentDictionary<string, JsonObject> _batches = new();
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;
    private int _uploads;
    private int _creates;
    private int _polls;
    private int _nextId;

    public Uri Endpoint { get; private set; } = null!;

    public volatile bool Hold;

    public Func<string, string> Reply { get; set; } = _ => "Final answer: 0";

    public Func<string, bool> Fails { get; set; } = _ => false;

    public int Uploads => Volatile.Read(ref _uploads);

    public int Creates => Volatile.Read(ref _creates);

    public int Polls => Volatile.Read(ref _polls);

    /// <summary>Requests in each batch created, in order.</summary>
    public ConcurrentQueue<int> BatchSizes { get; } = new();

    public static Task<FakeBatchServer> StartAsync()
    {
        var server = new FakeBatchServer();
        var port = FreePort();
        var prefix = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/");
        server._listener.Prefixes.Add(prefix);
        server._listener.Start();
        server.Endpoint = new Uri(prefix + "v1/");
        server._loop = Task.Run(server.ServeAsync);
        return Task.FromResult(server);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                // A client that dropped its connection must not stop the server; only disposal does.
                if (_stop.IsCancellationRequested || !_listener.IsListening)
                {
                    return;
                }

                continue;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var path = request.Url!.AbsolutePath;
        try
        {
            var (status, body) = (request.HttpMethod, path) switch
            {
                ("POST", "/v1/files") => await UploadAsync(request),
                ("POST", "/v1/batches") => await CreateAsync(request),
                ("GET", "/v1/batches") => (200, List()),
                ("GET", _) when path.StartsWith("/v1/batches/", StringComparison.Ordinal) => Get(path["/v1/batches/".Length..]),
                ("GET", _) when path.StartsWith("/v1/files/", StringComparison.Ordinal) && path.EndsWith("/content", StringComparison.Ordinal)
                    => Download(path["/v1/files/".Length..^"/content".Length]),
                _ => (404, Error($"no route {request.HttpMethod} {path}")),
            };
            await RespondAsync(context.Response, status, body);
        }
        catch (Exception e) when (e is not HttpListenerException)
        {
            await RespondAsync(context.Response, 500, Error("fake server: " + e.Message));
        }
        finally
        {
            context.Response.Close();
        }
    }

    // One request per connection, with its length: the managed HttpListener is most reliable that way.
    private static async Task RespondAsync(HttpListenerResponse response, int status, byte[] body)
    {
        response.StatusCode = status;
        response.ContentType = "application/json";
        response.KeepAlive = false;
        response.ContentLength64 = body.Length;
        await response.OutputStream.WriteAsync(body);
    }

    private async Task<(int, byte[])> UploadAsync(HttpListenerRequest request)
    {
        var (fileName, content, purpose) = await Multipart.ReadAsync(request);
        var id = NewId("file");
        _files[id] = content;
        Interlocked.Increment(ref _uploads);
        return (200, Json(new JsonObject
        {
            ["id"] = id,
            ["object"] = "file",
            ["bytes"] = content.Length,
            ["created_at"] = 1_700_000_000,
            ["filename"] = fileName,
            ["purpose"] = purpose,
            ["status"] = "processed",
        }));
    }

    private async Task<(int, byte[])> CreateAsync(HttpListenerRequest request)
    {
        var body = (await JsonNode.ParseAsync(request.InputStream))!.AsObject();
        var inputFileId = body["input_file_id"]!.GetValue<string>();
        if (!_files.TryGetValue(inputFileId, out var input))
        {
            return (404, Error($"No such file: {inputFileId}"));
        }

        var requests = Encoding.UTF8.GetString(input).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
        var id = NewId("batch");
        var batch = new JsonObject
        {
            ["id"] = id,
            ["object"] = "batch",
            ["endpoint"] = body["endpoint"]!.GetValue<string>(),
            ["input_file_id"] = inputFileId,
            ["completion_window"] = "24h",
            ["status"] = "validating",
            ["created_at"] = 1_700_000_000 + _batches.Count,
            ["request_counts"] = new JsonObject { ["total"] = requests, ["completed"] = 0, ["failed"] = 0 },
            ["metadata"] = body["metadata"]?.DeepClone(),
        };
        lock (_gate)
        {
            _batches[id] = batch;
            BatchSizes.Enqueue(requests);
            Interlocked.Increment(ref _creates);
            return (200, Json(batch));
        }
    }

    private (int, byte[]) Get(string id)
    {
        Interlocked.Increment(ref _polls);
        lock (_gate)
        {
            if (!_batches.TryGetValue(id, out var batch))
            {
                return (404, Error($"No batch {id}"));
            }

            if (batch["status"]!.GetValue<string>() != "completed")
            {
                if (Hold)
                {
                    batch["status"] = "in_progress";
                }
                else
                {
                    Complete(batch);
                }
            }

            return (200, Json(batch));
        }
    }

    private byte[] List()
    {
        lock (_gate)
        {
            var data = new JsonArray(_batches.Values.OrderByDescending(b => b["created_at"]!.GetValue<int>()).Select(b => (JsonNode)b.DeepClone()).ToArray());
            return Json(new JsonObject { ["object"] = "list", ["data"] = data, ["has_more"] = false });
        }
    }

    private (int, byte[]) Download(string id) => _files.TryGetValue(id, out var bytes) ? (200, bytes) : (404, Error($"No such file: {id}"));

    private void Complete(JsonObject batch)
    {
        var output = new StringBuilder();
        var errors = new StringBuilder();
        int completed = 0, failed = 0;
        foreach (var line in Encoding.UTF8.GetString(_files[batch["input_file_id"]!.GetValue<string>()]).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var request = JsonNode.Parse(line)!;
            var customId = request["custom_id"]!.GetValue<string>();
            if (Fails(customId))
            {
                failed++;
                errors.Append(new JsonObject
                {
                    ["id"] = NewId("batch_req"),
                    ["custom_id"] = customId,
                    ["response"] = new JsonObject { ["status_code"] = 500, ["body"] = new JsonObject { ["error"] = new JsonObject { ["message"] = "The server had an error", ["type"] = "server_error" } } },
                    ["error"] = null,
                }.ToJsonString()).Append('\n');
                continue;
            }

            var user = request["body"]!["messages"]!.AsArray().Last(m => m!["role"]!.GetValue<string>() == "user")!["content"]!.GetValue<string>();
            var reply = Reply(user);
            completed++;
            output.Append(new JsonObject
            {
                ["id"] = NewId("batch_req"),
                ["custom_id"] = customId,
                ["response"] = new JsonObject
                {
                    ["status_code"] = 200,
                    ["request_id"] = NewId("req"),
                    ["body"] = new JsonObject
                    {
                        ["id"] = NewId("chatcmpl"),
                        ["object"] = "chat.completion",
                        ["created"] = 1_700_000_000,
                        ["model"] = request["body"]!["model"]!.GetValue<string>(),
                        ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = reply }, ["finish_reason"] = "stop" }),
                        ["usage"] = new JsonObject { ["prompt_tokens"] = user.Length / 4, ["completion_tokens"] = reply.Length / 4, ["total_tokens"] = (user.Length + reply.Length) / 4 },
                    },
                },
                ["error"] = null,
            }.ToJsonString()).Append('\n');
        }

        batch["status"] = "completed";
        batch["request_counts"] = new JsonObject { ["total"] = completed + failed, ["completed"] = completed, ["failed"] = failed };
        if (completed > 0)
        {
            var outputId = NewId("file");
            _files[outputId] = Encoding.UTF8.GetBytes(output.ToString());
            batch["output_file_id"] = outputId;
        }

        if (failed > 0)
        {
            var errorId = NewId("file");
            _files[errorId] = Encoding.UTF8.GetBytes(errors.ToString());
            batch["error_file_id"] = errorId;
        }
    }

    private static byte[] Json(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString());

    private static byte[] Error(string message) => Json(new JsonObject { ["error"] = new JsonObject { ["message"] = message, ["type"] = "invalid_request_error" } });

    private string NewId(string prefix) => prefix + "-" + Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);

    /// <summary>Reads the <c>file</c> and <c>purpose</c> parts of a multipart/form-data upload.</summary>
    private static class Multipart
    {
        public static async Task<(string FileName, byte[] Content, string Purpose)> ReadAsync(HttpListenerRequest request)
        {
            var boundary = "--" + request.ContentType!.Split("boundary=")[1].Trim('"');
            using var memory = new MemoryStream();
            await request.InputStream.CopyToAsync(memory);
            var body = memory.ToArray();
            var delimiter = Encoding.ASCII.GetBytes("\r\n" + boundary);
            string fileName = "", purpose = "";
            byte[] content = [];
            var start = IndexOf(body, Encoding.ASCII.GetBytes(boundary), 0) + boundary.Length + 2;
            while (start > boundary.Length && start < body.Length)
            {
                var headersEnd = IndexOf(body, "\r\n\r\n"u8.ToArray(), start);
                var headers = Encoding.UTF8.GetString(body, start, headersEnd - start);
                var end = IndexOf(body, delimiter, headersEnd + 4);
                var part = body[(headersEnd + 4)..end];
                if (headers.Contains("name=\"file\"", StringComparison.Ordinal) || headers.Contains("name=file", StringComparison.Ordinal))
                {
                    content = part;
                    fileName = headers.Split("filename=")[1].Split(['\r', ';'])[0].Trim('"');
                }
                else if (headers.Contains("name=\"purpose\"", StringComparison.Ordinal) || headers.Contains("name=purpose", StringComparison.Ordinal))
                {
                    purpose = Encoding.UTF8.GetString(part);
                }

                // "--" after a delimiter closes the body; "\r\n" starts the next part.
                if (end + delimiter.Length + 2 > body.Length || body[end + delimiter.Length] == (byte)'-')
                {
                    break;
                }

                start = end + delimiter.Length + 2;
            }

            return (fileName, content, purpose);
        }

        private static int IndexOf(byte[] haystack, byte[] needle, int from) =>
            haystack.AsSpan(from).IndexOf(needle) is var at and >= 0 ? from + at : -1;
    }
}
