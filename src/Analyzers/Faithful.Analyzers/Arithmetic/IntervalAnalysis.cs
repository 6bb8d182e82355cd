using System.Numerics;
using Faithful.Analyzers.Extraction;

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
    public static StepHazard[] Run(ProgramModel program, CancellationToken cancellationToken)
    {
        var parameterCount = program.Parameters.Count;
        var analysis = new IntervalAnalysis(parameterCount + program.Steps.Count);
        for (var i = 0; i < parameterCount; i++)
        {
            var parameter = program.Parameters[i];
            analysis._slots[i] = parameter.Kind == ModelValueKind.Int64 && parameter.Domain is { } domain
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
            analysis._slots[parameterCount + i] = step.Kind == ModelValueKind.Int64 ? value.Wrapped : Interval.FullLong;
            hazards[i] = analysis._current;
        }

        return hazards;
    }

    private static BigInteger Clamp(decimal bound, bool ceiling)
    {
        var rounded = ceiling ? Math.Ceiling(bound) : Math.Floor(bound);
        return BigInteger.Max(Interval.LongMin, BigInteger.Min(Interval.LongMax, new BigInteger(rounded)));
    }

    private Interval Eval(ExprModel expression)
    {
        switch (expression)
        {
            case ConstantModel constant:
                return constant.Kind == ModelValueKind.Int64 ? Interval.Point(constant.Bits) : Interval.FullLong;
            case RefModel reference:
                return reference.Slot < _slots.Length ? _slots[reference.Slot] : Interval.FullLong;
            case UnaryModel unary:
                return EvalUnary(unary, Eval(unary.Operand));
            case BinaryModel binary:
                return EvalBinary(binary, Eval(binary.Left), Eval(binary.Right));
            case ConditionalModel conditional:
                Eval(conditional.Left);
                Eval(conditional.Right);
                return Eval(conditional.WhenTrue).Union(Eval(conditional.WhenFalse));
            default:
                return Interval.FullLong;
        }
    }

    private Interval EvalUnary(UnaryModel unary, Interval operand)
    {
        if (unary.Kind != ModelValueKind.Int64 || unary.Operand.Kind != ModelValueKind.Int64)
        {
            return Interval.FullLong;
        }

        switch (unary.Op)
        {
            case ModelUnaryOp.Negate:
                return Checked(Interval.Negate(operand));
            case ModelUnaryOp.Abs:
                return Checked(Interval.Abs(operand));
            case ModelUnaryOp.BitwiseNot:
                return new Interval(-operand.Max - 1, -operand.Min - 1);
            case ModelUnaryOp.ToInt32:
                return operand.Min >= int.MinValue && operand.Max <= int.MaxValue ? operand : new Interval(int.MinValue, int.MaxValue);
            default:
                return operand;
        }
    }

    private Interval EvalBinary(BinaryModel binary, Interval left, Interval right)
    {
        if (binary.Kind != ModelValueKind.Int64 || binary.Left.Kind != ModelValueKind.Int64)
        {
            return Interval.FullLong;
        }

        switch (binary.Op)
        {
            case ModelBinaryOp.Add:
                return Checked(Interval.Add(left, right));
            case ModelBinaryOp.Subtract:
                return Checked(Interval.Subtract(left, right));
            case ModelBinaryOp.Multiply:
                return Checked(Interval.Multiply(left, right));
            case ModelBinaryOp.Divide:
                DivisorMayBeZero(right);
                return Checked(Interval.Divide(left));
            case ModelBinaryOp.Remainder:
                DivisorMayBeZero(right);
                if (left.Contains(Interval.LongMin) && right.Contains(-1))
                {
                    // long.MinValue % -1 throws OverflowException in .NET.
                    _current |= StepHazard.Overflow;
                }

                return Interval.Remainder(left, right);
            case ModelBinaryOp.BitwiseAnd:
                return Interval.Bitwise(left, right, isAnd: true);
            case ModelBinaryOp.BitwiseOr:
            case ModelBinaryOp.ExclusiveOr:
                return Interval.Bitwise(left, right, isAnd: false);
            case ModelBinaryOp.ShiftLeft:
                return right.Min == right.Max && right.Min >= 0 && right.Min < 64
                    ? new Interval(left.Min << (int)right.Min, left.Max << (int)right.Min).Wrapped
                    : Interval.FullLong;
            case ModelBinaryOp.ShiftRight:
                return right.Min == right.Max && right.Min >= 0 && right.Min < 64
                    ? new Interval(left.Min >> (int)right.Min, left.Max >> (int)right.Min)
                    : new Interval(BigInteger.Min(left.Min, 0), BigInteger.Max(left.Max, 0));
            case ModelBinaryOp.Min:
                return Interval.Minimum(left, right);
            case ModelBinaryOp.Max:
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
