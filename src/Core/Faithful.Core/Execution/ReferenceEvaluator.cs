using System.Collections.Immutable;
using System.Globalization;
using Faithful.Model;

namespace Faithful.Execution;

/// <summary>
/// The CPU oracle: evaluates a program exactly as the compiled C# method would, step by step.
/// Arithmetic is done by the running .NET itself, so long wrap-around, truncating division and
/// every double operation are bit-exact with C#; the cases where C# throws become typed faults.
/// <para>
/// One thing .NET leaves open: the sign and payload bits of a NaN. Optimized JIT code may fold <c>-(x / k)</c> into
/// <c>x / -k</c> (flipping a NaN's sign bit relative to unoptimized code), and <c>Math.Min</c>/<c>Math.Max</c> of two NaNs
/// may return either. So the same C# method yields different NaN bits at different JIT tiers; ground truth fixes that a
/// value is NaN, not which NaN. Every other bit is exact (checked by the differential tests against compiled C#).
/// </para>
/// </summary>
public static class ReferenceEvaluator
{
    /// <summary>Runs <paramref name="program"/> on <paramref name="inputs"/>, one per parameter.</summary>
    /// <exception cref="ArgumentException">The inputs do not match the parameters in count or kind, or the program is
    /// malformed (see <see cref="ProgramValidator"/>); the message says where.</exception>
    public static Trace Evaluate(StepProgram program, IReadOnlyList<Value> inputs) => Evaluate(program, inputs, onUncheckedOverflow: null);

    /// <summary>
    /// Runs <paramref name="program"/> as <see cref="Evaluate(StepProgram, IReadOnlyList{Value})"/> does and also tells
    /// <paramref name="onUncheckedOverflow"/> the index of each step whose unchecked long arithmetic wrapped around:
    /// C# lets that pass silently, and the analyzers' overflow rule confirms its witnesses with it.
    /// </summary>
    /// <exception cref="ArgumentException">As <see cref="Evaluate(StepProgram, IReadOnlyList{Value})"/>.</exception>
    public static Trace Evaluate(StepProgram program, IReadOnlyList<Value> inputs, Action<int>? onUncheckedOverflow)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(inputs);
        ProgramValidator.EnsureValid(program);
        CheckInputShape(program, inputs);

        var inputArray = inputs.ToEquatableArray();
        for (var i = 0; i < inputs.Count; i++)
        {
            var domain = program.Parameters[i].Domain;
            if (domain is not null && !domain.Contains(inputs[i]))
            {
                var fault = new Fault(
                    FaultKind.InputOutOfDomain,
                    -1,
                    program.Parameters[i].Name,
                    $"input {program.Parameters[i].Name} = {inputs[i]} is outside its declared domain {domain}");
                return new Trace(program, inputArray, EquatableArray<Value>.Empty, null, fault);
            }
        }

        var slots = new long[program.SlotCount];
        for (var i = 0; i < inputs.Count; i++)
        {
            slots[i] = inputs[i].Bits;
        }

        // Filled in place and handed to the trace without a copy when every step ran.
        var values = ImmutableArray.CreateBuilder<Value>(program.Steps.Count);
        var parameterCount = program.Parameters.Count;
        for (var s = 0; s < program.Steps.Count; s++)
        {
            var step = program.Steps[s];
            var wrapped = false;
            var outcome = Eval(step.Expression, slots, ref wrapped);
            if (wrapped)
            {
                onUncheckedOverflow?.Invoke(s);
            }

            if (outcome.Fault is { } kind)
            {
                return Faulted(program, inputArray, values, kind, s, step.Name, outcome.Detail);
            }

            var value = new Value(step.Kind, outcome.Bits);
            if (!program.AllowNonFinite && !value.IsFinite)
            {
                values.Add(value);
                return Faulted(program, inputArray, values, FaultKind.NotFinite, s, step.Name, $"{step.Name} = {value}");
            }

            slots[parameterCount + s] = outcome.Bits;
            values.Add(value);
        }

        var answerWrapped = false;
        var answer = Eval(program.Result, slots, ref answerWrapped);
        if (answerWrapped)
        {
            onUncheckedOverflow?.Invoke(program.Steps.Count);
        }

        if (answer.Fault is { } answerFault)
        {
            return Faulted(program, inputArray, values, answerFault, program.Steps.Count, "answer", answer.Detail);
        }

        var answerValue = new Value(program.Result.Kind, answer.Bits);
        if (!program.AllowNonFinite && !answerValue.IsFinite)
        {
            return Faulted(program, inputArray, values, FaultKind.NotFinite, program.Steps.Count, "answer", $"answer = {answerValue}");
        }

        return new Trace(program, inputArray, Finished(values), answerValue, null);
    }

    /// <summary>
    /// Computes <paramref name="expression"/> exactly as a program step is computed, on slot bits (<c>Ref(i)</c> reads
    /// <see cref="Value.Bits"/> of <paramref name="slots"/>[i], which the caller gives in the slot's kind), without
    /// building a trace; null when it faults (division by zero, checked overflow). A non-finite double is a result, as in
    /// a program that allows one. For replaying one step on other values many times.
    /// </summary>
    public static Value? EvaluateExpression(Expr expression, long[] slots)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(slots);
        var wrapped = false;
        var outcome = Eval(expression, slots, ref wrapped);
        return outcome.Fault is null ? new Value(expression.Kind, outcome.Bits) : null;
    }

    /// <summary>Convenience overload for <c>long</c>-only programs.</summary>
    public static Trace Evaluate(StepProgram program, params long[] inputs) =>
        Evaluate(program, inputs.Select(Value.FromInt64).ToArray());

    private static EquatableArray<Value> Finished(ImmutableArray<Value>.Builder values) =>
        new(values.Count == values.Capacity ? values.MoveToImmutable() : values.ToImmutable());

    private static Trace Faulted(StepProgram program, EquatableArray<Value> inputs, ImmutableArray<Value>.Builder values, FaultKind kind, int stepIndex, string location, string? detail)
    {
        var inputText = string.Join(", ", program.Parameters.Select((p, i) => $"{p.Name} = {inputs[i]}"));
        var what = kind switch
        {
            FaultKind.DivideByZero => "division by zero",
            FaultKind.Overflow => "arithmetic overflow",
            FaultKind.NotFinite => "non-finite double",
            _ => kind.ToString(),
        };
        var message = $"{what} in {location}{(detail is null ? "" : $" ({detail})")} with inputs {inputText}";
        return new Trace(program, inputs, Finished(values), null, new Fault(kind, stepIndex, location, message));
    }

    private static void CheckInputShape(StepProgram program, IReadOnlyList<Value> inputs)
    {
        if (inputs.Count != program.Parameters.Count)
        {
            throw new ArgumentException(
                $"Program {program.Id} takes {program.Parameters.Count} input(s) ({string.Join(", ", program.Parameters.Select(p => p.Name))}) but {inputs.Count} were given.",
                nameof(inputs));
        }

        for (var i = 0; i < inputs.Count; i++)
        {
            if (inputs[i].Kind != program.Parameters[i].Kind)
            {
                throw new ArgumentException(
                    $"Input {program.Parameters[i].Name} of program {program.Id} is {program.Parameters[i].Kind.ToCSharpKeyword()} but a {inputs[i].Kind.ToCSharpKeyword()} was given.",
                    nameof(inputs));
            }
        }
    }

    private readonly record struct Outcome(long Bits, FaultKind? Fault = null, string? Detail = null)
    {
        public static Outcome Fail(FaultKind kind, string detail) => new(0, kind, detail);
    }

    private static Outcome Eval(Expr expression, long[] slots, ref bool wrapped)
    {
        switch (expression)
        {
            case Constant c:
                return new Outcome(c.Value.Bits);
            case Ref r:
                return new Outcome(slots[r.Slot]);
            case Unary u:
            {
                var operand = Eval(u.Operand, slots, ref wrapped);
                return operand.Fault is null ? EvalUnary(u, operand.Bits, ref wrapped) : operand;
            }

            case Binary b:
            {
                var left = Eval(b.Left, slots, ref wrapped);
                if (left.Fault is not null)
                {
                    return left;
                }

                var right = Eval(b.Right, slots, ref wrapped);
                return right.Fault is null ? EvalBinary(b, left.Bits, right.Bits, ref wrapped) : right;
            }

            case Conditional c:
            {
                var left = Eval(c.Left, slots, ref wrapped);
                if (left.Fault is not null)
                {
                    return left;
                }

                var right = Eval(c.Right, slots, ref wrapped);
                if (right.Fault is not null)
                {
                    return right;
                }

                return Compare(c.Op, c.Left.Kind, left.Bits, right.Bits)
                    ? Eval(c.WhenTrue, slots, ref wrapped)
                    : Eval(c.WhenFalse, slots, ref wrapped);
            }

            default:
                throw new InvalidOperationException($"Unknown expression node {expression.GetType().Name}.");
        }
    }

    private static bool Compare(ComparisonOp op, ValueKind kind, long left, long right)
    {
        if (kind == ValueKind.Int64)
        {
            return op switch
            {
                ComparisonOp.Less => left < right,
                ComparisonOp.LessOrEqual => left <= right,
                ComparisonOp.Greater => left > right,
                ComparisonOp.GreaterOrEqual => left >= right,
                ComparisonOp.Equal => left == right,
                _ => left != right,
            };
        }

        var l = BitConverter.Int64BitsToDouble(left);
        var r = BitConverter.Int64BitsToDouble(right);
        return op switch
        {
            ComparisonOp.Less => l < r,
            ComparisonOp.LessOrEqual => l <= r,
            ComparisonOp.Greater => l > r,
            ComparisonOp.GreaterOrEqual => l >= r,
            ComparisonOp.Equal => l == r,
            _ => l != r,
        };
    }

    private static Outcome EvalUnary(Unary u, long bits, ref bool wrapped)
    {
        var sourceIsDouble = u.Operand.Kind == ValueKind.Double;
        switch (u.Op)
        {
            case UnaryOp.ToDouble:
                return sourceIsDouble ? new Outcome(bits) : new Outcome(D((double)bits));
            case UnaryOp.ToInt64:
                if (!sourceIsDouble)
                {
                    return new Outcome(bits);
                }

                var d = BitConverter.Int64BitsToDouble(bits);
                if (u.Checked && !(d > -9223372036854777856.0 && d < 9223372036854775808.0))
                {
                    return Outcome.Fail(FaultKind.Overflow, $"(long){Format(d)} is out of range");
                }

                return new Outcome(SaturatingToInt64(d));
            case UnaryOp.ToInt32:
                if (u.Checked && (bits < int.MinValue || bits > int.MaxValue))
                {
                    return Outcome.Fail(FaultKind.Overflow, $"(int){bits} is out of range");
                }

                return new Outcome(unchecked((int)bits));
        }

        if (u.Kind == ValueKind.Double)
        {
            var d = BitConverter.Int64BitsToDouble(bits);
            return u.Op switch
            {
                UnaryOp.Negate => new Outcome(D(-d)),
                UnaryOp.Abs => new Outcome(D(Math.Abs(d))),
                _ => throw new InvalidOperationException($"{u.Op} is not defined on double."),
            };
        }

        switch (u.Op)
        {
            case UnaryOp.Negate:
                if (u.Checked && bits == long.MinValue)
                {
                    return Outcome.Fail(FaultKind.Overflow, $"-({bits}) overflows");
                }

                wrapped |= bits == long.MinValue;
                return new Outcome(unchecked(-bits));
            case UnaryOp.BitwiseNot:
                return new Outcome(~bits);
            case UnaryOp.Abs:
                // Math.Abs(long.MinValue) throws OverflowException in any context.
                return bits == long.MinValue
                    ? Outcome.Fail(FaultKind.Overflow, "Math.Abs(long.MinValue)")
                    : new Outcome(Math.Abs(bits));
            default:
                throw new InvalidOperationException($"Unknown unary operator {u.Op}.");
        }
    }

    private static Outcome EvalBinary(Binary b, long left, long right, ref bool wrapped)
    {
        if (b.Kind == ValueKind.Double)
        {
            var l = BitConverter.Int64BitsToDouble(left);
            var r = BitConverter.Int64BitsToDouble(right);
            return new Outcome(D(b.Op switch
            {
                BinaryOp.Add => l + r,
                BinaryOp.Subtract => l - r,
                BinaryOp.Multiply => l * r,
                BinaryOp.Divide => l / r,
                BinaryOp.Remainder => l % r,
                BinaryOp.Min => Math.Min(l, r),
                BinaryOp.Max => Math.Max(l, r),
                _ => throw new InvalidOperationException($"{b.Op} is not defined on double."),
            }));
        }

        switch (b.Op)
        {
            case BinaryOp.Add:
                return b.Checked ? CheckedOp(left, right, static (x, y) => checked(x + y), "+") : Wrapping(unchecked(left + right), AddWraps(left, right), ref wrapped);
            case BinaryOp.Subtract:
                return b.Checked ? CheckedOp(left, right, static (x, y) => checked(x - y), "-") : Wrapping(unchecked(left - right), SubtractWraps(left, right), ref wrapped);
            case BinaryOp.Multiply:
                return b.Checked ? CheckedOp(left, right, static (x, y) => checked(x * y), "*") : Wrapping(unchecked(left * right), MultiplyWraps(left, right), ref wrapped);
            case BinaryOp.Divide:
            case BinaryOp.Remainder:
                var symbol = b.Op == BinaryOp.Divide ? "/" : "%";
                if (right == 0)
                {
                    return Outcome.Fail(FaultKind.DivideByZero, $"{left} {symbol} 0");
                }

                // long.MinValue / -1 and long.MinValue % -1 throw OverflowException in .NET, checked or not.
                if (left == long.MinValue && right == -1)
                {
                    return Outcome.Fail(FaultKind.Overflow, $"{left} {symbol} -1");
                }

                return new Outcome(b.Op == BinaryOp.Divide ? left / right : left % right);
            case BinaryOp.BitwiseAnd:
                return new Outcome(left & right);
            case BinaryOp.BitwiseOr:
                return new Outcome(left | right);
            case BinaryOp.ExclusiveOr:
                return new Outcome(left ^ right);
            case BinaryOp.ShiftLeft:
                return new Outcome(left << (int)right);
            case BinaryOp.ShiftRight:
                return new Outcome(left >> (int)right);
            case BinaryOp.Min:
                return new Outcome(Math.Min(left, right));
            case BinaryOp.Max:
                return new Outcome(Math.Max(left, right));
            default:
                throw new InvalidOperationException($"Unknown binary operator {b.Op}.");
        }
    }

    private static Outcome CheckedOp(long left, long right, Func<long, long, long> op, string symbol)
    {
        try
        {
            return new Outcome(op(left, right));
        }
        catch (OverflowException)
        {
            return Outcome.Fail(FaultKind.Overflow, $"{left} {symbol} {right} overflows in a checked context");
        }
    }

    private static Outcome Wrapping(long result, bool wraps, ref bool wrapped)
    {
        wrapped |= wraps;
        return new Outcome(result);
    }

    private static bool AddWraps(long left, long right) => ((left ^ unchecked(left + right)) & (right ^ unchecked(left + right))) < 0;

    private static bool SubtractWraps(long left, long right) => ((left ^ right) & (left ^ unchecked(left - right))) < 0;

    private static bool MultiplyWraps(long left, long right) =>
        (left == -1 && right == long.MinValue) || (left != 0 && unchecked(left * right) / left != right);

    // C# on .NET 9+ saturates an unchecked double-to-long conversion (NaN gives 0); spelt out so the analyzers,
    // which run this file on whatever runtime hosts the compiler, compute the same value.
    private static long SaturatingToInt64(double value) =>
        double.IsNaN(value) ? 0
        : value >= 9223372036854775808.0 ? long.MaxValue
        : value < -9223372036854775808.0 ? long.MinValue
        : unchecked((long)value);

    private static long D(double value) => BitConverter.DoubleToInt64Bits(value);

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
