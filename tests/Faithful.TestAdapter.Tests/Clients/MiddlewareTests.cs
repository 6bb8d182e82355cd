using Faithful.Clients.Caching;
using Faithful.Clients.Resilience;
using Microsoft.Extensions.AI;

namespace Faithful.TestAdapter.Tests.Clients;

public sealed class MiddlewareTests
{
    /// <summary>Answers after a delay, counting how many calls overlap.</summary>
    private sealed class SlowClient(TimeSpan delay) : IChatClient
    {
        private int inFlight;

        public int Peak { get; private set; }

        public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            var now = Interlocked.Increment(ref inFlight);
            lock (this)
            {
                Peak = Math.Max(Peak, now);
            }

            await Task.Delay(delay, cancellationToken);
            Interlocked.Decrement(ref inFlight);
            return new ChatResponse(new ChatMessage(ChatRole.Assistant, "ok"));
        }

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }

    [Fact]
    public async Task The_concurrency_limit_holds_whatever_the_callers_parallelism()
    {
        var slow = new SlowClient(TimeSpan.FromMilliseconds(30));
        using var limited = new ConcurrencyLimitingChatClient(slow, maxConcurrency: 2);

        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => limited.GetResponseAsync("hi", cancellationToken: TestContext.Current.CancellationToken)));

        Assert.Equal(2, slow.Peak);
        Assert.Equal(2, limited.PeakInFlight);
    }

    [Fact]
    public async Task A_timeout_is_reported_as_such_and_the_callers_cancellation_as_cancellation()
    {
        using var timed = new TimeoutChatClient(new SlowClient(TimeSpan.FromSeconds(30)), TimeSpan.FromMilliseconds(50));

        var timeout = await Assert.ThrowsAsync<RequestTimeoutException>(() => timed.GetResponseAsync("hi", cancellationToken: TestContext.Current.CancellationToken));
        Assert.Contains("0.05 s", timeout.Message, StringComparison.Ordinal);

        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(20));
        using var patient = new TimeoutChatClient(new SlowClient(TimeSpan.FromSeconds(30)), TimeSpan.FromSeconds(10));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => patient.GetResponseAsync("hi", cancellationToken: cancel.Token));
    }

    [Fact]
    public void The_store_refuses_to_record_a_request_that_contains_a_key()
    {
        var folder = Path.Combine(Path.GetTempPath(), "faithful-store-" + Guid.NewGuid().ToString("N"));
        var store = new ReplayStore(folder, ["sk-live-1234567890"]);
        var key = CacheKey.For("openai:m", [new ChatMessage(ChatRole.User, "use sk-live-1234567890 please")], null);

        var error = Assert.Throws<InvalidOperationException>(() => store.Write(new CacheEntry(1, "openai:m", 0, key.Canonical, "fine", null, null, null, null)));

        Assert.Contains("refusing to record", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder) && Directory.EnumerateFiles(folder).Any());
    }
}
