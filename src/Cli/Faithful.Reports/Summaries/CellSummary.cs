using Faithful.Traces.Results;
using Faithful.Traces.Scoring;

namespace Faithful.Reports.Summaries;

/// <summary>
/// The scores of a group of results (a model, or a model at one program length).
/// Results without a verdict (failed requests) count in <see cref="Errors"/> only.
/// </summary>
public sealed record CellSummary(
    int Cases,
    int Errors,
    Proportion FirstAnswerAccuracy,
    Proportion FinalAnswerAccuracy,
    Mean StepFaithfulness,
    Mean Completeness,
    Proportion RightForWrongReasons,
    IReadOnlyDictionary<FailureMode, int> Modes)
{
    public static CellSummary Of(IReadOnlyCollection<CaseResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var verdicts = results.Where(r => r.Verdict is not null).Select(r => r.Verdict!).ToList();
        var scored = verdicts.Count;
        var modes = Enum.GetValues<FailureMode>().ToDictionary(m => m, m => verdicts.Count(v => v.PrimaryMode == m));
        return new CellSummary(
            results.Count,
            results.Count - scored,
            Proportion.Of(verdicts.Count(v => v.FirstAnswerCorrect), scored),
            Proportion.Of(verdicts.Count(v => v.FinalAnswerCorrect), scored),
            Mean.OfShares(verdicts.Select(v => v.StepFaithfulness).ToList()),
            Mean.OfShares(verdicts.Select(v => v.Completeness).ToList()),
            Proportion.Of(verdicts.Count(v => v.RightForWrongReasons), scored),
            modes);
    }

    public int Scored => Cases - Errors;

    /// <summary>The share of scored results whose primary mode is <paramref name="mode"/>.</summary>
    public double ModeRate(FailureMode mode) => Scored == 0 ? 0 : (double)Modes.GetValueOrDefault(mode) / Scored;
}
