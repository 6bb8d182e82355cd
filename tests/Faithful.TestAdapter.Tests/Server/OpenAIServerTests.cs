using System.Diagnostics;
using Faithful.Clients.Caching;
using Faithful.Clients.Connections;
using Faithful.Clients.Resilience;
using Faithful.Clients.Running;
using Faithful.Families;
using Faithful.Traces.Results;
using Faithful.Traces.Scoring;

namespace Faithful.TestAdapter.Tests.Server;

/// <summary>
/// End to end through the official OpenAI SDK and Microsoft.Extensions.AI against a real HTTP server on 127.0.0.1:
/// rendered prompts, scored replies, streaming, retries on 429/500, timeouts, record and replay.
/// </summary>
public sealed class OpenAIServerTests : IAsyncLifetime
{
    private const string ApiKey = "sk-test-0123456789abcdefSECRET";
    private readonly List<FaithfulCase> cases = [];
    private readonly Dictionary<string, string> replies = new(StringComparer.Ordinal);
    private readonly string cacheRoot = Path.Combine(Path.GetTempPath(), "faithful-cache-" + Guid.NewGuid().ToString("N"));
    private FakeOpenAIServer server = null!;

    public async ValueTask InitializeAsync()
    {
        server = await FakeOpenAIServer.StartAsync();
        server.ExpectedApiKey = ApiKey;
        foreach (var program in TestPrograms.All)
        {
            foreach (var sampled in InputSampler.SampleMany(program, 3, 7))
            {
                cases.Add(new FaithfulCase(program, sampled.Inputs));
                var user = TracesInstrument.ProcessAware.Render(program, sampled.Inputs).Last().Text;
                replies[user] = TestPrograms.CorrectReply(program, sampled.Inputs);
            }
        }

        server.Reply = prompt => replies.TryGetValue(prompt, out var reply) ? reply : "I do not know this prompt.";
    }

    public async ValueTask DisposeAsync()
    {
        await server.DisposeAsync();
        if (Directory.Exists(cacheRoot))
        {
            Directory.Delete(cacheRoot, recursive: true);
        }
    }

    private ModelConnection Connect(CacheMode mode = CacheMode.Live, TimeSpan? timeout = null, int maxRetries = 4, string? cacheDirectory = null) =>
        ModelClients.Connect("openai:test-model", new ClientOptions
        {
            Endpoint = server.Endpoint,
            Secrets = SecretSource.FromValues([new("OPENAI_API_KEY", ApiKey)]),
            Retry = new RetryOptions { BaseDelay = TimeSpan.FromMilliseconds(20), MaxDelay = TimeSpan.FromSeconds(2), MaxRetries = maxRetries },
            RequestTimeout = timeout ?? TimeSpan.FromSeconds(10),
            MaxConcurrency = 3,
            CacheMode = mode,
            CacheDirectory = cacheDirectory ?? cacheRoot,
        });

    private static Task<IReadOnlyList<CaseResult>> RunAsync(ModelConnection connection, IEnumerable<FaithfulCase> cases, bool streaming = false, int parallel = 3) =>
        new CaseRunner(connection.Client, connection.Model, TracesInstrument.ProcessAware, new RunOptions { Streaming = streaming, MaxParallelCases = parallel, Seed = 100 })
            .RunAsync(cases, cancellationToken: TestContext.Current.CancellationToken);

    private static void AllCorrect(IReadOnlyList<CaseResult> results, int expected)
    {
        Assert.Equal(expected, results.Count);
        Assert.All(results, r =>
        {
            Assert.Null(r.Error);
            Assert.NotNull(r.Verdict);
            Assert.Equal(FailureMode.Correct, r.Verdict.PrimaryMode);
            Assert.Equal(1.0, r.Verdict.StepFaithfulness);
        });
        Assert.Equal(expected, results.Select(r => r.CaseId).Distinct().Count());
    }

    [Fact]
    public async Task Prompts_arrive_as_rendered_and_replies_are_parsed_and_scored()
    {
        using var connection = Connect();
        var results = await RunAsync(connection, cases);

        AllCorrect(results, cases.Count);
        Assert.Equal(cases.Count, server.RequestCount);
        var sentUsers = server.Requests.Select(r => r.Messages.Last(m => m.Role == "user").Content).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(replies.Keys.Order(StringComparer.Ordinal), sentUsers);
        Assert.All(server.Requests, r =>
        {
            Assert.Equal($"Bearer {ApiKey}", r.Authorization);
            Assert.DoesNotContain("faithful.", r.Body, StringComparison.Ordinal);
            Assert.False(r.Stream);
        });
        Assert.All(results, r => Assert.NotNull(r.Tokens));
    }

    [Fact]
    public async Task Azure_deployments_are_reached_through_the_v1_endpoint_of_the_resource()
    {
        using var connection = ModelClients.Connect("azure:my-deployment", new ClientOptions
        {
            Secrets = SecretSource.FromValues([new("AZURE_OPENAI_API_KEY", ApiKey), new("AZURE_OPENAI_ENDPOINT", server.Root.ToString())]),
        });

        var results = await RunAsync(connection, cases.Take(1), parallel: 1);

        AllCorrect(results, 1);
        var request = Assert.Single(server.Requests);
        Assert.Equal("/openai/v1/chat/completions", request.Path);
        Assert.Equal($"Bearer {ApiKey}", request.Authorization);
        Assert.Contains("\"model\":\"my-deployment\"", request.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Streaming_replies_are_assembled_and_scored()
    {
        using var connection = Connect();
        var results = await RunAsync(connection, cases, streaming: true);

        AllCorrect(results, cases.Count);
        Assert.All(server.Requests, r => Assert.True(r.Stream));
        Assert.All(results, r => Assert.True(r.Tokens?.Output > 0));
    }

    [Fact]
    public async Task Rate_limit_is_retried_after_the_delay_the_server_asks_for()
    {
        server.RetryAfter = "1";
        server.Script.Enqueue(Behavior.RateLimited);
        using var connection = Connect();
        var delays = new List<(int? Status, TimeSpan Delay)>();
        connection.Retry!.Retrying += (_, failure, delay) => delays.Add((failure.Status, delay));

        var clock = Stopwatch.StartNew();
        var results = await RunAsync(connection, cases.Take(1), parallel: 1);

        AllCorrect(results, 1);
        Assert.Equal([(429, TimeSpan.FromSeconds(1))], delays);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.95), $"waited only {clock.Elapsed}");
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task Server_errors_are_retried_with_backoff()
    {
        server.Script.Enqueue(Behavior.ServerError);
        server.Script.Enqueue(Behavior.ServerError);
        using var connection = Connect();
        var statuses = new List<int?>();
        connection.Retry!.Retrying += (_, failure, _) => statuses.Add(failure.Status);

        var results = await RunAsync(connection, cases.Take(1), parallel: 1);

        AllCorrect(results, 1);
        Assert.Equal([500, 500], statuses);
        Assert.Equal(3, server.RequestCount);
    }

    [Fact]
    public async Task A_hung_request_times_out_and_is_retried()
    {
        // Warm the connection first so that only the hung attempt can hit the timeout on a busy machine.
        using var connection = Connect(timeout: TimeSpan.FromSeconds(1));
        await RunAsync(connection, cases.Take(1), parallel: 1);
        var requestsBefore = server.RequestCount;
        server.Script.Enqueue(Behavior.Hang);
        var failures = new List<TransientFailure>();
        connection.Retry!.Retrying += (_, failure, _) => failures.Add(failure);
        var clock = Stopwatch.StartNew();

        var results = await RunAsync(connection, cases.Skip(1).Take(1), parallel: 1);

        AllCorrect(results, 1);
        Assert.NotEmpty(failures);
        Assert.Null(failures[0].Status);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.95), $"took only {clock.Elapsed}");
        Assert.Equal(1 + failures.Count, server.RequestCount - requestsBefore);
    }

    [Fact]
    public async Task Nothing_is_lost_when_failures_are_mixed_into_a_parallel_run()
    {
        foreach (var behavior in new[] { Behavior.RateLimited, Behavior.ServerError, Behavior.Hang, Behavior.ServerError })
        {
            server.Script.Enqueue(behavior);
        }

        server.RetryAfter = "0";
        using var connection = Connect(timeout: TimeSpan.FromMilliseconds(500));
        var retries = 0;
        connection.Retry!.Retrying += (_, _, _) => Interlocked.Increment(ref retries);
        var streamed = new List<CaseResult>();
        var runner = new CaseRunner(connection.Client, connection.Model, TracesInstrument.ProcessAware, new RunOptions { MaxParallelCases = 3 });

        var results = await runner.RunAsync(cases, r => { lock (streamed) { streamed.Add(r); } }, TestContext.Current.CancellationToken);

        AllCorrect(results, cases.Count);
        Assert.Equal(cases.Count, streamed.Count);

        // One retry per scripted failure; on a loaded machine a slow answer may also pass the 500 ms timeout and be
        // retried, but every request beyond one per case is a retry the policy announced.
        Assert.True(retries >= 4, $"only {retries} retries for 4 scripted failures");
        Assert.Equal(cases.Count + retries, server.RequestCount);
        Assert.True(connection.Limiter!.PeakInFlight <= 3);
    }

    [Fact]
    public async Task A_request_that_keeps_failing_becomes_an_error_result_not_an_exception()
    {
        server.Script.Enqueue(Behavior.ServerError);
        server.Script.Enqueue(Behavior.ServerError);
        using var connection = Connect(maxRetries: 1);

        var results = await RunAsync(connection, cases.Take(2), parallel: 1);

        Assert.Null(results[0].Verdict);
        Assert.Contains("500", results[0].Error, StringComparison.Ordinal);
        Assert.NotNull(results[1].Verdict);
    }

    [Fact]
    public async Task A_rejected_key_is_not_retried()
    {
        server.ExpectedApiKey = "sk-another-key-entirely";
        using var connection = Connect();

        var results = await RunAsync(connection, cases.Take(1), parallel: 1);

        Assert.Contains("401", results[0].Error, StringComparison.Ordinal);
        Assert.Equal(1, server.RequestCount);
        Assert.Equal(0, connection.Retry!.Retries);
    }

    [Fact]
    public async Task Record_then_replay_gives_identical_results_with_zero_requests()
    {
        IReadOnlyList<CaseResult> recorded;
        using (var recording = Connect(CacheMode.Record))
        {
            recorded = await RunAsync(recording, cases);
        }

        var requestsAfterRecording = server.RequestCount;
        Assert.Equal(cases.Count, requestsAfterRecording);
        Assert.Equal(cases.Count, Directory.GetFiles(cacheRoot, "*.json").Length);

        using var replaying = Connect(CacheMode.ReplayOnly);
        var replayed = await RunAsync(replaying, cases);
        using var byFolder = ModelClients.Connect($"replay:{cacheRoot}");
        var replayedByFolder = await RunAsync(byFolder, cases);

        Assert.Equal(requestsAfterRecording, server.RequestCount);
        Assert.Equal(cases.Count, replaying.Cache!.Hits);
        foreach (var again in new[] { replayed, replayedByFolder })
        {
            Assert.Equal(recorded.Select(r => (r.CaseId, r.Model, r.Reply, r.Tokens, r.Verdict)), again.Select(r => (r.CaseId, r.Model, r.Reply, r.Tokens, r.Verdict)));
        }
    }

    [Fact]
    public async Task A_streamed_recording_replays_identically_and_snapshots_alike()
    {
        IReadOnlyList<CaseResult> recorded;
        using (var recording = Connect(CacheMode.Record))
        {
            recorded = await RunAsync(recording, cases.Take(2), streaming: true);
        }

        using var replaying = Connect(CacheMode.ReplayOnly);
        var replayed = await RunAsync(replaying, cases.Take(2));

        Assert.Equal(2, server.RequestCount);
        Assert.Equal(recorded.Select(r => (r.Reply, r.Tokens, r.Verdict)), replayed.Select(r => (r.Reply, r.Tokens, r.Verdict)));
        Assert.Equal("True", replayed[0].Metadata![RecordReplayChatClient.ReplayedProperty]);
        Assert.Equal(Faithful.Testing.SnapshotRenderer.Render(recorded[0]), Faithful.Testing.SnapshotRenderer.Render(replayed[0]));
    }

    [Fact]
    public async Task Replay_only_fails_clearly_on_a_miss_and_sends_nothing()
    {
        var empty = Path.Combine(cacheRoot, "empty");
        using var replaying = Connect(CacheMode.ReplayOnly, cacheDirectory: empty);

        var results = await RunAsync(replaying, cases.Take(1), parallel: 1);

        Assert.Equal(0, server.RequestCount);
        Assert.Null(results[0].Verdict);
        var error = results[0].Error!;
        Assert.Contains("replay-only", error, StringComparison.Ordinal);
        Assert.Contains("\"model\":\"openai:test-model\"", error, StringComparison.Ordinal);
        Assert.Matches("expected file: [0-9a-f]{64}\\.json", error);
        Assert.Contains("FAITHFUL_CACHE_MODE=record", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_cache_never_contains_the_api_key_even_when_a_reply_echoes_it()
    {
        server.Reply = _ => $"My key is {ApiKey}\nFinal answer: 1";
        using (var recording = Connect(CacheMode.Record))
        {
            await RunAsync(recording, cases.Take(2), parallel: 1);
        }

        Assert.All(server.Requests, r => Assert.Equal($"Bearer {ApiKey}", r.Authorization));
        var files = Directory.GetFiles(cacheRoot, "*.json");
        Assert.Equal(2, files.Length);
        Assert.All(files, f =>
        {
            var text = File.ReadAllText(f);
            Assert.DoesNotContain(ApiKey, text, StringComparison.Ordinal);
            Assert.DoesNotContain("Bearer", text, StringComparison.Ordinal);
            Assert.Contains("[REDACTED]", text, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Repeated_samples_are_separate_requests_entries_and_seeds()
    {
        using var recording = Connect(CacheMode.Record);
        var samples = Enumerable.Range(0, 3).Select(i => cases[0].AsSample(i)).ToList();

        var results = await RunAsync(recording, samples, parallel: 1);

        Assert.Equal(3, server.RequestCount);
        Assert.Equal(3, Directory.GetFiles(cacheRoot, "*.json").Length);
        Assert.Equal([0, 1, 2], results.Select(r => r.Sample));
        var seeds = server.Requests.Select(r => System.Text.Json.Nodes.JsonNode.Parse(r.Body)!["seed"]!.GetValue<long>()).Order().ToList();
        Assert.Equal([100L, 101L, 102L], seeds);
    }
}
