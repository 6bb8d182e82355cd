using System.ClientModel;
using System.ClientModel.Primitives;
using System.Text.Json;
using OpenAI;
using OpenAI.Batch;
using OpenAI.Files;

namespace Faithful.Cli.Batching;

/// <summary>What the Batch API says of a batch.</summary>
internal sealed record BatchStatus(string Id, string Status, string? InputFileId, string? OutputFileId, string? ErrorFileId, int Total, int Completed, int Failed, string? Errors)
{
    /// <summary>The batch will not change any more.</summary>
    public bool IsFinal => Status is "completed" or "failed" or "expired" or "cancelled";

    public static BatchStatus Read(JsonElement batch)
    {
        var counts = batch.TryGetProperty("request_counts", out var c) && c.ValueKind == JsonValueKind.Object ? c : default;
        string? errors = null;
        if (batch.TryGetProperty("errors", out var e) && e.ValueKind == JsonValueKind.Object && e.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array)
        {
            errors = string.Join("; ", data.EnumerateArray().Select(d => d.TryGetProperty("message", out var m) ? m.GetString() : d.GetRawText()).Take(5));
        }

        return new BatchStatus(
            Text(batch, "id") ?? "",
            Text(batch, "status") ?? "unknown",
            Text(batch, "input_file_id"),
            Text(batch, "output_file_id"),
            Text(batch, "error_file_id"),
            Count(counts, "total"),
            Count(counts, "completed"),
            Count(counts, "failed"),
            errors);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int Count(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.TryGetInt32(out var number) ? number : 0;
}

/// <summary>
/// The few Batch API calls a run makes, through the official OpenAI SDK: upload a request file, create a batch, find a
/// batch by its input file (to adopt one created by a run killed before it could save the id), read a batch, and
/// download a result file to disk as a stream.
/// </summary>
internal sealed class OpenAIBatches(OpenAIClient client)
{
    private readonly OpenAIFileClient _files = client.GetOpenAIFileClient();
    private readonly BatchClient _batches = client.GetBatchClient();

    public async Task<string> UploadAsync(string requestFile, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(requestFile);
        var uploaded = await _files.UploadFileAsync(stream, Path.GetFileName(requestFile), FileUploadPurpose.Batch, cancellationToken).ConfigureAwait(false);
        return uploaded.Value.Id;
    }

    public async Task<BatchStatus> CreateAsync(string inputFileId, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        var body = BinaryContent.Create(BinaryData.FromObjectAsJson(new Dictionary<string, object>
        {
            ["input_file_id"] = inputFileId,
            ["endpoint"] = BatchRequests.Endpoint,
            ["completion_window"] = "24h",
            ["metadata"] = metadata,
        }));
        var operation = await _batches.CreateBatchAsync(body, waitUntilCompleted: false, Options(cancellationToken)).ConfigureAwait(false);
        return Read(operation.GetRawResponse());
    }

    public async Task<BatchStatus> GetAsync(string batchId, CancellationToken cancellationToken)
    {
        var result = await _batches.GetBatchAsync(batchId, Options(cancellationToken)).ConfigureAwait(false);
        return Read(result.GetRawResponse());
    }

    /// <summary>The most recent batch whose input is <paramref name="inputFileId"/>, looking through the latest batches.</summary>
    public async Task<BatchStatus?> FindByInputFileAsync(string inputFileId, CancellationToken cancellationToken)
    {
        var pages = 0;
        var listing = _batches.GetBatchesAsync(after: null, limit: 100, Options(cancellationToken));
        await foreach (var page in listing.GetRawPagesAsync().WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            using var document = JsonDocument.Parse(page.GetRawResponse().Content);
            foreach (var batch in document.RootElement.GetProperty("data").EnumerateArray())
            {
                var status = BatchStatus.Read(batch);
                if (status.InputFileId == inputFileId)
                {
                    return status;
                }
            }

            // A batch created moments before a kill is among the newest; older pages need not be read.
            if (++pages == 10)
            {
                break;
            }
        }

        return null;
    }

    /// <summary>Streams a result file to <paramref name="destination"/> without holding it in memory.</summary>
    public async Task DownloadAsync(string fileId, string destination, CancellationToken cancellationToken)
    {
        var options = Options(cancellationToken);
        options.BufferResponse = false;
        var result = await _files.DownloadFileAsync(fileId, options).ConfigureAwait(false);
        var temporary = destination + ".part";
        await using (var target = File.Create(temporary))
        {
            await using var source = result.GetRawResponse().ContentStream!;
            await source.CopyToAsync(target, cancellationToken).ConfigureAwait(false);
        }

        File.Move(temporary, destination, overwrite: true);
    }

    private static RequestOptions Options(CancellationToken cancellationToken) => new() { CancellationToken = cancellationToken };

    private static BatchStatus Read(PipelineResponse response)
    {
        using var document = JsonDocument.Parse(response.Content);
        return BatchStatus.Read(document.RootElement);
    }
}
