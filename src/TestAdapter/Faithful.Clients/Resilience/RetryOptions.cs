namespace Faithful.Clients.Resilience;

/// <summary>How failed requests are retried: exponential backoff with jitter, or the server's Retry-After when it gives one.</summary>
public sealed record RetryOptions
{
    /// <summary>Retries after the first attempt (so at most MaxRetries + 1 attempts).</summary>
    public int MaxRetries { get; init; } = 5;

    /// <summary>The first backoff; attempt <c>n</c> waits about <c>BaseDelay * 2^n</c>.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>No single wait exceeds this, whatever Retry-After says.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Spread backoffs by up to this share at random, so parallel cases do not retry in lockstep.</summary>
    public double Jitter { get; init; } = 0.2;
}
