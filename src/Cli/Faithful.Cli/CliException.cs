namespace Faithful.Cli;

/// <summary>A problem the user can fix (a missing file, a malformed option): printed as one clear line, never a stack trace.</summary>
public sealed class CliException(string message, int exitCode = Reports.Gating.GateExitCodes.InvalidInput) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
