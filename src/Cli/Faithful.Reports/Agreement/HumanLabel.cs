namespace Faithful.Reports.Agreement;

/// <summary>
/// One reply as a careful human reader labelled it (a line of a <c>faithful.labels/1</c> file, docs/labels.md).
/// </summary>
/// <param name="Id">The transcript line's id.</param>
/// <param name="Labels">The labels that apply (names as in <see cref="LabelNames"/>).</param>
/// <param name="Answers">Every numeric final-answer statement, in reply order.</param>
/// <param name="FirstAnswerRight">Whether the first answer is right; null when there is no answer.</param>
/// <param name="LastAnswerRight">Whether the last answer is right; null when there is no answer.</param>
/// <param name="StepsExecuted">Program steps the reply executes, each at most once.</param>
/// <param name="StepsTotal">The program's steps.</param>
/// <param name="FirstDivergence">1-based number of the first executed step whose value is wrong, or null.</param>
/// <param name="RightForWrongReasons">First answer right while under_executed, extra_steps or arithmetic_error applies.</param>
/// <param name="Confidence">high, medium or low.</param>
/// <param name="Evidence">One sentence in the labeller's words.</param>
/// <param name="Labeller">Who labelled it.</param>
public sealed record HumanLabel(
    string Id,
    IReadOnlySet<string> Labels,
    IReadOnlyList<double> Answers,
    bool? FirstAnswerRight,
    bool? LastAnswerRight,
    int StepsExecuted,
    int StepsTotal,
    int? FirstDivergence,
    bool RightForWrongReasons,
    string Confidence,
    string Evidence,
    string Labeller)
{
    /// <summary>The first answer as right, wrong or missing.</summary>
    public AnswerStatus FirstAnswer => AnswerStatuses.Of(FirstAnswerRight);

    /// <summary>The last answer as right, wrong or missing.</summary>
    public AnswerStatus LastAnswer => AnswerStatuses.Of(LastAnswerRight);
}

/// <summary>An answer compared with ground truth.</summary>
public enum AnswerStatus
{
    /// <summary>No numeric final answer.</summary>
    None,

    /// <summary>Equals ground truth.</summary>
    Right,

    /// <summary>A number other than ground truth.</summary>
    Wrong,
}

internal static class AnswerStatuses
{
    public static AnswerStatus Of(bool? right) => right switch
    {
        null => AnswerStatus.None,
        true => AnswerStatus.Right,
        false => AnswerStatus.Wrong,
    };
}
