using Faithful.Model;

namespace Faithful.Execution;

/// <summary>
/// Ground truth for a counterfactual: <see cref="Program"/> run from its state before step <see cref="StartStep"/>
/// (zero-based: that many steps had run) with <see cref="Overrides"/> written into that state.
/// </summary>
/// <param name="Program">The program.</param>
/// <param name="Inputs">The true inputs the prefix ran from (for a given state, the state's inputs).</param>
/// <param name="StartStep">How many steps ran before the state was taken: 0 to <c>Steps.Count</c> (the answer only).</param>
/// <param name="Overrides">The slots replaced in that state (for a given state, every step before <see cref="StartStep"/>).</param>
/// <param name="FromGivenState">True when the state was given whole and no prefix ran; false when the true prefix ran first.</param>
/// <param name="StateInputs">The inputs as the steps from <see cref="StartStep"/> read them (overrides applied); <see cref="Inputs"/> when the start was never reached.</param>
/// <param name="StepValues">Every step's value as the run left it: the state's (altered) values before <see cref="StartStep"/>, then
/// the steps computed from it, up to a fault (the faulting value too when it was not finite, as <see cref="ReferenceEvaluator"/> records it).</param>
/// <param name="Answer">The answer the altered state leads to, or null after a fault.</param>
/// <param name="Fault">The first fault: in the true prefix (<c>StepIndex &lt; StartStep</c>, the state never existed) or after it.</param>
public sealed record CounterfactualTrace(
    StepProgram Program,
    EquatableArray<Value> Inputs,
    int StartStep,
    EquatableArray<SlotOverride> Overrides,
    bool FromGivenState,
    EquatableArray<Value> StateInputs,
    EquatableArray<Value> StepValues,
    Value? Answer,
    Fault? Fault)
{
    public bool IsComplete => Fault is null;

    /// <summary>False when the true run faulted (or its inputs were out of domain) before the state at <see cref="StartStep"/> existed.</summary>
    public bool ReachedStart => Fault is null || Fault.StepIndex >= StartStep;

    /// <summary>The values computed from the altered state: steps from <see cref="StartStep"/> on, up to a fault.</summary>
    public IEnumerable<Value> ContinuedStepValues => StepValues.Skip(StartStep);

    /// <summary>
    /// The counterfactual world as an ordinary <see cref="Trace"/> (altered inputs and state, then the continuation), so that
    /// a reply continued from the altered state can be aligned and verdicted against it like any trace.
    /// </summary>
    public Trace ToTrace() => new(Program, StateInputs, StepValues, Answer, Fault);
}
