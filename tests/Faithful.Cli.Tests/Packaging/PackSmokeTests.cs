using System.Diagnostics;
using Faithful.Cli.Tests.Support;

namespace Faithful.Cli.Tests.Packaging;

/// <summary>
/// Runs eng/pack-smoke.sh: packs the analyzer, core, GpuRef, adapter, template and tool packages into a local folder
/// feed, builds and runs a fresh consumer project from it (its catalog and a GpuRef batch), installs the tool from it and
/// runs it on the consumer's catalog, and runs `dotnet test` on a project made by `dotnet new faithful-tests` from the
/// feed. Slow (it builds
/// in Release); set FAITHFUL_SKIP_PACK_TEST=1 to skip it in an inner loop.
/// </summary>
public sealed class PackSmokeTests
{
    [Fact]
    public async Task Packages_install_from_a_local_feed_into_a_fresh_consumer_that_builds_and_runs()
    {
        if (Environment.GetEnvironmentVariable("FAITHFUL_SKIP_PACK_TEST") == "1")
        {
            Assert.Skip("FAITHFUL_SKIP_PACK_TEST=1");
        }

        using var dir = new TempDir();
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(RepoPaths.Root, "eng", "pack-smoke.sh"));
        info.ArgumentList.Add(dir.Path);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(15));
        await process.WaitForExitAsync(timeout.Token);
        var output = await stdout + await stderr;

        Assert.True(process.ExitCode == 0, output);
        Assert.Contains("ConsumerPrograms.Chain: 3 steps, answer 14", output, StringComparison.Ordinal);
        Assert.Contains("template project passed dotnet test", output, StringComparison.Ordinal);
        Assert.Contains("pack smoke test passed", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(dir.Path, "feed", "Faithful.Analyzers.0.1.0.nupkg")));
        using var analyzers = System.IO.Compression.ZipFile.OpenRead(Path.Combine(dir.Path, "feed", "Faithful.Analyzers.0.1.0.nupkg"));
        var entries = analyzers.Entries.Select(e => e.FullName).ToList();
        Assert.Contains("analyzers/dotnet/cs/Faithful.Analyzers.dll", entries);

        // Faithful.Core comes once, from its own package: the analyzer package depends on it for net10.0 only.
        Assert.DoesNotContain(entries, e => e.EndsWith("Faithful.Core.dll", StringComparison.Ordinal));
        using var nuspec = new StreamReader(analyzers.GetEntry("Faithful.Analyzers.nuspec")!.Open());
        var groups = System.Xml.Linq.XDocument.Parse(await nuspec.ReadToEndAsync(TestContext.Current.CancellationToken))
            .Descendants().Where(e => e.Name.LocalName == "group").ToList();
        var group = Assert.Single(groups);
        Assert.Equal("net10.0", group.Attribute("targetFramework")?.Value);
        Assert.Equal("Faithful.Core", Assert.Single(group.Elements()).Attribute("id")?.Value);

        Assert.Contains("gpuref: 1000 traces, 1000 equal to the reference evaluator", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(dir.Path, "feed", "Faithful.GpuRef.0.1.0.nupkg")));
    }
}
