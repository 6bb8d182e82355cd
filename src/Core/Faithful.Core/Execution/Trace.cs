using Faithful.Model;

namespace Faithful.Execution;

/// <summary>
/// Ground truth for one (program, inputs) pair: every step's value in execution order and the answer,
/// or the values computed before a <see cref="Fault"/>.
/// </summary>
public sealed record Trace(
    StepProgram Program,
    EquatableArray<Value> Inputs,
    EquatableArray<Value> StepValues,
    Value? Answer,
    Fault? Fault)
{
    public bool IsComplete => Fault is null;

    /// <summary>The value of the step with this index, or null when the run faulted before it.</summary>
    public Value? ValueOf(int stepIndex) => stepIndex < StepValues.Count ? StepValues[stepIndex] : null;

    /// <summary>Inputs followed by step values: the slot vector expressions read from.</summary>
    public Value SlotValue(int slot) => slot < Inputs.Count ? Inputs[slot] : StepValues[slot - Inputs.Count];
}
