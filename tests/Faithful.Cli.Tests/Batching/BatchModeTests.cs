using System.Text.Json.Nodes;
using Faithful.Cli.Tests.Support;
using Faithful.Reports.RunFiles;

namespace Faithful.Cli.Tests.Batching;

/// <summary><c>faithful run --batch</c> against a loopback fake of the Batch API, as a user would run it.</summary>
public sealed class BatchModeTests : IAsyncLifetime
{
    // 2 programs × 3 inputs = 6 requests in one batch.
    private static readonly string[] Plan = ["run", "--lengths", "5", "--depths", "1,2", "--inputs", "3", "--model", "openai:gpt-test", "--batch", "--batch-poll-seconds", "0.05"];

    private readonly TempDir _dir = new();
    private FakeBatchServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await FakeBatchServer.StartAsync();

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _dir.Dispose();
    }

    private Dictionary<string, string> Environment => new()
    {
        ["FAITHFUL_OPENAI_ENDPOINT"] = _server.Endpoint.ToString(),
        ["OPENAI_API_KEY"] = "sk-test-batch-key",
    };

    private string RunFilePath => Path.Combine(_dir.Path, "run.jsonl");

    [Fact]
    public async Task A_run_killed_between_submit_and_download_resumes_the_same_batch_without_submitting_again()
    {
        _server.Hold = true;
        await StartAndKillOnceSubmittedAsync();
        Assert.Equal(1, _server.Creates);
        Assert.Empty(RunFileReader.Read(RunFilePath).Results);

        _server.Hold = false;
        var resumed = await CliProcess.RunAsync([.. Plan, "--out", _dir.Path], Environment);

        Assert.True(resumed.ExitCode == 0, resumed.Output);
        Assert.Contains("resuming batch part 1 of openai:gpt-test (6 requests, batch-", resumed.Output, StringComparison.Ordinal);
        Assert.Equal(1, _server.Uploads);
        Assert.Equal(1, _server.Creates);
        var results = RunFileReader.Read(RunFilePath).Results;
        Assert.Equal(6, results.Count);
        Assert.All(results, r => Assert.NotNull(r.Verdict));
        Assert.All(results, r => Assert.StartsWith("batch-", r.Metadata!["openai.batch"], StringComparison.Ordinal));
        Assert.Contains("resumed 0 cases from the run file, requested 6", resumed.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_dir.Path, "report.html")));
        Assert.DoesNotContain("sk-test-batch-key", File.ReadAllText(BatchStatePath()), StringComparison.Ordinal);

        // Complete: a third run asks nothing.
        var again = await CliProcess.RunAsync([.. Plan, "--out", _dir.Path], Environment);
        Assert.True(again.ExitCode == 0, again.Output);
        Assert.Contains("resumed 6 cases from the run file, requested 0", again.Output, StringComparison.Ordinal);
        Assert.Equal(1, _server.Creates);
    }

    [Fact]
    public async Task A_batch_created_just_before_the_kill_is_found_by_its_input_file_and_not_created_again()
    {
        _server.Hold = true;
        await StartAndKillOnceSubmittedAsync();

        // As if the run had died after the create call returned but before it saved the batch id.
        var state = JsonNode.Parse(File.ReadAllText(BatchStatePath()))!;
        state["batches"]![0]!.AsObject().Remove("batchId");
        File.WriteAllText(BatchStatePath(), state.ToJsonString());

        _server.Hold = false;
        var resumed = await CliProcess.RunAsync([.. Plan, "--out", _dir.Path], Environment);

        Assert.True(resumed.ExitCode == 0, resumed.Output);
        Assert.Contains("found the batch created before the interruption", resumed.Output, StringComparison.Ordinal);
        Assert.Equal(1, _server.Uploads);
        Assert.Equal(1, _server.Creates);
        Assert.Equal(6, RunFileReader.Read(RunFilePath).Results.Count(r => r.Verdict is not null));
    }

    [Fact]
    public async Task Requests_that_fail_inside_a_batch_are_errors_that_the_next_run_asks_again_in_a_new_batch()
    {
        var failOnce = new HashSet<string>();
        _server.Fails = id => failOnce.Count < 2 && failOnce.Add(id);

        var first = await CliProcess.RunAsync([.. Plan, "--out", _dir.Path], Environment);
        Assert.True(first.ExitCode == 0, first.Output);
        var afterFirst = RunFileReader.Read(RunFilePath).Results;
        Assert.Equal(2, afterFirst.Count(r => r.Verdict is null && r.Error!.Contains("HTTP 500", StringComparison.Ordinal)));
        Assert.Equal(4, afterFirst.Count(r => r.Verdict is not null));

        var second = await CliProcess.RunAsync([.. Plan, "--out", _dir.Path], Environment);
        Assert.True(second.ExitCode == 0, second.Output);
        Assert.Equal([6, 2], _server.BatchSizes);
        Assert.Equal(6, RunFileReader.Read(RunFilePath).Results.Count(r => r.Verdict is not null));
    }

    [Fact]
    public async Task Batch_mode_refuses_models_the_Batch_API_does_not_serve()
    {
        var run = await CliProcess.RunAsync(["run", "--lengths", "5", "--depths", "1", "--inputs", "1", "--model", "sim:study", "--batch", "--out", _dir.Path]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("openai: models only; 'sim:study' is not one", run.Output, StringComparison.Ordinal);
    }

    private string BatchStatePath() => RunFilePath + ".batch.json";

    // Starts a batch run and kills it once the batch is created, its id saved and a status check made.
    private async Task StartAndKillOnceSubmittedAsync()
    {
        using var process = CliProcess.Start([.. Plan, "--out", _dir.Path], Environment);
        var deadline = DateTime.UtcNow.AddSeconds(90);
        var pollsAtSave = -1;
        while (!process.HasExited && DateTime.UtcNow < deadline)
        {
            if (pollsAtSave < 0 && File.Exists(BatchStatePath()) && File.ReadAllText(BatchStatePath()).Contains("\"batchId\"", StringComparison.Ordinal))
            {
                pollsAtSave = _server.Polls;
            }

            if (pollsAtSave >= 0 && _server.Polls > pollsAtSave)
            {
                break;
            }

            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        if (process.HasExited)
        {
            Assert.Fail("the batch run ended before it could be killed: " + await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken));
        }

        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
    }
}
