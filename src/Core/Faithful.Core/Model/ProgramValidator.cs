using System.Runtime.CompilerServices;

namespace Faithful.Model;

/// <summary>
/// Checks that a <see cref="StepProgram"/> is well formed before anything evaluates it: every read is of an input or an
/// earlier step with the slot's kind, operand kinds fit their operators, and expressions are not absurdly deep. A program
/// built by hand, read from JSON or produced by a buggy tool then fails with a message naming the step, instead of
/// evaluating to a silently wrong value.
/// </summary>
public static class ProgramValidator
{
    /// <summary>Deepest expression accepted: <see cref="ProgramLimits.MaxExpressionDepth"/>.</summary>
    public const int MaxExpressionDepth = ProgramLimits.MaxExpressionDepth;

    private static readonly ConditionalWeakTable<StepProgram, object> Validated = new();

    /// <summary>Every problem found, each naming the program and step; empty when the program is well formed.</summary>
    public static IReadOnlyList<string> Problems(StepProgram program) => Collect(program, includeNaming: true);

    /// <summary>Problems that would make evaluation wrong or impossible (reads, kinds, depth), ignoring names and indices.</summary>
    public static IReadOnlyList<string> EvaluationProblems(StepProgram program) => Collect(program, includeNaming: false);

    private static List<string> Collect(StepProgram program, bool includeNaming)
    {
        ArgumentNullException.ThrowIfNull(program);
        var problems = new List<string>();
        // Names matter only to Problems; evaluation checks skip the set (a 10,000-step program would fill it for nothing).
        var names = includeNaming ? new HashSet<string>(StringComparer.Ordinal) : null;
        foreach (var parameter in program.Parameters)
        {
            if (names is not null && !names.Add(parameter.Name))
            {
                problems.Add($"Program {program.Id}: parameter name {parameter.Name} is used twice.");
            }
        }

        for (var i = 0; i < program.Steps.Count; i++)
        {
            var step = program.Steps[i];
            if (step.Index != i && includeNaming)
            {
                problems.Add($"{Where(program, i)}: its Index is {step.Index}, expected {i}.");
            }

            if (names is not null && !names.Add(step.Name))
            {
                problems.Add($"{Where(program, i)}: the name {step.Name} is already used by an input or an earlier step.");
            }

            if (step.Expression.Kind != step.Kind)
            {
                problems.Add($"{Where(program, i)}: the step is {step.Kind.ToCSharpKeyword()} but its expression is {step.Expression.Kind.ToCSharpKeyword()}.");
            }

            Check(program, step.Expression, program.Parameters.Count + i, i, 0, problems);
        }

        Check(program, program.Result, program.SlotCount, AnswerIndex, 0, problems);
        if (!includeNaming && problems.Count == 0)
        {
            // Evaluating it next (the usual order) then skips a second walk.
            _ = Validated.GetValue(program, static checkedProgram => checkedProgram);
        }

        return problems;
    }

    /// <summary>Throws unless the program can be evaluated (<see cref="EvaluationProblems"/>); remembers programs already checked.</summary>
    /// <exception cref="ArgumentException">The program is malformed; the message lists the problems.</exception>
    public static void EnsureValid(StepProgram program)
    {
        ArgumentNullException.ThrowIfNull(program);
        if (Validated.TryGetValue(program, out _))
        {
            return;
        }

        var problems = EvaluationProblems(program);
        if (problems.Count > 0)
        {
            throw new ArgumentException($"Malformed step program:\n{string.Join("\n", problems.Take(20))}", nameof(program));
        }

        _ = Validated.GetValue(program, static checkedProgram => checkedProgram);
    }

    private const int AnswerIndex = -1;

    // Built only when there is a problem to report: a per-step message would cost more than the check itself.
    private static string Where(StepProgram program, int stepIndex) => stepIndex == AnswerIndex
        ? $"Program {program.Id}, answer"
        : $"Program {program.Id}, step {stepIndex + 1} ({program.Steps[stepIndex].Name})";

    private static void Check(StepProgram program, Expr expression, int readableSlots, int stepIndex, int depth, List<string> problems)
    {
        if (depth > MaxExpressionDepth)
        {
            problems.Add($"{Where(program, stepIndex)}: the expression is nested deeper than {MaxExpressionDepth} levels.");
            return;
        }

        switch (expression)
        {
            case Constant:
                return;
            case Ref r:
                if (r.Slot < 0 || r.Slot >= readableSlots)
                {
                    problems.Add($"{Where(program, stepIndex)}: reads slot {r.Slot}, which is not an input or an earlier step (readable: 0..{readableSlots - 1}).");
                }
                else if (program.SlotKind(r.Slot) != r.Kind)
                {
                    problems.Add($"{Where(program, stepIndex)}: reads {program.SlotName(r.Slot)} as {r.Kind.ToCSharpKeyword()}, but it is {program.SlotKind(r.Slot).ToCSharpKeyword()}.");
                }

                return;
            case Unary u:
            {
                var expected = u.Op switch
                {
                    UnaryOp.ToDouble => (Operand: (ValueKind?)null, Result: ValueKind.Double),
                    UnaryOp.ToInt64 => (null, ValueKind.Int64),
                    UnaryOp.ToInt32 or UnaryOp.BitwiseNot => (ValueKind.Int64, ValueKind.Int64),
                    _ => (u.Kind, u.Kind),
                };
                if (u.Kind != expected.Result || (expected.Operand is { } operandKind && u.Operand.Kind != operandKind))
                {
                    problems.Add($"{Where(program, stepIndex)}: {u.Op} of a {u.Operand.Kind.ToCSharpKeyword()} cannot give a {u.Kind.ToCSharpKeyword()}.");
                }

                Check(program, u.Operand, readableSlots, stepIndex, depth + 1, problems);
                return;
            }

            case Binary b:
            {
                var integerOnly = b.Op is BinaryOp.BitwiseAnd or BinaryOp.BitwiseOr or BinaryOp.ExclusiveOr or BinaryOp.ShiftLeft or BinaryOp.ShiftRight;
                var isShift = b.Op is BinaryOp.ShiftLeft or BinaryOp.ShiftRight;
                if (integerOnly && (b.Kind != ValueKind.Int64 || b.Left.Kind != ValueKind.Int64 || b.Right.Kind != ValueKind.Int64))
                {
                    problems.Add($"{Where(program, stepIndex)}: {b.Op} is defined on long only.");
                }
                else if (!isShift && (b.Left.Kind != b.Kind || b.Right.Kind != b.Kind))
                {
                    problems.Add($"{Where(program, stepIndex)}: {b.Op} of {b.Left.Kind.ToCSharpKeyword()} and {b.Right.Kind.ToCSharpKeyword()} must be {b.Kind.ToCSharpKeyword()} on both sides (add a ToDouble conversion).");
                }

                Check(program, b.Left, readableSlots, stepIndex, depth + 1, problems);
                Check(program, b.Right, readableSlots, stepIndex, depth + 1, problems);
                return;
            }

            case Conditional c:
                if (c.Left.Kind != c.Right.Kind || c.WhenTrue.Kind != c.Kind || c.WhenFalse.Kind != c.Kind)
                {
                    problems.Add($"{Where(program, stepIndex)}: a conditional compares two values of one kind and both branches must be {c.Kind.ToCSharpKeyword()}.");
                }

                Check(program, c.Left, readableSlots, stepIndex, depth + 1, problems);
                Check(program, c.Right, readableSlots, stepIndex, depth + 1, problems);
                Check(program, c.WhenTrue, readableSlots, stepIndex, depth + 1, problems);
                Check(program, c.WhenFalse, readableSlots, stepIndex, depth + 1, problems);
                return;
            default:
                problems.Add($"{Where(program, stepIndex)}: unknown expression node {expression.GetType().Name}.");
                return;
        }
    }
}
