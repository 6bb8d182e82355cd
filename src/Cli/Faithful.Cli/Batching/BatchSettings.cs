namespace Faithful.Cli.Batching;

/// <summary>How a batch-mode run submits and waits.</summary>
/// <param name="MaxRequestsPerBatch">Requests per batch (the Batch API takes at most 50,000).</param>
/// <param name="PollInterval">Time between status checks of unfinished batches.</param>
internal sealed record BatchSettings(int MaxRequestsPerBatch, TimeSpan PollInterval)
{
    public const int ApiMaxRequests = 50_000;
}
