using System.Numerics;
using Faithful.Model;

namespace Faithful.Analyzers.Arithmetic;

/// <summary>
/// Propagates input ranges through the steps and marks every step whose long arithmetic may divide by zero
/// or leave the long range. Sound but not exact: a marked step still needs a concrete witness.
/// </summary>
internal sealed class IntervalAnalysis
{
    private readonly Interval[] _slots;
    private StepHazard _current;

    private IntervalAnalysis(int slotCount)
    {
        _slots = new Interval[slotCount];
    }

    /// <summary>The possible hazards of each step, by step index.</summary>
    public static StepHazard[] Run(StepProgram program, CancellationToken cancellationToken)
    {
        var parameterCount = program.Parameters.Count;
        var analysis = new IntervalAnalysis(parameterCount + program.Steps.Count);
        for (var i = 0; i < parameterCount; i++)
        {
            var parameter = program.Parameters[i];
            analysis._slots[i] = parameter.Kind == ValueKind.Int64 && parameter.Domain is { } domain
                ? new Interval(Clamp(domain.Min, ceiling: true), Clamp(domain.Max, ceiling: false))
                : Interval.FullLong;
        }

        var hazards = new StepHazard[program.Steps.Count];
        for (var i = 0; i < program.Steps.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            analysis._current = StepHazard.None;
            var step = program.Steps[i];
            var value = analysis.Eval(step.Expression);
            analysis._slots[parameterCount + i] = step.Kind == ValueKind.Int64 ? value.Wrapped : Interval.FullLong;
            hazards[i] = analysis._current;
        }

        return hazards;
    }

    private static BigInteger Clamp(decimal bound, bool ceiling)
    {
        var rounded = ceiling ? Math.Ceiling(bound) : Math.Floor(bound);
        return BigInteger.Max(Interval.LongMin, BigInteger.Min(Interval.LongMax, new BigInteger(rounded)));
    }

    private Interval Eval(Expr expression)
    {
        switch (expression)
        {
            case Constant constant:
                return constant.Kind == ValueKind.Int64 ? Interval.Point(constant.Value.AsInt64) : Interval.FullLong;
            case Ref reference:
                return reference.Slot < _slots.Length ? _slots[reference.Slot] : Interval.FullLong;
            case Unary unary:
                return EvalUnary(unary, Eval(unary.Operand));
            case Binary binary:
                return EvalBinary(binary, Eval(binary.Left), Eval(binary.Right));
            case Conditional conditional:
                Eval(conditional.Left);
                Eval(conditional.Right);
                return Eval(conditional.WhenTrue).Union(Eval(conditional.WhenFalse));
            default:
                return Interval.FullLong;
        }
    }

    private Interval EvalUnary(Unary unary, Interval operand)
    {
        if (unary.Kind != ValueKind.Int64 || unary.Operand.Kind != ValueKind.Int64)
        {
            return Interval.FullLong;
        }

        switch (unary.Op)
        {
            case UnaryOp.Negate:
                return Checked(Interval.Negate(operand));
            case UnaryOp.Abs:
                return Checked(Interval.Abs(operand));
            case UnaryOp.BitwiseNot:
                return new Interval(-operand.Max - 1, -operand.Min - 1);
            case UnaryOp.ToInt32:
                return operand.Min >= int.MinValue && operand.Max <= int.MaxValue ? operand : new Interval(int.MinValue, int.MaxValue);
            default:
                return operand;
        }
    }

    private Interval EvalBinary(Binary binary, Interval left, Interval right)
    {
        if (binary.Kind != ValueKind.Int64 || binary.Left.Kind != ValueKind.Int64)
        {
            return Interval.FullLong;
        }

        switch (binary.Op)
        {
            case BinaryOp.Add:
                return Checked(Interval.Add(left, right));
            case BinaryOp.Subtract:
                return Checked(Interval.Subtract(left, right));
            case BinaryOp.Multiply:
                return Checked(Interval.Multiply(left, right));
            case BinaryOp.Divide:
                DivisorMayBeZero(right);
                return Checked(Interval.Divide(left));
            case BinaryOp.Remainder:
                DivisorMayBeZero(right);
                if (left.Contains(Interval.LongMin) && right.Contains(-1))
                {
                    // long.MinValue % -1 throws OverflowException in .NET.
                    _current |= StepHazard.Overflow;
                }

                return Interval.Remainder(left, right);
            case BinaryOp.BitwiseAnd:
                return Interval.Bitwise(left, right, isAnd: true);
            case BinaryOp.BitwiseOr:
            case BinaryOp.ExclusiveOr:
                return Interval.Bitwise(left, right, isAnd: false);
            case BinaryOp.ShiftLeft:
                return right.Min == right.Max && right.Min >= 0 && right.Min < 64
                    ? new Interval(left.Min << (int)right.Min, left.Max << (int)right.Min).Wrapped
                    : Interval.FullLong;
            case BinaryOp.ShiftRight:
                return right.Min == right.Max && right.Min >= 0 && right.Min < 64
                    ? new Interval(left.Min >> (int)right.Min, left.Max >> (int)right.Min)
                    : new Interval(BigInteger.Min(left.Min, 0), BigInteger.Max(left.Max, 0));
            case BinaryOp.Min:
                return Interval.Minimum(left, right);
            case BinaryOp.Max:
                return Interval.Maximum(left, right);
            default:
                return Interval.FullLong;
        }
    }

    private void DivisorMayBeZero(Interval divisor)
    {
        if (divisor.Contains(0))
        {
            _current |= StepHazard.DivideByZero;
        }
    }

    private Interval Checked(Interval exact)
    {
        if (!exact.FitsLong)
        {
            _current |= StepHazard.Overflow;
        }

        return exact.Wrapped;
    }
}
