using Faithful.Reports.Gating;

namespace Faithful.Cli;

/// <summary>The documented exit codes of every <c>faithful</c> command (docs/cli.md, "Exit codes").</summary>
public static class ExitCodes
{
    /// <summary>The command did what it was asked; for gate: every threshold held and no regression.</summary>
    public const int Success = GateExitCodes.Passed;

    /// <summary>The command line could not be parsed (System.CommandLine's own code).</summary>
    public const int UsageError = GateExitCodes.UsageError;

    /// <summary>An input is missing, unreadable or malformed (a file, an option value, a run file of another plan).</summary>
    public const int InvalidInput = GateExitCodes.InvalidInput;

    /// <summary>gate: at least one threshold failed (including the error rate).</summary>
    public const int ThresholdFailed = GateExitCodes.ThresholdFailed;

    /// <summary>gate: a significant regression against the baseline.</summary>
    public const int Regression = GateExitCodes.Regression;

    /// <summary>gate: both a threshold and the baseline comparison failed.</summary>
    public const int ThresholdAndRegression = GateExitCodes.ThresholdAndRegression;

    /// <summary>run: no case got a verdict (every request failed or was not run); the error summary says why.</summary>
    public const int NothingSucceeded = 6;

    /// <summary>run: another process holds the run file's lock.</summary>
    public const int RunFileInUse = 7;

    /// <summary>A fault inside faithful (a bug): one line on stderr, never a stack trace unless FAITHFUL_DEBUG=1.</summary>
    public const int InternalError = 8;
}
