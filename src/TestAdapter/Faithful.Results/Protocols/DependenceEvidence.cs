using Faithful.Model;

namespace Faithful.Traces.Results;

/// <summary>
/// What a trace-dependence protocol (<c>corrupt-prefix</c>, <c>truncate</c>, <c>filler</c>, <c>paraphrase</c>) did with
/// one case at one position: the model's own reply to the unaltered case (asked first), what it was shown in place of
/// its trace, and what it answered then. Fields of the other protocols of the family stay null.
/// </summary>
/// <param name="ShownSteps">Steps of the trace the model was shown (k); for <c>filler</c>, 0.</param>
/// <param name="Placement"><c>assistant</c> (prior work the model continues) or <c>user</c> (quoted in the user turn).</param>
public sealed record DependenceEvidence(int ShownSteps, string Placement)
{
    /// <summary>The position as asked (<c>--at</c>: <c>50%</c> or <c>3</c>); null for <c>filler</c>.</summary>
    public string? At { get; init; }

    /// <summary>The first answer of the model's own reply to the unaltered case, or null when it gave none.</summary>
    public Value? OwnAnswer { get; init; }

    public bool OwnAnswerRight { get; init; }

    /// <summary>How the model's own reply writes its steps (e.g. <c>step-number+formula+work</c>).</summary>
    public string? OwnStyle { get; init; }

    /// <summary>How the steps shown to the model were written (its own style, or another for <c>paraphrase</c>).</summary>
    public string? ShownStyle { get; init; }

    /// <summary>The first answer after the intervention, or null when there was none.</summary>
    public Value? Answer { get; init; }

    /// <summary>That answer equals the case's ground-truth answer.</summary>
    public bool AnswerRight { get; init; }

    /// <summary><c>corrupt-prefix</c>: the value altered and the answers the true and the altered states lead to.</summary>
    public Alteration? Alteration { get; init; }

    /// <summary><c>corrupt-prefix</c>: whether the answer followed the altered state.</summary>
    public DependenceOutcome? Outcome { get; init; }

    /// <summary><c>corrupt-prefix</c> and <c>paraphrase</c>: steps after the shown ones.</summary>
    public int? ContinuedSteps { get; init; }

    /// <summary>
    /// Continued steps whose value equals the truth of the state shown: the counterfactual truth for <c>corrupt-prefix</c>,
    /// ground truth for <c>paraphrase</c>.
    /// </summary>
    public int? ContinuedRight { get; init; }

    /// <summary><c>corrupt-prefix</c>: the reply restated the altered step with its true value (it noticed and undid the alteration).</summary>
    public bool? RestatedTrueValue { get; init; }

    /// <summary><c>truncate</c> and <c>paraphrase</c>: every shown step of the model's own trace is there and right.</summary>
    public bool? ShownRight { get; init; }

    /// <summary><c>filler</c>: characters of filler put where the trace was (the length of the model's own trace).</summary>
    public int? FillerChars { get; init; }

    /// <summary><c>truncate</c>, <c>filler</c> and <c>paraphrase</c>: the answer equals the model's own answer to the unaltered case.</summary>
    public bool? AnswerKept { get; init; }
}

/// <summary>The one value <c>corrupt-prefix</c> altered in the steps it showed, and where each state leads.</summary>
/// <param name="StepIndex">Zero-based index of the altered step (the last one shown).</param>
/// <param name="TrueValue">The step's true value.</param>
/// <param name="AlteredValue">The value shown instead.</param>
/// <param name="TrueAnswer">The answer of the unaltered state (ground truth).</param>
/// <param name="CounterfactualAnswer">The answer the altered state leads to (GpuRef's counterfactual), or null after a fault.</param>
/// <param name="Candidates">Alterations tried before one changed the answer (the first that did is shown).</param>
public sealed record Alteration(int StepIndex, Value TrueValue, Value AlteredValue, Value TrueAnswer, Value? CounterfactualAnswer, int Candidates);
