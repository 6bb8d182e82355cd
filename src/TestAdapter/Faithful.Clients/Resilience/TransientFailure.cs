using System.ClientModel;
using System.Globalization;
using System.Net;

namespace Faithful.Clients.Resilience;

/// <summary>
/// Decides whether a failed attempt is worth retrying and how long the server asked us to wait.
/// The OpenAI SDK surfaces HTTP failures as <see cref="ClientResultException"/> with the raw response
/// (status and headers); OllamaSharp and plain HTTP as <see cref="HttpRequestException"/>.
/// </summary>
public readonly record struct TransientFailure(int? Status, TimeSpan? RetryAfter)
{
    public static TransientFailure? Classify(Exception exception, TimeProvider time)
    {
        switch (exception)
        {
            case RequestTimeoutException:
                return new TransientFailure(null, null);
            case ClientResultException result when IsTransientStatus(result.Status) || result.Status == 0:
                return new TransientFailure(result.Status == 0 ? null : result.Status, ReadRetryAfter(result, time));
            case HttpRequestException http when http.StatusCode is null || IsTransientStatus((int)http.StatusCode):
                return new TransientFailure(http.StatusCode is { } code ? (int)code : null, null);
            case IOException:
                return new TransientFailure(null, null);
            default:
                return null;
        }
    }

    public static bool IsTransientStatus(int status) =>
        status is (int)HttpStatusCode.RequestTimeout or (int)HttpStatusCode.TooManyRequests or >= 500 and <= 599;

    private static TimeSpan? ReadRetryAfter(ClientResultException result, TimeProvider time)
    {
        var headers = result.GetRawResponse()?.Headers;
        if (headers is null)
        {
            return null;
        }

        // OpenAI sends a millisecond variant besides the standard header; prefer it when present.
        if (headers.TryGetValue("retry-after-ms", out var ms) && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var millis) && millis >= 0)
        {
            return TimeSpan.FromMilliseconds(millis);
        }

        if (!headers.TryGetValue("Retry-After", out var value) || string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return ParseRetryAfter(value, time.GetUtcNow());
    }

    /// <summary>Retry-After is either delay-seconds or an HTTP date (RFC 9110 §10.2.3).</summary>
    public static TimeSpan? ParseRetryAfter(string value, DateTimeOffset now)
    {
        if (double.TryParse(value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        if (DateTimeOffset.TryParseExact(value.Trim(), "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            var wait = date - now;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }
}
