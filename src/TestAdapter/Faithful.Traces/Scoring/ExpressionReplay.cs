using Faithful.Execution;
using Faithful.Model;

namespace Faithful.Traces.Scoring;

/// <summary>
/// Re-evaluates one step's expression (or the answer expression) on a chosen slot vector, through the
/// reference evaluator itself, so a replay on the model's own values follows exactly the C# semantics.
/// </summary>
internal sealed class ExpressionReplay
{
    private readonly StepProgram _program;
    private readonly EquatableArray<Parameter> _slotParameters;

    public ExpressionReplay(StepProgram program)
    {
        _program = program;
        _slotParameters = Enumerable.Range(0, program.SlotCount)
            .Select(slot => new Parameter($"slot{slot}", program.SlotKind(slot)))
            .ToEquatableArray();
    }

    /// <summary>The value of <paramref name="expression"/> reading <paramref name="slots"/>, or null when it faults.</summary>
    public Value? Evaluate(Expr expression, IReadOnlyList<Value> slots)
    {
        var parameters = new EquatableArray<Parameter>(_slotParameters.AsImmutableArray().Slice(0, slots.Count));
        var step = new Step(0, "replay", "replay", 1, expression.Kind, expression, "", 0);
        var probe = new StepProgram(
            "replay",
            "",
            parameters,
            new EquatableArray<Step>([step]),
            new Ref(slots.Count, expression.Kind),
            "replay",
            AllowNonFinite: true);
        var trace = ReferenceEvaluator.Evaluate(probe, slots);
        return trace.Fault is null ? trace.Answer : null;
    }

    /// <summary>Replays step <paramref name="stepIndex"/> on the first <c>P + stepIndex</c> slots of <paramref name="slots"/>.</summary>
    public Value? EvaluateStep(int stepIndex, IReadOnlyList<Value> slots) =>
        Evaluate(_program.Steps[stepIndex].Expression, Prefix(slots, _program.SlotOfStep(stepIndex)));

    /// <summary>Replays the answer expression on every slot.</summary>
    public Value? EvaluateAnswer(IReadOnlyList<Value> slots) => Evaluate(_program.Result, Prefix(slots, _program.SlotCount));

    private static IReadOnlyList<Value> Prefix(IReadOnlyList<Value> slots, int count) =>
        slots.Count == count ? slots : slots.Take(count).ToArray();
}
