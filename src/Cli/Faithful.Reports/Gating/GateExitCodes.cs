namespace Faithful.Reports.Gating;

/// <summary>The documented exit codes of <c>faithful gate</c> (docs/cli.md).</summary>
public static class GateExitCodes
{
    /// <summary>Every threshold held and no significant regression against the baseline.</summary>
    public const int Passed = 0;

    /// <summary>The command line could not be parsed (System.CommandLine's own code).</summary>
    public const int UsageError = 1;

    /// <summary>An input file is missing or unreadable.</summary>
    public const int InvalidInput = 2;

    /// <summary>At least one threshold failed.</summary>
    public const int ThresholdFailed = 3;

    /// <summary>Significantly more cases went right→wrong than wrong→right against the baseline.</summary>
    public const int Regression = 4;

    /// <summary>Both a threshold failed and the baseline comparison found a regression.</summary>
    public const int ThresholdAndRegression = 5;
}
