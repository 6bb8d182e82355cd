using Faithful.Traces.Results;

namespace Faithful.Reports.Agreement;

/// <summary>What one reader (a labeller or the instrument) says of one reply, in the terms labels files use.</summary>
/// <param name="Labels">The labels that apply.</param>
/// <param name="FirstAnswer">The first final answer, right, wrong or missing.</param>
/// <param name="LastAnswer">The last final answer, right, wrong or missing.</param>
/// <param name="RightForWrongReasons">First answer right while a process fault applies.</param>
/// <param name="Evidence">Why, in the reader's words.</param>
public sealed record Reading(IReadOnlySet<string> Labels, AnswerStatus FirstAnswer, AnswerStatus LastAnswer, bool RightForWrongReasons, string Evidence)
{
    /// <summary>A labeller's reading.</summary>
    public static Reading Of(HumanLabel label)
    {
        ArgumentNullException.ThrowIfNull(label);
        return new Reading(label.Labels, label.FirstAnswer, label.LastAnswer, label.RightForWrongReasons, label.Evidence);
    }

    /// <summary>The instrument's reading of a scored case, or null when the case has no verdict (its request failed).</summary>
    public static Reading? Of(CaseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Verdict is not { } verdict)
        {
            return null;
        }

        var labels = new HashSet<string>(StringComparer.Ordinal);
        foreach (var mode in verdict.Modes)
        {
            if (LabelNames.Of(mode) is { } label)
            {
                labels.Add(label);
            }
        }

        var missing = labels.Contains(LabelNames.MissingAnswer);
        var first = missing ? AnswerStatus.None : verdict.FirstAnswerCorrect ? AnswerStatus.Right : AnswerStatus.Wrong;
        var last = missing ? AnswerStatus.None : verdict.FinalAnswerCorrect ? AnswerStatus.Right : AnswerStatus.Wrong;
        var rfwr = first == AnswerStatus.Right && labels.Overlaps(LabelNames.ProcessFaults);
        var evidence = string.Join(" ", verdict.Evidence.Select(e => e.Explanation));
        return new Reading(labels, first, last, rfwr, evidence);
    }
}

/// <summary>One reply read by the gold reader (a human label) and by the reader under test.</summary>
/// <param name="Id">The transcript id.</param>
/// <param name="Model">The model that wrote the reply.</param>
/// <param name="Length">The program's length in steps, when known (0 otherwise).</param>
/// <param name="Gold">The human label.</param>
/// <param name="Tested">The instrument's (or a second labeller's) reading.</param>
/// <param name="Reply">The reply, when the tested reading came from a run file (untrusted text; bounded where shown).</param>
public sealed record AgreementCase(string Id, string Model, int Length, Reading Gold, Reading Tested, string? Reply)
{
    /// <summary>Whether the two readings differ in labels or in either answer.</summary>
    public bool Disagrees =>
        !Gold.Labels.SetEquals(Tested.Labels) || Gold.FirstAnswer != Tested.FirstAnswer || Gold.LastAnswer != Tested.LastAnswer;
}
