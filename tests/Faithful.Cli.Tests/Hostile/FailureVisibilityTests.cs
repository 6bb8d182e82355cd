using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Faithful.Cli.Tests.Support;
using Faithful.Model;
using Faithful.Reports.RunFiles;
using Faithful.Traces.Results;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Faithful.Cli.Tests.Hostile;

/// <summary>Failed requests and internal faults must be seen: a summary by cause, a documented exit code, never a stack trace.</summary>
public sealed class FailureVisibilityTests
{
    private static readonly string[] TinyPlan = ["run", "--lengths", "5", "--depths", "1", "--inputs", "2", "--model", "openai:test-model", "--max-retries", "0"];

    [Fact]
    public async Task A_run_where_every_request_fails_prints_an_error_summary_and_exits_6()
    {
        using var dir = new TempDir();
        var environment = new Dictionary<string, string>
        {
            ["FAITHFUL_OPENAI_ENDPOINT"] = $"http://127.0.0.1:{ClosedPort()}/v1/",
            ["OPENAI_API_KEY"] = "unused-key-for-a-closed-port",
        };

        var outcome = await CliProcess.RunAsync([.. TinyPlan, "--out", dir.Path], environment);

        Assert.True(outcome.ExitCode == 6, outcome.Output);
        Assert.Contains("2 of 2 cases failed", outcome.Output, StringComparison.Ordinal);
        Assert.Contains("2 × connection failed", outcome.Output, StringComparison.Ordinal);
        Assert.Contains("FAITHFUL_OPENAI_ENDPOINT", outcome.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", outcome.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(dir.Path, "report.html")), "the reports are still written");
    }

    [Fact]
    public async Task Gate_fails_by_default_when_too_many_cases_errored_and_the_threshold_is_configurable()
    {
        using var dir = new TempDir();
        var runFile = dir["run.jsonl"];
        var results = Enumerable.Range(0, 10).Select(i => i < 3
            ? Errored(i)
            : SyntheticResults.Make("openai:m", "P.A", 5, i, Traces.Scoring.FailureMode.Correct, true, 5));
        await File.WriteAllLinesAsync(runFile, results.Select(r => JsonSerializer.Serialize(r, FaithfulJson.Options)), TestContext.Current.CancellationToken);

        var byDefault = await CliInProcess.RunAsync("gate", runFile);
        var lenient = await CliInProcess.RunAsync("gate", runFile, "--max-error-rate", "0.5");

        Assert.True(byDefault.ExitCode == 3, byDefault.Output);
        Assert.Contains("error rate: 30.0% of cases (maximum 10.0%)", byDefault.Output, StringComparison.Ordinal);
        Assert.True(lenient.ExitCode == 0, lenient.Output);
    }

    [Fact]
    public async Task A_catalog_that_throws_is_one_error_line_not_a_stack_trace()
    {
        using var dir = new TempDir();
        var dll = CompileThrowingCatalog(dir.Path);

        var outcome = await CliProcess.RunAsync("run", "--assembly", dll, "--out", dir["out"]);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("threw InvalidOperationException: the catalog is broken", outcome.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", outcome.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unexpected_exception_in_a_command_is_one_line_with_the_internal_error_code()
    {
        var output = new StringWriter();
        var console = new CliConsole(output, output);

        var exit = CliApp.Guard(console, () => throw new InvalidOperationException("something nobody planned for"));

        Assert.Equal(ExitCodes.InternalError, exit);
        Assert.Contains("error: internal error (InvalidOperationException: something nobody planned for)", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output.ToString(), StringComparison.Ordinal);
    }

    private static CaseResult Errored(int sample) =>
        SyntheticResults.Make("openai:m", "P.A", 5, sample, Traces.Scoring.FailureMode.Correct, true, 5) with { Verdict = null, Error = "request failed: HttpRequestException: Connection refused", Reply = "" };

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string CompileThrowingCatalog(string directory)
    {
        const string source = """
            namespace Faithful.Generated;
            public static class ReferencePrograms
            {
                public static System.Collections.Generic.IEnumerable<Faithful.Model.StepProgram> All => throw new System.InvalidOperationException("the catalog is broken");
            }
            """;
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var compilation = CSharpCompilation.Create(
            "ThrowingCatalog",
            [CSharpSyntaxTree.ParseText(source)],
            [
                MetadataReference.CreateFromFile(typeof(object).Assembly.Location),
                MetadataReference.CreateFromFile(Path.Combine(runtime, "System.Runtime.dll")),
                MetadataReference.CreateFromFile(typeof(StepProgram).Assembly.Location),
            ],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var path = Path.Combine(directory, "ThrowingCatalog.dll");
        var emitted = compilation.Emit(path);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        File.Copy(typeof(StepProgram).Assembly.Location, Path.Combine(directory, Path.GetFileName(typeof(StepProgram).Assembly.Location)), overwrite: true);
        return path;
    }
}
