using System.ClientModel;
using System.Net;
using System.Net.Sockets;
using Faithful.Clients.Caching;
using Faithful.Clients.Resilience;

namespace Faithful.Clients.Running;

/// <summary>
/// Why a request failed, as a short cause shared by every case it hit ("HTTP 401 unauthorized", "connection failed",
/// "timeout") with what to do about it. The case runner records the cause in a failed result's metadata under
/// <see cref="MetadataKey"/>, so a run can print one summary line per cause instead of one error per case.
/// </summary>
public sealed record RequestFailure(string Cause, string Advice)
{
    /// <summary>Metadata key of a failed result's cause.</summary>
    public const string MetadataKey = "error.cause";

    /// <summary>Cause of results whose case was never sent (a spent budget, inputs the program faults on).</summary>
    public static RequestFailure NotRun { get; } = new("not run", "the budget was spent or the program faults on the inputs; see each case's error");

    public static RequestFailure Classify(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            RequestTimeoutException or TimeoutException => new("timeout", "the model did not answer in time; raise FAITHFUL_TIMEOUT_SECONDS, lower --concurrency, or check the server"),
            ReplayMissException => new("not in the replay cache", "record the missing responses first (--cache-mode record) or run live"),
            ClientResultException { Status: > 0 } result => FromStatus(result.Status),
            HttpRequestException { StatusCode: { } code } => FromStatus((int)code),
            HttpRequestException or SocketException or ClientResultException or IOException => new("connection failed", "check the endpoint (FAITHFUL_OPENAI_ENDPOINT, AZURE_OPENAI_ENDPOINT, OLLAMA_HOST) and that the server is running and reachable"),
            _ when StatusOf(exception) is { } status => FromStatus(status),
            _ when exception.InnerException is { } inner => Classify(inner),
            _ => new(exception.GetType().Name, "see the first message; a resumed run retries failed cases"),
        };
    }

    /// <summary>
    /// The failure a recorded cause stands for (its advice), or one read from the error text of results written before
    /// causes were recorded: <c>not run: …</c>, <c>request failed: Type: …</c>.
    /// </summary>
    public static RequestFailure FromRecord(string? cause, string? error)
    {
        cause ??= error switch
        {
            null => "unknown",
            _ when error.StartsWith(CaseRunner.NotRunPrefix, StringComparison.Ordinal) => NotRun.Cause,
            _ when error.StartsWith("request failed: ", StringComparison.Ordinal) => error["request failed: ".Length..].Split(':', 2)[0],
            _ => "other",
        };
        if (cause.StartsWith("HTTP ", StringComparison.Ordinal) && int.TryParse(cause.AsSpan(5, Math.Min(3, cause.Length - 5)), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var status))
        {
            return FromStatus(status);
        }

        return cause switch
        {
            "timeout" or nameof(RequestTimeoutException) or nameof(TimeoutException) => Classify(new RequestTimeoutException()),
            "connection failed" or nameof(HttpRequestException) or nameof(SocketException) => Classify(new HttpRequestException()),
            "not in the replay cache" => new(cause, "record the missing responses first (--cache-mode record) or run live"),
            "not run" => NotRun,
            _ => new(cause, "see the first message; a resumed run retries failed cases"),
        };
    }

    private static RequestFailure FromStatus(int status) => status switch
    {
        401 or 403 => new($"HTTP {status} unauthorized", "check the API key (OPENAI_API_KEY, AZURE_OPENAI_API_KEY, ANTHROPIC_API_KEY) and its access to the model"),
        404 => new("HTTP 404 not found", "check the model name and the endpoint"),
        400 or 422 => new($"HTTP {status} bad request", "the provider refused the request; check the model name and options such as --max-tokens"),
        429 => new("HTTP 429 rate limited", "lower --concurrency or --requests-per-second, or raise --max-retries; the provider's limit was reached"),
        >= 500 and <= 599 => new($"HTTP {status} server error", "the provider failed; a resumed run retries these cases"),
        _ => new($"HTTP {status}", "see the first message"),
    };

    // Other SDKs (Anthropic's) expose the HTTP status as a StatusCode property.
    private static int? StatusOf(Exception exception) =>
        (exception.GetType().GetProperty("StatusCode") ?? exception.GetType().GetProperty("Status"))?.GetValue(exception) switch
        {
            int code when code > 0 => code,
            HttpStatusCode code => (int)code,
            _ => null,
        };
}
