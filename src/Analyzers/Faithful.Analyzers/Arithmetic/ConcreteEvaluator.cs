using System.Numerics;
using Faithful.Analyzers.Extraction;

namespace Faithful.Analyzers.Arithmetic;

/// <summary>
/// Runs a program on concrete inputs as .NET would, noting per step whether a long operation divided by zero
/// or left the long range (wrapping when unchecked, stopping when it would throw).
/// </summary>
internal sealed class ConcreteEvaluator
{
    private static readonly BigInteger LongMin = long.MinValue;
    private static readonly BigInteger LongMax = long.MaxValue;

    private readonly ConcreteValue[] _slots;
    private StepHazard _current;
    private bool _stopped;

    private ConcreteEvaluator(int slotCount)
    {
        _slots = new ConcreteValue[slotCount];
    }

    /// <summary>The hazards each step hit on these inputs; steps after a throwing one never run.</summary>
    public static StepHazard[] Run(ProgramModel program, ConcreteValue[] inputs)
    {
        var parameterCount = program.Parameters.Count;
        var evaluator = new ConcreteEvaluator(parameterCount + program.Steps.Count);
        Array.Copy(inputs, evaluator._slots, parameterCount);
        var hazards = new StepHazard[program.Steps.Count];
        for (var i = 0; i < program.Steps.Count && !evaluator._stopped; i++)
        {
            evaluator._current = StepHazard.None;
            evaluator._slots[parameterCount + i] = evaluator.Eval(program.Steps[i].Expression);
            hazards[i] = evaluator._current;
        }

        return hazards;
    }

    private ConcreteValue Eval(ExprModel expression)
    {
        if (_stopped)
        {
            return default;
        }

        switch (expression)
        {
            case ConstantModel constant:
                return constant.Kind == ModelValueKind.Int64 ? ConcreteValue.Of(constant.Bits) : ConcreteValue.Of(BitConverter.Int64BitsToDouble(constant.Bits));
            case RefModel reference:
                return _slots[reference.Slot];
            case UnaryModel unary:
                return EvalUnary(unary, Eval(unary.Operand));
            case BinaryModel binary:
                return EvalBinary(binary, Eval(binary.Left), Eval(binary.Right));
            case ConditionalModel conditional:
                var left = Eval(conditional.Left);
                var right = Eval(conditional.Right);
                return Eval(Compare(conditional.Op, left, right, conditional.Left.Kind == ModelValueKind.Double) ? conditional.WhenTrue : conditional.WhenFalse);
            default:
                _stopped = true;
                return default;
        }
    }

    private static bool Compare(ModelComparisonOp op, ConcreteValue left, ConcreteValue right, bool asDouble)
    {
        var order = asDouble ? left.AsDouble.CompareTo(right.AsDouble) : left.Long.CompareTo(right.Long);
        var unordered = asDouble && (double.IsNaN(left.AsDouble) || double.IsNaN(right.AsDouble));
        return op switch
        {
            ModelComparisonOp.Less => !unordered && order < 0,
            ModelComparisonOp.LessOrEqual => !unordered && order <= 0,
            ModelComparisonOp.Greater => !unordered && order > 0,
            ModelComparisonOp.GreaterOrEqual => !unordered && order >= 0,
            ModelComparisonOp.Equal => !unordered && order == 0,
            _ => unordered || order != 0,
        };
    }

    private ConcreteValue EvalUnary(UnaryModel unary, ConcreteValue operand)
    {
        switch (unary.Op)
        {
            case ModelUnaryOp.ToDouble:
                return ConcreteValue.Of(operand.AsDouble);
            case ModelUnaryOp.ToInt64:
                return ToInt64(operand.AsDouble, unary.Checked);
            case ModelUnaryOp.ToInt32:
                if (unary.Checked && (operand.Long < int.MinValue || operand.Long > int.MaxValue))
                {
                    return Throw(StepHazard.Overflow);
                }

                return ConcreteValue.Of(unchecked((long)(int)operand.Long));
        }

        if (unary.Kind == ModelValueKind.Double)
        {
            var d = operand.AsDouble;
            return ConcreteValue.Of(unary.Op switch { ModelUnaryOp.Negate => -d, ModelUnaryOp.Abs => Math.Abs(d), _ => d });
        }

        var x = operand.Long;
        return unary.Op switch
        {
            ModelUnaryOp.Negate => Exact(-operand.AsBig, unary.Checked),
            ModelUnaryOp.Abs => x == long.MinValue ? Throw(StepHazard.Overflow) : ConcreteValue.Of(Math.Abs(x)),
            ModelUnaryOp.BitwiseNot => ConcreteValue.Of(~x),
            _ => operand,
        };
    }

    private ConcreteValue EvalBinary(BinaryModel binary, ConcreteValue left, ConcreteValue right)
    {
        if (_stopped)
        {
            return default;
        }

        if (binary.Kind == ModelValueKind.Double)
        {
            double a = left.AsDouble, b = right.AsDouble;
            return ConcreteValue.Of(binary.Op switch
            {
                ModelBinaryOp.Add => a + b,
                ModelBinaryOp.Subtract => a - b,
                ModelBinaryOp.Multiply => a * b,
                ModelBinaryOp.Divide => a / b,
                ModelBinaryOp.Remainder => a % b,
                ModelBinaryOp.Min => Math.Min(a, b),
                ModelBinaryOp.Max => Math.Max(a, b),
                _ => double.NaN,
            });
        }

        long x = left.Long, y = right.Long;
        switch (binary.Op)
        {
            case ModelBinaryOp.Add:
                return Exact(left.AsBig + right.AsBig, binary.Checked);
            case ModelBinaryOp.Subtract:
                return Exact(left.AsBig - right.AsBig, binary.Checked);
            case ModelBinaryOp.Multiply:
                return Exact(left.AsBig * right.AsBig, binary.Checked);
            case ModelBinaryOp.Divide:
                return y == 0 ? Throw(StepHazard.DivideByZero) : x == long.MinValue && y == -1 ? Throw(StepHazard.Overflow) : ConcreteValue.Of(x / y);
            case ModelBinaryOp.Remainder:
                return y == 0 ? Throw(StepHazard.DivideByZero) : x == long.MinValue && y == -1 ? Throw(StepHazard.Overflow) : ConcreteValue.Of(x % y);
            case ModelBinaryOp.BitwiseAnd:
                return ConcreteValue.Of(x & y);
            case ModelBinaryOp.BitwiseOr:
                return ConcreteValue.Of(x | y);
            case ModelBinaryOp.ExclusiveOr:
                return ConcreteValue.Of(x ^ y);
            case ModelBinaryOp.ShiftLeft:
                return ConcreteValue.Of(x << (int)(y & 63));
            case ModelBinaryOp.ShiftRight:
                return ConcreteValue.Of(x >> (int)(y & 63));
            case ModelBinaryOp.Min:
                return ConcreteValue.Of(Math.Min(x, y));
            case ModelBinaryOp.Max:
                return ConcreteValue.Of(Math.Max(x, y));
            default:
                _stopped = true;
                return default;
        }
    }

    // Unchecked arithmetic wraps and the program goes on; checked arithmetic throws and it stops.
    private ConcreteValue Exact(BigInteger exact, bool isChecked)
    {
        if (exact >= LongMin && exact <= LongMax)
        {
            return ConcreteValue.Of((long)exact);
        }

        if (isChecked)
        {
            return Throw(StepHazard.Overflow);
        }

        _current |= StepHazard.Overflow;
        return ConcreteValue.Of((long)(ulong)(exact & ulong.MaxValue));
    }

    // .NET 9+ saturates unchecked double-to-long conversions; checked ones throw out of range.
    private ConcreteValue ToInt64(double value, bool isChecked)
    {
        const double TwoTo63 = 9223372036854775808.0;
        if (double.IsNaN(value) || value >= TwoTo63 || value < -TwoTo63)
        {
            return isChecked ? Throw(StepHazard.Overflow) : ConcreteValue.Of(double.IsNaN(value) ? 0 : value > 0 ? long.MaxValue : long.MinValue);
        }

        return ConcreteValue.Of((long)value);
    }

    private ConcreteValue Throw(StepHazard hazard)
    {
        _current |= hazard;
        _stopped = true;
        return default;
    }
}
