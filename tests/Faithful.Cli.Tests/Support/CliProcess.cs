using System.Diagnostics;
using System.Text;

namespace Faithful.Cli.Tests.Support;

/// <summary>Runs the built <c>faithful</c> tool as a child process, as a user or CI would.</summary>
internal static class CliProcess
{
    /// <summary>
    /// The tool as the Cli project built it, with its own dependencies beside it. The copy in this test folder shares it
    /// with ASP.NET Core (the loopback server), whose shared framework stands in for packages the tool needs alone.
    /// </summary>
    public static string ToolPath
    {
        get
        {
            var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var configuration = framework.Parent!.Name;
            var built = Path.Combine(RepoPaths.Root, "src", "Cli", "Faithful.Cli", "bin", configuration, framework.Name, "faithful.dll");
            return File.Exists(built) ? built : Path.Combine(AppContext.BaseDirectory, "faithful.dll");
        }
    }

    public sealed record Outcome(int ExitCode, string Output);

    public static Process Start(params string[] args) => Start(args, new Dictionary<string, string>());

    public static Process Start(string[] args, IReadOnlyDictionary<string, string> environment)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(ToolPath);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["CI"] = "true";
        info.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        return Process.Start(info) ?? throw new InvalidOperationException("could not start dotnet");
    }

    public static Task<Outcome> RunAsync(params string[] args) => RunAsync(args, new Dictionary<string, string>());

    public static async Task<Outcome> RunAsync(string[] args, IReadOnlyDictionary<string, string> environment)
    {
        using var process = Start(args, environment);
        var output = new StringBuilder();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        output.Append(await stdout).Append(await stderr);
        return new Outcome(process.ExitCode, output.ToString());
    }
}

/// <summary>Runs commands that touch no process-wide state (report, gate, bless, score) in this process.</summary>
internal static class CliInProcess
{
    public static async Task<CliProcess.Outcome> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var exit = await CliApp.RunAsync(args, new CliConsole(output, output));
        return new CliProcess.Outcome(exit, output.ToString());
    }
}
