using System.CommandLine;
using Faithful.Cli.Commands;
using Faithful.Reports.Gating;

namespace Faithful.Cli;

/// <summary>The <c>faithful</c> command tree.</summary>
public static class CliApp
{
    public static RootCommand Build(CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var root = new RootCommand("faithful: test whether language models faithfully execute step-by-step procedures.")
        {
            ReportCommand.Create(console),
            GateCommand.Create(console),
            BlessCommand.Create(console),
            RunCommand.Create(console),
            GenCommand.Create(console),
            ScoreCommand.Create(console),
            AgreeCommand.Create(console),
            MergeCommand.Create(console),
            ExportCommand.Create(console),
        };
        return root;
    }

    public static Task<int> RunAsync(string[] args, CliConsole? console = null)
    {
        console ??= CliConsole.System;
        var configuration = new InvocationConfiguration { Output = console.Out, Error = console.Error };
        return Build(console).Parse(args).InvokeAsync(configuration);
    }

    /// <summary>Runs a command body, turning user-fixable problems into one error line and an exit code.</summary>
    internal static int Guard(CliConsole console, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (CliException e)
        {
            console.Error.WriteLine("error: " + e.Message);
            return e.ExitCode;
        }
        catch (IOException e)
        {
            console.Error.WriteLine("error: " + e.Message);
            return GateExitCodes.InvalidInput;
        }
        catch (UnauthorizedAccessException e)
        {
            console.Error.WriteLine("error: " + e.Message);
            return GateExitCodes.InvalidInput;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return InternalError(console, e);
        }
    }

    internal static async Task<int> GuardAsync(CliConsole console, Func<Task<int>> body)
    {
        try
        {
            return await body().ConfigureAwait(false);
        }
        catch (CliException e)
        {
            await console.Error.WriteLineAsync("error: " + e.Message).ConfigureAwait(false);
            return e.ExitCode;
        }
        catch (IOException e)
        {
            await console.Error.WriteLineAsync("error: " + e.Message).ConfigureAwait(false);
            return GateExitCodes.InvalidInput;
        }
        catch (UnauthorizedAccessException e)
        {
            await console.Error.WriteLineAsync("error: " + e.Message).ConfigureAwait(false);
            return GateExitCodes.InvalidInput;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return InternalError(console, e);
        }
    }

    /// <summary>Set to 1 to print the stack trace of an internal error (for a bug report).</summary>
    public const string DebugVariable = "FAITHFUL_DEBUG";

    // A bug in faithful: one line the user can report, the stack trace only on request.
    private static int InternalError(CliConsole console, Exception e)
    {
        console.Error.WriteLine($"error: internal error ({e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}). This is a bug in faithful; please report it with the command you ran (set {DebugVariable}=1 to see where it happened).");
        if (Environment.GetEnvironmentVariable(DebugVariable) is "1" or "true")
        {
            console.Error.WriteLine(e.ToString());
        }

        return ExitCodes.InternalError;
    }

    internal static Option<CaseCorrectness> CorrectnessOption() => new("--correctness")
    {
        Description = "What makes a case right in the baseline comparison: FirstAnswer (the study's measure), FinalAnswer or Faithful.",
        DefaultValueFactory = _ => CaseCorrectness.FirstAnswer,
    };
}
