using System.Runtime.CompilerServices;
using Faithful.Execution;
using Faithful.Model;

namespace Faithful.Traces.Simulation.Protocols;

/// <summary>
/// Evaluates a program's steps on any state (the model's own values, a corrected state), through the reference
/// evaluator so every operation keeps C# semantics: each step becomes a one-step probe whose inputs are the slots it reads.
/// </summary>
internal sealed class StepReplay
{
    private static readonly ConditionalWeakTable<StepProgram, StepReplay> Cache = new();

    private readonly StepProgram _program;
    private readonly Probe?[] _probes;

    private StepReplay(StepProgram program)
    {
        _program = program;
        _probes = new Probe?[program.Steps.Count + 1];
    }

    public static StepReplay For(StepProgram program) => Cache.GetValue(program, static p => new StepReplay(p));

    /// <summary>Step <paramref name="step"/> on <paramref name="slots"/>, or null when it faults there.</summary>
    public Value? Step(int step, IReadOnlyList<Value> slots) => Run(step, _program.Steps[step].Expression, slots);

    /// <summary>The answer on <paramref name="slots"/>, or null when it faults there.</summary>
    public Value? Answer(IReadOnlyList<Value> slots) => Run(_program.Steps.Count, _program.Result, slots);

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

    private Value? Run(int index, Expr expression, IReadOnlyList<Value> slots)
    {
        var probe = _probes[index] ??= Build(expression);
        var inputs = new Value[probe.Reads.Length];
        for (var i = 0; i < inputs.Length; i++)
        {
            inputs[i] = slots[probe.Reads[i]];
        }

        var trace = ReferenceEvaluator.Evaluate(probe.Program, inputs);
        return trace.Fault is null ? trace.Answer : null;
    }

    private Probe Build(Expr expression)
    {
        var reads = new List<int>();
        LookBack.CollectReads(expression, reads);
        var map = reads.Select((slot, i) => (slot, i)).ToDictionary(p => p.slot, p => p.i);
        var parameters = reads.Select((slot, i) => new Parameter($"r{i}", _program.SlotKind(slot))).ToEquatableArray();
        var body = Renumber(expression, map);
        var step = new Step(0, "probe", "probe", 1, body.Kind, body, "", 0);
        var program = new StepProgram("probe", "", parameters, new[] { step }.ToEquatableArray(), new Ref(reads.Count, body.Kind), "probe", AllowNonFinite: true);
        return new Probe(program, [.. reads]);
    }

    private static Expr Renumber(Expr expression, Dictionary<int, int> map) => expression switch
    {
        Ref r => r with { Slot = map[r.Slot] },
        Unary u => u with { Operand = Renumber(u.Operand, map) },
        Binary b => b with { Left = Renumber(b.Left, map), Right = Renumber(b.Right, map) },
        Conditional c => c with
        {
            Left = Renumber(c.Left, map),
            Right = Renumber(c.Right, map),
            WhenTrue = Renumber(c.WhenTrue, map),
            WhenFalse = Renumber(c.WhenFalse, map),
        },
        _ => expression,
    };

    private sealed record Probe(StepProgram Program, int[] Reads);
}
