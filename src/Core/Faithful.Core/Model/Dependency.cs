using System.Runtime.CompilerServices;

namespace Faithful.Model;

/// <summary>
/// One read made by a step. <see cref="Distance"/> is how many steps back the value was written:
/// 1 for the previous step; for an input, the step's number (inputs sit at position 0).
/// </summary>
public readonly record struct Dependency(int Slot, bool IsInput, int Distance);

/// <summary>The look-back structure of a program: what each step reads and how far back.</summary>
public static class LookBack
{
    /// <summary>The distinct slots a step reads, in first-read order.</summary>
    public static EquatableArray<Dependency> Of(StepProgram program, int stepIndex)
    {
        var seen = new List<int>();
        CollectReads(program.Steps[stepIndex].Expression, seen);
        var parameterCount = program.Parameters.Count;
        return seen.Select(slot => slot < parameterCount
                ? new Dependency(slot, true, stepIndex + 1)
                : new Dependency(slot, false, stepIndex - (slot - parameterCount)))
            .ToEquatableArray();
    }

    /// <summary>The dependencies of every step.</summary>
    public static EquatableArray<EquatableArray<Dependency>> OfAll(StepProgram program) =>
        Enumerable.Range(0, program.Steps.Count).Select(i => Of(program, i)).ToEquatableArray();

    // A program is immutable: its depth is computed once per instance (scoring asks for it once per reply).
    private static readonly ConditionalWeakTable<StepProgram, StrongBox<int>> MaxDepths = new();

    /// <summary>The largest step-to-step distance read by any step (0 when steps read only inputs).</summary>
    public static int MaxDepth(StepProgram program)
    {
        ArgumentNullException.ThrowIfNull(program);
        return MaxDepths.GetValue(program, static p => new StrongBox<int>(ComputeMaxDepth(p))).Value;
    }

    // The same maximum as over Of(program, i) for every step, without building each step's dependency list: an unrolled
    // loop program has thousands of steps, and scoring reads every program once.
    private static int ComputeMaxDepth(StepProgram program)
    {
        var parameterCount = program.Parameters.Count;
        var max = 0;
        for (var i = 0; i < program.Steps.Count; i++)
        {
            max = Math.Max(max, DeepestRead(program.Steps[i].Expression, i, parameterCount));
        }

        return max;
    }

    // The largest step-to-step distance an expression at step stepIndex reads (0 for inputs and constants).
    private static int DeepestRead(Expr expression, int stepIndex, int parameterCount) => expression switch
    {
        Ref r => r.Slot < parameterCount ? 0 : stepIndex - (r.Slot - parameterCount),
        Unary u => DeepestRead(u.Operand, stepIndex, parameterCount),
        Binary b => Math.Max(DeepestRead(b.Left, stepIndex, parameterCount), DeepestRead(b.Right, stepIndex, parameterCount)),
        Conditional c => Math.Max(
            Math.Max(DeepestRead(c.Left, stepIndex, parameterCount), DeepestRead(c.Right, stepIndex, parameterCount)),
            Math.Max(DeepestRead(c.WhenTrue, stepIndex, parameterCount), DeepestRead(c.WhenFalse, stepIndex, parameterCount))),
        _ => 0,
    };

    /// <summary>Slots read by an expression, each once, in first-read order.</summary>
    public static void CollectReads(Expr expression, List<int> slots)
    {
        switch (expression)
        {
            case Ref r:
                if (!slots.Contains(r.Slot))
                {
                    slots.Add(r.Slot);
                }

                break;
            case Unary u:
                CollectReads(u.Operand, slots);
                break;
            case Binary b:
                CollectReads(b.Left, slots);
                CollectReads(b.Right, slots);
                break;
            case Conditional c:
                CollectReads(c.Left, slots);
                CollectReads(c.Right, slots);
                CollectReads(c.WhenTrue, slots);
                CollectReads(c.WhenFalse, slots);
                break;
        }
    }
}
