using Faithful.Execution;
using Faithful.Model;

namespace Faithful.Traces.Scoring;

/// <summary>
/// Re-evaluates one step's expression (or the answer expression) on a chosen slot vector, through the
/// reference evaluator's own expression evaluation, so a replay on the model's own values follows exactly the C#
/// semantics. Each expression becomes a probe that reads only its own slots, so a replay costs what the expression
/// costs, not what the program's length does.
/// </summary>
internal sealed class ExpressionReplay
{
    private readonly StepProgram _program;

    // One probe per step and one for the answer, built on first use; a race builds the same probe twice, harmlessly.
    // The table itself comes with the first replay: most programs a file reads are never replayed, and a 10,000-step
    // program's table is 80 KB.
    private Probe?[]? _probes;

    public ExpressionReplay(StepProgram program)
    {
        _program = program;
    }

    // The first replay publishes the table; a racing one uses the table that won.
    private Probe?[] Probes()
    {
        Interlocked.CompareExchange(ref _probes, new Probe?[_program.Steps.Count + 1], null);
        return _probes!;
    }

    /// <summary>Replays step <paramref name="stepIndex"/> reading <paramref name="slots"/> (at least its first <c>P + stepIndex</c>), or null when it faults.</summary>
    public Value? EvaluateStep(int stepIndex, IReadOnlyList<Value> slots) => Run(stepIndex, _program.Steps[stepIndex].Expression, slots);

    /// <summary>Replays the answer expression on every slot, or null when it faults.</summary>
    public Value? EvaluateAnswer(IReadOnlyList<Value> slots) => Run(_program.Steps.Count, _program.Result, slots);

    private Value? Run(int probeIndex, Expr expression, IReadOnlyList<Value> slots)
    {
        var probe = (_probes ?? Probes())[probeIndex] ??= Build(expression);
        var bits = new long[probe.Reads.Length];
        for (var i = 0; i < bits.Length; i++)
        {
            var value = slots[probe.Reads[i]];
            if (value.Kind != probe.Kinds[i])
            {
                return RunAsProgram(probe, slots);
            }

            bits[i] = value.Bits;
        }

        // The probe's expression on its inputs, without the program and trace a run builds: a replayed loop summary
        // re-evaluates thousands of steps. RunAsProgram gives the same value, through Evaluate.
        return ReferenceEvaluator.EvaluateExpression(probe.Body, bits);
    }

    // The probe as a one-step program, run: its input checks refuse a value of the wrong kind as they always did.
    private static Value? RunAsProgram(Probe probe, IReadOnlyList<Value> slots)
    {
        var inputs = new Value[probe.Reads.Length];
        for (var i = 0; i < inputs.Length; i++)
        {
            inputs[i] = slots[probe.Reads[i]];
        }

        var parameters = probe.Kinds.Select((kind, i) => new Parameter($"r{i}", kind)).ToEquatableArray();
        var step = new Step(0, "replay", "replay", 1, probe.Body.Kind, probe.Body, "", 0);
        var program = new StepProgram(
            "replay",
            "",
            parameters,
            new EquatableArray<Step>([step]),
            new Ref(probe.Reads.Length, probe.Body.Kind),
            "replay",
            AllowNonFinite: true);
        var trace = ReferenceEvaluator.Evaluate(program, inputs);
        return trace.Fault is null ? trace.Answer : null;
    }

    // A probe per replayed step (a replayed 10,000-step loop summary builds thousands): the reads are gathered in a list
    // kept per thread, and the few of an expression are looked up by a scan, not through a table.
    private Probe Build(Expr expression)
    {
        var reads = t_reads ??= [];
        reads.Clear();
        LookBack.CollectReads(expression, reads);
        var slots = reads.ToArray();
        var kinds = new ValueKind[slots.Length];
        for (var i = 0; i < slots.Length; i++)
        {
            kinds[i] = _program.SlotKind(slots[i]);
        }

        return new Probe(Renumber(expression, slots), slots, kinds);
    }

    [ThreadStatic]
    private static List<int>? t_reads;

    // Each read becomes its place among the probe's reads (CollectReads lists a slot once, however often it is read).
    private static Expr Renumber(Expr expression, int[] slots) => expression switch
    {
        Ref r => r with { Slot = Array.IndexOf(slots, r.Slot) },
        Unary u => u with { Operand = Renumber(u.Operand, slots) },
        Binary b => b with { Left = Renumber(b.Left, slots), Right = Renumber(b.Right, slots) },
        Conditional c => c with
        {
            Left = Renumber(c.Left, slots),
            Right = Renumber(c.Right, slots),
            WhenTrue = Renumber(c.WhenTrue, slots),
            WhenFalse = Renumber(c.WhenFalse, slots),
        },
        _ => expression,
    };

    // The expression reading only its own slots (renumbered 0..n-1), which program slots those are, and their kinds.
    private sealed record Probe(Expr Body, int[] Reads, ValueKind[] Kinds);
}
