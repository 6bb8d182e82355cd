using System;
using System.Collections.Generic;
using Faithful.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Faithful.Analyzers.Extraction;

/// <summary>
/// Evaluates the integer arithmetic of loop counters (and expressions over them) with C#'s own semantics:
/// int arithmetic wraps at 32 bits, shift counts are masked, checked contexts throw.
/// </summary>
internal static class ConstantFolder
{
    /// <summary>The fold failed because C# itself would throw (division by zero, checked overflow).</summary>
    public sealed class FoldFault : Exception
    {
        public FoldFault(string message)
            : base(message)
        {
        }

        public FoldFault()
        {
        }

        public FoldFault(string message, Exception innerException)
            : base(message, innerException)
        {
        }
    }

    /// <summary>Folds <paramref name="operation"/> when it reads only constants and loop variables.</summary>
    /// <exception cref="FoldFault">Evaluating it would throw in C#.</exception>
    public static FoldedValue? TryFold(IOperation operation, IReadOnlyDictionary<ILocalSymbol, FoldedValue> loopVariables) =>
        TryFold(operation, loopVariables, 0);

    private static FoldedValue? TryFold(IOperation operation, IReadOnlyDictionary<ILocalSymbol, FoldedValue> loopVariables, int depth)
    {
        if (depth > ProgramLimits.MaxExpressionDepth)
        {
            // Too deep to fold safely; the lowering reports the depth.
            return null;
        }

        if (operation.ConstantValue.HasValue)
        {
            return FoldedValue.FromConstant(operation.Type, operation.ConstantValue.Value);
        }

        switch (operation)
        {
            case ILocalReferenceOperation local when loopVariables.TryGetValue(local.Local, out var value):
                return value;
            case IConversionOperation conversion when conversion.OperatorMethod is null:
            {
                var operand = TryFold(conversion.Operand, loopVariables, depth + 1);
                return operand is null ? null : Convert(operand.Value, conversion.Type?.SpecialType ?? SpecialType.None, conversion.IsChecked);
            }

            case IUnaryOperation unary when unary.OperatorMethod is null:
            {
                var operand = TryFold(unary.Operand, loopVariables, depth + 1);
                return operand is null ? null : Unary(unary.OperatorKind, operand.Value, unary.Type?.SpecialType ?? SpecialType.None, unary.IsChecked);
            }

            case IBinaryOperation binary when binary.OperatorMethod is null:
            {
                var left = TryFold(binary.LeftOperand, loopVariables, depth + 1);
                var right = left is null ? null : TryFold(binary.RightOperand, loopVariables, depth + 1);
                return right is null ? null : Binary(binary.OperatorKind, left!.Value, right.Value, binary.Type?.SpecialType ?? SpecialType.None, binary.IsChecked);
            }

            default:
                return null;
        }
    }

    /// <summary>Folds a loop condition such as <c>i &lt; 3</c>; null when it is not a constant comparison.</summary>
    public static bool? TryFoldCondition(IOperation operation, IReadOnlyDictionary<ILocalSymbol, FoldedValue> loopVariables)
    {
        if (operation.ConstantValue.HasValue && operation.ConstantValue.Value is bool constant)
        {
            return constant;
        }

        if (operation is not IBinaryOperation { OperatorMethod: null } comparison)
        {
            return null;
        }

        var left = TryFold(comparison.LeftOperand, loopVariables);
        var right = left is null ? null : TryFold(comparison.RightOperand, loopVariables);
        if (right is null)
        {
            return null;
        }

        var l = left!.Value;
        var r = right.Value;
        if (l.IsIntegral && r.IsIntegral)
        {
            return Compare(comparison.OperatorKind, l.Integer.CompareTo(r.Integer), l.Integer == r.Integer);
        }

        var ld = l.IsIntegral ? l.Integer : l.Real;
        var rd = r.IsIntegral ? r.Integer : r.Real;
        return comparison.OperatorKind switch
        {
            BinaryOperatorKind.LessThan => ld < rd,
            BinaryOperatorKind.LessThanOrEqual => ld <= rd,
            BinaryOperatorKind.GreaterThan => ld > rd,
            BinaryOperatorKind.GreaterThanOrEqual => ld >= rd,
            BinaryOperatorKind.Equals => ld == rd,
            BinaryOperatorKind.NotEquals => ld != rd,
            _ => null,
        };
    }

    private static bool? Compare(BinaryOperatorKind kind, int order, bool equal) => kind switch
    {
        BinaryOperatorKind.LessThan => order < 0,
        BinaryOperatorKind.LessThanOrEqual => order <= 0,
        BinaryOperatorKind.GreaterThan => order > 0,
        BinaryOperatorKind.GreaterThanOrEqual => order >= 0,
        BinaryOperatorKind.Equals => equal,
        BinaryOperatorKind.NotEquals => !equal,
        _ => null,
    };

    public static FoldedValue? Convert(FoldedValue value, SpecialType target, bool isChecked)
    {
        switch (target)
        {
            case SpecialType.System_Int32:
                if (!value.IsIntegral)
                {
                    return null;
                }

                if (isChecked && (value.Integer < int.MinValue || value.Integer > int.MaxValue))
                {
                    throw new FoldFault("(int)" + value.Integer + " overflows in a checked context");
                }

                return FoldedValue.Int32(value.Integer);
            case SpecialType.System_Int64:
                return value.IsIntegral ? FoldedValue.Int64(value.Integer) : null;
            case SpecialType.System_Double:
                return FoldedValue.Double(value.IsIntegral ? value.Integer : value.Real);
            default:
                return null;
        }
    }

    private static FoldedValue? Unary(UnaryOperatorKind kind, FoldedValue operand, SpecialType type, bool isChecked)
    {
        if (type == SpecialType.System_Double)
        {
            var d = operand.IsIntegral ? operand.Integer : operand.Real;
            return kind switch
            {
                UnaryOperatorKind.Plus => FoldedValue.Double(d),
                UnaryOperatorKind.Minus => FoldedValue.Double(-d),
                _ => null,
            };
        }

        if (!operand.IsIntegral)
        {
            return null;
        }

        return kind switch
        {
            UnaryOperatorKind.Plus => Integral(type, operand.Integer),
            UnaryOperatorKind.Minus => type == SpecialType.System_Int64 ? FoldedValue.Int64(NegateLong(operand.Integer, isChecked)) : Checked(type, -operand.Integer, isChecked, true),
            UnaryOperatorKind.BitwiseNegation => Integral(type, ~operand.Integer),
            _ => null,
        };
    }

    private static long NegateLong(long value, bool isChecked)
    {
        if (isChecked && value == long.MinValue)
        {
            throw new FoldFault("-(" + value + ") overflows in a checked context");
        }

        return unchecked(-value);
    }

    private static FoldedValue? Binary(BinaryOperatorKind kind, FoldedValue left, FoldedValue right, SpecialType type, bool isChecked)
    {
        if (type == SpecialType.System_Double)
        {
            var l = left.IsIntegral ? left.Integer : left.Real;
            var r = right.IsIntegral ? right.Integer : right.Real;
            return kind switch
            {
                BinaryOperatorKind.Add => FoldedValue.Double(l + r),
                BinaryOperatorKind.Subtract => FoldedValue.Double(l - r),
                BinaryOperatorKind.Multiply => FoldedValue.Double(l * r),
                BinaryOperatorKind.Divide => FoldedValue.Double(l / r),
                BinaryOperatorKind.Remainder => FoldedValue.Double(l % r),
                _ => null,
            };
        }

        if (!left.IsIntegral || !right.IsIntegral || type is not (SpecialType.System_Int32 or SpecialType.System_Int64))
        {
            return null;
        }

        var is32 = type == SpecialType.System_Int32;
        long a = left.Integer, b = right.Integer;
        switch (kind)
        {
            case BinaryOperatorKind.Add:
                return Checked(type, is32 ? a + b : unchecked(a + b), isChecked, is32 || !isChecked || !AddOverflows(a, b));
            case BinaryOperatorKind.Subtract:
                return Checked(type, is32 ? a - b : unchecked(a - b), isChecked, is32 || !isChecked || !SubtractOverflows(a, b));
            case BinaryOperatorKind.Multiply:
                return Checked(type, is32 ? a * b : unchecked(a * b), isChecked, is32 || !isChecked || !MultiplyOverflows(a, b));
            case BinaryOperatorKind.Divide:
            case BinaryOperatorKind.Remainder:
                if (b == 0)
                {
                    throw new FoldFault("division by zero in a loop constant");
                }

                if (b == -1 && a == (is32 ? int.MinValue : long.MinValue))
                {
                    throw new FoldFault("overflow dividing " + a + " by -1");
                }

                return Integral(type, kind == BinaryOperatorKind.Divide ? a / b : a % b);
            case BinaryOperatorKind.And:
                return Integral(type, a & b);
            case BinaryOperatorKind.Or:
                return Integral(type, a | b);
            case BinaryOperatorKind.ExclusiveOr:
                return Integral(type, a ^ b);
            case BinaryOperatorKind.LeftShift:
                return is32 ? FoldedValue.Int32(unchecked((int)a << (int)b)) : FoldedValue.Int64(a << (int)b);
            case BinaryOperatorKind.RightShift:
                return is32 ? FoldedValue.Int32((int)a >> (int)b) : FoldedValue.Int64(a >> (int)b);
            default:
                return null;
        }
    }

    private static FoldedValue Checked(SpecialType type, long value, bool isChecked, bool longInRange)
    {
        if (isChecked && (!longInRange || (type == SpecialType.System_Int32 && (value < int.MinValue || value > int.MaxValue))))
        {
            throw new FoldFault("arithmetic overflow in a checked context");
        }

        return Integral(type, value);
    }

    private static FoldedValue Integral(SpecialType type, long value) =>
        type == SpecialType.System_Int32 ? FoldedValue.Int32(value) : FoldedValue.Int64(value);

    private static bool AddOverflows(long a, long b)
    {
        var sum = unchecked(a + b);
        return ((a ^ sum) & (b ^ sum)) < 0;
    }

    private static bool SubtractOverflows(long a, long b)
    {
        var difference = unchecked(a - b);
        return ((a ^ b) & (a ^ difference)) < 0;
    }

    private static bool MultiplyOverflows(long a, long b)
    {
        try
        {
            _ = checked(a * b);
            return false;
        }
        catch (OverflowException)
        {
            return true;
        }
    }
}
