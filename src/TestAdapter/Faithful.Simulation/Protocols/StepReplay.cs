using System.Runtime.CompilerServices;
using Faithful.Model;
using Faithful.Traces.Scoring;

namespace Faithful.Traces.Simulation.Protocols;

/// <summary>
/// Evaluates a program's steps on any state (the model's own values, a corrected state) with C# semantics, through the
/// scorer's <see cref="ExpressionReplay"/>, and runs them forward from a step; one per program, kept while it lives.
/// </summary>
internal sealed class StepReplay
{
    private static readonly ConditionalWeakTable<StepProgram, StepReplay> Cache = new();

    private readonly StepProgram _program;
    private readonly ExpressionReplay _replay;

    private StepReplay(StepProgram program)
    {
        _program = program;
        _replay = new ExpressionReplay(program);
    }

    public static StepReplay For(StepProgram program) => Cache.GetValue(program, static p => new StepReplay(p));

    /// <summary>Step <paramref name="step"/> on <paramref name="slots"/>, or null when it faults there.</summary>
    public Value? Step(int step, IReadOnlyList<Value> slots) => _replay.EvaluateStep(step, slots);

    /// <summary>The answer on <paramref name="slots"/>, or null when it faults there.</summary>
    public Value? Answer(IReadOnlyList<Value> slots) => _replay.EvaluateAnswer(slots);

    /// <summary>Computes steps <paramref name="from"/> onwards into <paramref name="slots"/> and returns the answer they lead to (null on a fault).</summary>
    public Value? Forward(int from, Value[] slots)
    {
        for (var step = from; step < _program.Steps.Count; step++)
        {
            if (Step(step, slots) is not { } value)
            {
                return null;
            }

            slots[_program.SlotOfStep(step)] = value;
        }

        return Answer(slots);
    }
}
