using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Faithful.Analyzers.Tests.Rules;

/// <summary>
/// One plain `dotnet build` of samples/Faithful.Samples.Diagnostics, which references the analyzers as a consumer would:
/// the diagnostics appear in the build output with the severities its .editorconfig sets.
/// </summary>
public sealed partial class ConsumerBuildTests
{
    [Fact]
    public async Task A_plain_build_of_the_sample_reports_the_diagnostics_with_editorconfig_severities()
    {
        var root = AllAnalyzers.RepositoryRoot();
        var project = Path.Combine(root, "samples", "Faithful.Samples.Diagnostics", "Faithful.Samples.Diagnostics.csproj");
        var output = Path.Combine(Path.GetTempPath(), "faithful-sample-" + Guid.NewGuid().ToString("N")) + Path.DirectorySeparatorChar;
        try
        {
            var (exitCode, log) = await RunAsync(
                Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet",
                ["build", project, "-nologo", "-v:minimal", "-p:SampleBuildRoot=" + output]);

            Assert.True(exitCode == 0, "The sample must build (it only has warnings):\n" + log);
            var found = Diagnostic().Matches(log)
                .Select(m => (File: Path.GetFileName(m.Groups["file"].Value), Line: int.Parse(m.Groups["line"].Value), Severity: m.Groups["severity"].Value, Id: m.Groups["id"].Value))
                .Distinct()
                .ToList();

            // Info by default; .editorconfig raises it to a warning and lowers the budget to 4.
            Assert.Contains(("Programs.cs", 9, "warning", "FA1008"), found);
            Assert.Contains("has 6 steps, more than the step budget of 4", log, StringComparison.Ordinal);

            // An error by default; .editorconfig lowers it to a warning, so the build still succeeds.
            Assert.Contains(("Prompts.cs", 8, "warning", "FA2001"), found);
            Assert.Contains("(did you mean 'unused'?)", log, StringComparison.Ordinal);

            Assert.Contains(("Programs.cs", 13, "warning", "FA1005"), found);
            Assert.Contains(("Programs.cs", 15, "warning", "FA1006"), found);

            // Diagnostics in an additional *.prompt.md file carry its path and line.
            Assert.Contains(("registers.prompt.md", 1, "warning", "FA2002"), found);

            // Turned off in .editorconfig although the sample has an answer-only prompt.
            Assert.DoesNotContain(found, d => d.Id == "FA2003");
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }

    private static async Task<(int ExitCode, string Log)> RunAsync(string fileName, string[] arguments)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test host's MSBuild settings must not leak into the child build.
        start.Environment.Remove("MSBuildExtensionsPath");
        start.Environment.Remove("MSBUILD_EXE_PATH");
        start.Environment.Remove("MSBuildSDKsPath");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    [GeneratedRegex(@"(?<file>[^\s:()]+)\((?<line>\d+),\d+\): (?<severity>warning|error|info) (?<id>FA\d{4}):")]
    private static partial Regex Diagnostic();
}
