using System.Runtime.CompilerServices;
using Faithful.Model;

namespace Faithful.Execution;

/// <summary>
/// The CPU oracle for counterfactuals: what a program computes from its state before step k with some slot values
/// replaced. The true prefix (steps before k) runs first; the overrides are written into the state it leaves; the
/// steps from k and the answer then run from that altered state, exactly as the compiled C# method would if the
/// altered values were assigned to their variables just before step k.
/// <para>
/// The continuation is evaluated by <see cref="ReferenceEvaluator"/> itself, on the program's suffix from step k
/// whose inputs are the state's slots, so counterfactual values follow the same arithmetic bit for bit.
/// </para>
/// </summary>
public static class CounterfactualEvaluator
{
    // Per program, its suffix programs by start step: built once, read from many threads.
    private static readonly ConditionalWeakTable<StepProgram, StepProgram?[]> Suffixes = [];

    /// <summary>Runs the true prefix of <paramref name="atStep"/> steps on <paramref name="inputs"/>, applies <paramref name="overrides"/>, and continues.</summary>
    /// <exception cref="ArgumentException">The inputs do not fit the program, or an override names a slot that is not in the state, twice, or with the wrong kind.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="atStep"/> is not between 0 and the step count.</exception>
    public static CounterfactualTrace Evaluate(StepProgram program, IReadOnlyList<Value> inputs, int atStep, IReadOnlyList<SlotOverride> overrides)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(overrides);
        CheckOverrides(program, atStep, overrides);
        return Continue(ReferenceEvaluator.Evaluate(program, inputs), atStep, overrides);
    }

    /// <summary>As <see cref="Evaluate(StepProgram, IReadOnlyList{Value}, int, IReadOnlyList{SlotOverride})"/>, from a true trace already computed.</summary>
    public static CounterfactualTrace Evaluate(Trace truth, int atStep, IReadOnlyList<SlotOverride> overrides)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(overrides);
        CheckOverrides(truth.Program, atStep, overrides);
        return Continue(truth, atStep, overrides);
    }

    /// <summary>
    /// Runs from a state given whole: the inputs, then the values of the first k steps (k = <c>state.Count - P</c>). No
    /// prefix runs, so the state need not be one the program can reach, and its inputs are not checked against their domains.
    /// </summary>
    /// <exception cref="ArgumentException">The state is shorter than the inputs, longer than all slots, or a value has the wrong kind.</exception>
    public static CounterfactualTrace EvaluateFromState(StepProgram program, IReadOnlyList<Value> state)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(state);
        ProgramValidator.EnsureValid(program);
        var parameterCount = program.Parameters.Count;
        if (state.Count < parameterCount || state.Count > program.SlotCount)
        {
            throw new ArgumentException(
                $"A state of program {program.Id} holds its {parameterCount} input(s) and then 0 to {program.Steps.Count} step value(s); {state.Count} value(s) were given.",
                nameof(state));
        }

        for (var slot = 0; slot < state.Count; slot++)
        {
            CheckKind(program, slot, state[slot].Kind);
        }

        var atStep = state.Count - parameterCount;
        var inputs = state.Take(parameterCount).ToEquatableArray();
        var overrides = Enumerable.Range(parameterCount, atStep).Select(slot => new SlotOverride(slot, state[slot])).ToEquatableArray();
        return Run(program, inputs, atStep, overrides, fromGivenState: true, [.. state]);
    }

    /// <summary>Checks a start step and the slots overridden there, with messages that say what is allowed.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="atStep"/> is not between 0 and the step count.</exception>
    /// <exception cref="ArgumentException">A slot is not in the state at <paramref name="atStep"/>, or appears twice.</exception>
    public static void CheckQuery(StepProgram program, int atStep, ReadOnlySpan<int> slots)
    {
        ArgumentNullException.ThrowIfNull(program);
        if (atStep < 0 || atStep > program.Steps.Count)
        {
            throw new ArgumentOutOfRangeException(
                nameof(atStep),
                atStep,
                $"Program {program.Id} has {program.Steps.Count} step(s): the state can be taken after 0 to {program.Steps.Count} of them (atStep {program.Steps.Count} leaves only the answer to compute).");
        }

        var stateSlots = program.Parameters.Count + atStep;
        for (var i = 0; i < slots.Length; i++)
        {
            var slot = slots[i];
            if (slot < 0 || slot >= stateSlots)
            {
                var what = slot >= 0 && slot < program.SlotCount ? $"slot {slot} ({program.SlotName(slot)}) has not run yet" : $"slot {slot} does not exist";
                throw new ArgumentException(
                    $"Program {program.Id}, state before step {atStep + 1}: {what}. The state holds slots 0..{stateSlots - 1}: the inputs and the steps before step {atStep + 1}.",
                    nameof(slots));
            }

            if (slots[..i].Contains(slot))
            {
                throw new ArgumentException($"Program {program.Id}: {program.SlotName(slot)} (slot {slot}) is overridden twice; give each slot one value.", nameof(slots));
            }
        }
    }

    private static void CheckOverrides(StepProgram program, int atStep, IReadOnlyList<SlotOverride> overrides)
    {
        var slots = overrides.Select(o => o.Slot).ToArray();
        CheckQuery(program, atStep, slots);
        foreach (var o in overrides)
        {
            CheckKind(program, o.Slot, o.Value.Kind);
        }
    }

    private static void CheckKind(StepProgram program, int slot, ValueKind kind)
    {
        if (program.SlotKind(slot) != kind)
        {
            throw new ArgumentException(
                $"Program {program.Id}: {program.SlotName(slot)} (slot {slot}) is {program.SlotKind(slot).ToCSharpKeyword()} but a {kind.ToCSharpKeyword()} was given for it.",
                nameof(kind));
        }
    }

    private static CounterfactualTrace Continue(Trace truth, int atStep, IReadOnlyList<SlotOverride> overrides)
    {
        var program = truth.Program;
        var given = overrides.ToEquatableArray();
        if (truth.Fault is { } fault && fault.StepIndex < atStep)
        {
            // The true run never reached the state: report its fault, with nothing altered.
            return new CounterfactualTrace(program, truth.Inputs, atStep, given, false, truth.Inputs, truth.StepValues, null, fault);
        }

        var state = new Value[program.Parameters.Count + atStep];
        for (var slot = 0; slot < state.Length; slot++)
        {
            state[slot] = truth.SlotValue(slot);
        }

        foreach (var o in overrides)
        {
            state[o.Slot] = o.Value;
        }

        return Run(program, truth.Inputs, atStep, given, fromGivenState: false, state);
    }

    private static CounterfactualTrace Run(StepProgram program, EquatableArray<Value> inputs, int atStep, EquatableArray<SlotOverride> overrides, bool fromGivenState, Value[] state)
    {
        var parameterCount = program.Parameters.Count;
        var continued = ReferenceEvaluator.Evaluate(SuffixOf(program, atStep), state);
        var stepValues = state.Skip(parameterCount).Concat(continued.StepValues).ToEquatableArray();
        var fault = continued.Fault is { } f ? Rebase(f, program, atStep, overrides, fromGivenState, inputs) : null;
        return new CounterfactualTrace(program, inputs, atStep, overrides, fromGivenState, state.Take(parameterCount).ToEquatableArray(), stepValues, continued.Answer, fault);
    }

    /// <summary>The suffix's fault as the program's: its step index shifted back, its message naming the altered state.</summary>
    private static Fault Rebase(Fault fault, StepProgram program, int atStep, EquatableArray<SlotOverride> overrides, bool fromGivenState, EquatableArray<Value> inputs)
    {
        var cut = fault.Message.IndexOf(" with inputs ", StringComparison.Ordinal);
        var what = cut < 0 ? fault.Message : fault.Message[..cut];
        var inputText = string.Join(", ", program.Parameters.Select((p, i) => $"{p.Name} = {inputs[i]}"));
        var from = fromGivenState
            ? $"from a given state before step {atStep + 1}"
            : overrides.Count == 0
                ? $"from the true state before step {atStep + 1}"
                : $"from the state before step {atStep + 1} with {string.Join(", ", overrides.Select(o => $"{program.SlotName(o.Slot)} = {o.Value}"))}";
        return fault with { StepIndex = fault.StepIndex + atStep, Message = $"{what} {from}, inputs {inputText}" };
    }

    /// <summary>The program's steps from <paramref name="atStep"/> on, with every slot of the state as an input (same slot numbers).</summary>
    private static StepProgram SuffixOf(StepProgram program, int atStep)
    {
        var suffixes = Suffixes.GetValue(program, p => new StepProgram?[p.Steps.Count + 1]);
        if (suffixes[atStep] is { } known)
        {
            return known;
        }

        var parameterCount = program.Parameters.Count + atStep;
        var parameters = Enumerable.Range(0, parameterCount).Select(slot => new Parameter(program.SlotName(slot), program.SlotKind(slot))).ToEquatableArray();
        var suffix = program with
        {
            Parameters = parameters,
            Steps = program.Steps.Skip(atStep).ToEquatableArray(),
        };
        suffixes[atStep] = suffix;
        return suffix;
    }
}
