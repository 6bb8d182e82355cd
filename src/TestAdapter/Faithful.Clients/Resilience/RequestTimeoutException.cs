namespace Faithful.Clients.Resilience;

/// <summary>One attempt of a request took longer than the configured per-request timeout.</summary>
public sealed class RequestTimeoutException : TimeoutException
{
    public RequestTimeoutException(TimeSpan timeout)
        : base($"The model did not answer within the per-request timeout of {timeout.TotalSeconds:0.###} s.") => Timeout = timeout;

    public RequestTimeoutException()
    {
    }

    public RequestTimeoutException(string message)
        : base(message)
    {
    }

    public RequestTimeoutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TimeSpan Timeout { get; }
}
