using Faithful.Traces.Results;
using Faithful.Traces.Scoring;

namespace Faithful.Reports.Gating;

/// <summary>What "the case is right" means when comparing a run with its baseline.</summary>
public enum CaseCorrectness
{
    /// <summary>The first final answer given is right (the study's headline measure).</summary>
    FirstAnswer,

    /// <summary>The last final answer given is right.</summary>
    FinalAnswer,

    /// <summary>The whole trace is faithful: primary mode <see cref="FailureMode.Correct"/>.</summary>
    Faithful,
}

public static class CaseCorrectnessExtensions
{
    /// <summary>Whether <paramref name="result"/> counts as right; a failed request is never right.</summary>
    public static bool IsRight(this CaseCorrectness correctness, CaseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Verdict is { } verdict && correctness switch
        {
            CaseCorrectness.FinalAnswer => verdict.FinalAnswerCorrect,
            CaseCorrectness.Faithful => verdict.PrimaryMode == FailureMode.Correct,
            _ => verdict.FirstAnswerCorrect,
        };
    }

    /// <summary>Whether the case of a report's case list counts as right; a failed request is never right.</summary>
    public static bool IsRight(this CaseCorrectness correctness, Formats.ReportCase reportCase)
    {
        ArgumentNullException.ThrowIfNull(reportCase);
        return reportCase.Mode is not null && correctness switch
        {
            CaseCorrectness.FinalAnswer => reportCase.FinalAnswerCorrect,
            CaseCorrectness.Faithful => reportCase.IsFaithful,
            _ => reportCase.FirstAnswerCorrect,
        };
    }
}
