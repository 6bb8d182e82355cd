using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Faithful.Clients.Resilience;

/// <summary>
/// Retries transient failures (429, 408, 5xx, network errors, per-request timeouts) with exponential backoff,
/// waiting exactly what the server's Retry-After asks when it gives one (capped by <see cref="RetryOptions.MaxDelay"/>).
/// A stream is retried only before its first update: after that, text has been handed on and a retry would duplicate it.
/// </summary>
public sealed class RetryingChatClient : DelegatingChatClient
{
    private readonly RetryOptions options;
    private readonly TimeProvider time;
    private int retries;

    public RetryingChatClient(IChatClient inner, RetryOptions options, TimeProvider? time = null)
        : base(inner)
    {
        this.options = options;
        this.time = time ?? TimeProvider.System;
    }

    /// <summary>Called before each wait with the attempt number (1-based), the failure and the delay chosen.</summary>
    public event Action<int, TransientFailure, TimeSpan>? Retrying;

    /// <summary>Retries performed so far, across all requests.</summary>
    public int Retries => retries;

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages as IReadOnlyList<ChatMessage> ?? messages.ToList();
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await base.GetResponseAsync(list, options, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ShouldRetry(ex, attempt, out var delay))
            {
                await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var list = messages as IReadOnlyList<ChatMessage> ?? messages.ToList();
        IAsyncEnumerator<ChatResponseUpdate>? enumerator = null;
        ChatResponseUpdate? first = null;
        for (var attempt = 0; enumerator is null; attempt++)
        {
            var candidate = base.GetStreamingResponseAsync(list, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
            TimeSpan delay;
            try
            {
                if (await candidate.MoveNextAsync().ConfigureAwait(false))
                {
                    first = candidate.Current;
                }

                enumerator = candidate;
                continue;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ShouldRetry(ex, attempt, out delay))
            {
                await candidate.DisposeAsync().ConfigureAwait(false);
            }

            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
        }

        await using (enumerator.ConfigureAwait(false))
        {
            if (first is null)
            {
                yield break;
            }

            yield return first;
            while (await enumerator.MoveNextAsync().ConfigureAwait(false))
            {
                yield return enumerator.Current;
            }
        }
    }

    private bool ShouldRetry(Exception exception, int attempt, out TimeSpan delay)
    {
        delay = TimeSpan.Zero;
        if (attempt >= options.MaxRetries || TransientFailure.Classify(exception, time) is not { } failure)
        {
            return false;
        }

        delay = failure.RetryAfter ?? Backoff(attempt);
        if (delay > options.MaxDelay)
        {
            delay = options.MaxDelay;
        }

        Interlocked.Increment(ref retries);
        Retrying?.Invoke(attempt + 1, failure, delay);
        return true;
    }

    private TimeSpan Backoff(int attempt)
    {
        var exponential = options.BaseDelay.TotalMilliseconds * Math.Pow(2, attempt);

        // Jitter only spreads retries; it needs no cryptographic quality.
#pragma warning disable CA5394
        var spread = 1 + (options.Jitter * ((Random.Shared.NextDouble() * 2) - 1));
#pragma warning restore CA5394
        return TimeSpan.FromMilliseconds(Math.Max(0, exponential * spread));
    }
}
