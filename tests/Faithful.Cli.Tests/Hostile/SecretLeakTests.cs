using Faithful.Cli.Tests.Support;
using Faithful.TestAdapter.Tests.Server;

namespace Faithful.Cli.Tests.Hostile;

/// <summary>
/// The grep test: a loopback OpenAI-compatible server echoes the API key back in every fault mode (401, 429, 500 bodies,
/// the reply text itself) and the run also times out and fails to connect; no file that faithful run, report or gate
/// writes, and nothing they print, contains the key.
/// </summary>
public sealed class SecretLeakTests : IAsyncLifetime
{
    // Not a credential shape: only the configured-key redaction can catch it.
    private const string Key = "faithful-fake-key-7Q2xZ9vLw0";
    private const string ShapedKey = "sk-live-AbCdEf0123456789xyzUnconfigured";

    private FakeOpenAIServer server = null!;

    public async ValueTask InitializeAsync()
    {
        server = await FakeOpenAIServer.StartAsync();
        server.EchoAuthorization = true;
        server.RetryAfter = "0";
    }

    public async ValueTask DisposeAsync() => await server.DisposeAsync();

    public static TheoryData<string> FaultModes => ["wrong-key", "unauthorized", "rate-limited", "server-error", "timeout", "echoing-reply", "connection-refused"];

    [Theory]
    [MemberData(nameof(FaultModes))]
    public async Task No_written_file_and_no_output_contains_the_key(string mode)
    {
        using var dir = new TempDir();
        var endpoint = server.Endpoint.ToString();
        server.ExpectedApiKey = null;
        server.DefaultBehavior = Behavior.Answer;
        server.Reply = _ => "Final answer: 0";
        switch (mode)
        {
            case "wrong-key":
                server.ExpectedApiKey = "the-key-the-server-wants-0000";
                break;
            case "unauthorized":
                server.DefaultBehavior = Behavior.Unauthorized;
                break;
            case "rate-limited":
                server.DefaultBehavior = Behavior.RateLimited;
                break;
            case "server-error":
                server.DefaultBehavior = Behavior.ServerError;
                break;
            case "timeout":
                server.DefaultBehavior = Behavior.Hang;
                break;
            case "echoing-reply":
                server.Reply = prompt => $"My key is {Key}; also {ShapedKey}; Authorization: Bearer {Key}\nFinal answer: 0";
                break;
            case "connection-refused":
                endpoint = "http://127.0.0.1:9/v1/";
                break;
        }

        var environment = new Dictionary<string, string>
        {
            ["FAITHFUL_OPENAI_ENDPOINT"] = endpoint,
            ["OPENAI_API_KEY"] = Key,
            ["FAITHFUL_TIMEOUT_SECONDS"] = "1",
        };
        var runFile = Path.Combine(dir.Path, "run.jsonl");
        var run = await CliProcess.RunAsync(
            ["run", "--lengths", "5", "--depths", "1", "--inputs", "2", "--model", "openai:test-model", "--max-retries", "1", "--out", dir.Path, "--cache", dir["cache"], "--cache-mode", "record"],
            environment);
        var report = await CliProcess.RunAsync(["report", runFile, "--out", dir["report"]], environment);
        var gate = await CliProcess.RunAsync(["gate", runFile, "--markdown", dir["gate.md"]], environment);
        var bless = await CliProcess.RunAsync(["bless", runFile, "--output", dir["baseline.json"]], environment);

        Assert.True(File.Exists(runFile), run.Output);
        Assert.True(mode == "echoing-reply" || server.RequestCount > 0 || mode == "connection-refused", "the server was reached");
        var files = Directory.EnumerateFiles(dir.Path, "*", SearchOption.AllDirectories).ToList();
        Assert.Contains(files, f => f.EndsWith("junit.xml", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith("gate.md", StringComparison.Ordinal));
        foreach (var file in files)
        {
            var text = await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken);
            Assert.False(text.Contains(Key, StringComparison.Ordinal), $"{mode}: {file} contains the key");
            Assert.False(text.Contains(ShapedKey, StringComparison.Ordinal), $"{mode}: {file} contains the echoed sk- key");
        }

        foreach (var output in new[] { run.Output, report.Output, gate.Output, bless.Output })
        {
            Assert.DoesNotContain(Key, output, StringComparison.Ordinal);
            Assert.DoesNotContain(ShapedKey, output, StringComparison.Ordinal);
        }

        if (mode is "wrong-key" or "unauthorized" or "echoing-reply")
        {
            // The echo did arrive and was masked, not dropped on the way.
            var written = await File.ReadAllTextAsync(runFile, TestContext.Current.CancellationToken);
            Assert.Contains("[REDACTED]", written, StringComparison.Ordinal);
        }
    }
}
