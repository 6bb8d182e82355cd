using Faithful.Cli.Tests.Support;

namespace Faithful.Cli.Tests.Commands;

/// <summary><c>faithful run</c> computes ground truth through GpuRef on the backend that --backend or the environment picks.</summary>
public sealed class GroundTruthBackendTests
{
    // Integer, floating-point and register programs: 6 programs × 4 inputs = 24 cases.
    private static readonly string[] Grid = ["run", "--lengths", "5,14", "--depths", "2", "--variant", "long", "--variant", "double", "--variant", "register", "--inputs", "4"];

    [Fact]
    public async Task The_compiled_cpu_and_the_ilgpu_kernel_give_byte_identical_reports()
    {
        using var dir = new TempDir();

        var cpu = await CliProcess.RunAsync([.. Grid, "--backend", "cpu", "--out", dir["cpu"]]);
        var kernel = await CliProcess.RunAsync([.. Grid, "--backend", "ilgpu-cpu", "--out", dir["kernel"]]);

        Assert.True(cpu.ExitCode == 0, cpu.Output);
        Assert.True(kernel.ExitCode == 0, kernel.Output);
        Assert.Contains("ground truth: 24 (program, inputs) pairs on cpu (programs compiled", cpu.Output, StringComparison.Ordinal);
        Assert.Contains("ground truth: 24 (program, inputs) pairs on ilgpu-cpu", kernel.Output, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllText(Path.Combine(dir["cpu"], "report.json")), File.ReadAllText(Path.Combine(dir["kernel"], "report.json")));
    }

    [Fact]
    public async Task The_environment_variable_picks_the_backend_and_the_option_overrides_it()
    {
        using var dir = new TempDir();
        var environment = new Dictionary<string, string> { ["FAITHFUL_GPUREF_BACKEND"] = "cpu" };
        string[] small = ["run", "--lengths", "5", "--depths", "1", "--inputs", "2"];

        var fromEnvironment = await CliProcess.RunAsync([.. small, "--out", dir["env"]], environment);
        var badOption = await CliProcess.RunAsync([.. small, "--backend", "tpu", "--out", dir["bad"]], environment);
        var badEnvironment = await CliProcess.RunAsync([.. small, "--out", dir["bad-env"]], new Dictionary<string, string> { ["FAITHFUL_GPUREF_BACKEND"] = "tpu" });

        Assert.True(fromEnvironment.ExitCode == 0, fromEnvironment.Output);
        Assert.Contains("pairs on cpu (programs compiled", fromEnvironment.Output, StringComparison.Ordinal);
        Assert.NotEqual(0, badOption.ExitCode);
        Assert.Contains("--backend 'tpu' is not a ground-truth backend; use auto, cuda, opencl, ilgpu-cpu or cpu.", badOption.Output, StringComparison.Ordinal);
        Assert.NotEqual(0, badEnvironment.ExitCode);
        Assert.Contains("FAITHFUL_GPUREF_BACKEND='tpu' is not a GpuRef backend", badEnvironment.Output, StringComparison.Ordinal);
    }
}
