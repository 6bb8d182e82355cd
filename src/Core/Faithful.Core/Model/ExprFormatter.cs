using System.Globalization;
using System.Text;

namespace Faithful.Model;

/// <summary>
/// Prints an expression as compilable C#, naming slots through a callback, with the parentheses
/// that precedence needs and nothing more. C# must read the text back as the same tree:
/// <list type="bullet">
/// <item>a node whose <c>Checked</c> flag differs from the enclosing context is wrapped in <c>checked(...)</c> or <c>unchecked(...)</c>;</item>
/// <item>the model has no <c>int</c> kind, so an operator never computes in 32 bits: when every operand of an operator would be
/// <c>int</c>-typed in C# (an <c>int</c>-range literal or a <see cref="UnaryOp.ToInt32"/> cast), one operand is widened
/// (<c>5L</c>, <c>(long)(int)x</c>);</item>
/// <item>a shift count that is not already <c>int</c>-typed is cast with <c>(int)</c>, which keeps the low 6 bits that C# uses.</item>
/// </list>
/// </summary>
public static class ExprFormatter
{
    public static string ToCSharp(Expr expression, Func<int, string> slotName)
    {
        var builder = new StringBuilder();
        new Printer(builder, slotName).Write(expression, new Context(0, false, false, false));
        return builder.ToString();
    }

    /// <summary>Prints an expression of <paramref name="program"/> using its slot names.</summary>
    public static string ToCSharp(Expr expression, StepProgram program) => ToCSharp(expression, program.SlotName);

    public static string Literal(Value value)
    {
        if (value.Kind == ValueKind.Int64)
        {
            // long.MinValue has no positive literal; C# accepts it only through the constant.
            return value.AsInt64 == long.MinValue ? "long.MinValue" : value.AsInt64.ToString(CultureInfo.InvariantCulture) + (value.AsInt64 is > int.MaxValue or < int.MinValue ? "L" : "");
        }

        var d = value.AsDouble;
        if (double.IsNaN(d))
        {
            return "double.NaN";
        }

        if (double.IsPositiveInfinity(d))
        {
            return "double.PositiveInfinity";
        }

        if (double.IsNegativeInfinity(d))
        {
            return "double.NegativeInfinity";
        }

        var text = d.ToString("R", CultureInfo.InvariantCulture);
        if (text.Contains('E', StringComparison.Ordinal))
        {
            return text + "d";
        }

        return text.Contains('.', StringComparison.Ordinal) ? text : text + ".0";
    }

    /// <summary>True when C# types the printed expression as <c>int</c>: an <c>int</c>-range long literal or an <c>(int)</c> cast.</summary>
    public static bool IsIntTyped(Expr expression) => expression switch
    {
        Constant { Value.Kind: ValueKind.Int64 } c => c.Value.AsInt64 is >= int.MinValue and <= int.MaxValue,
        Unary { Op: UnaryOp.ToInt32 } => true,
        _ => false,
    };

    private const int UnaryPrecedence = 14;
    private const int ConditionalPrecedence = 2;
    private const int ComparisonPrecedence = 9;

    /// <param name="Precedence">Binding strength of the parent position.</param>
    /// <param name="RightOperand">The right operand of a left-associative operator.</param>
    /// <param name="InChecked">Whether the enclosing C# context is checked.</param>
    /// <param name="Widen">The expression must print as <c>long</c>, not <c>int</c>.</param>
    private readonly record struct Context(int Precedence, bool RightOperand, bool InChecked, bool Widen)
    {
        public Context At(int precedence, bool rightOperand = false, bool widen = false) => new(precedence, rightOperand, InChecked, widen);
    }

    private sealed class Printer(StringBuilder sb, Func<int, string> slotName)
    {
        public void Write(Expr expression, Context context)
        {
            var isChecked = expression switch
            {
                Binary b => (bool?)b.Checked,
                Unary u => u.Checked,
                _ => null,
            };
            if (isChecked is { } flag && flag != context.InChecked)
            {
                sb.Append(flag ? "checked(" : "unchecked(");
                WriteNode(expression, new Context(0, false, flag, context.Widen));
                sb.Append(')');
                return;
            }

            WriteNode(expression, context);
        }

        private void WriteNode(Expr expression, Context context)
        {
            switch (expression)
            {
                case Constant c:
                {
                    var literal = Literal(c.Value);
                    if (context.Widen && IsIntTyped(c))
                    {
                        literal += "L";
                    }

                    Wrap(literal.StartsWith('-') && context.Precedence >= UnaryPrecedence, () => sb.Append(literal));
                    break;
                }

                case Ref r:
                    sb.Append(slotName(r.Slot));
                    break;
                case Unary u:
                    WriteUnary(u, context);
                    break;
                case Binary b when b.Op.IsCall():
                {
                    // Math.Min(int, int) would pick the int overload; keep it long.
                    var widenLeft = IsIntTyped(b.Left) && IsIntTyped(b.Right);
                    sb.Append(b.Op.Symbol()).Append('(');
                    Write(b.Left, context.At(0, widen: widenLeft));
                    sb.Append(", ");
                    Write(b.Right, context.At(0));
                    sb.Append(')');
                    break;
                }

                case Binary b:
                    WriteBinary(b, context);
                    break;
                case Conditional c:
                {
                    var widenTrue = IsIntTyped(c.WhenTrue) && IsIntTyped(c.WhenFalse);
                    Wrap(context.Precedence >= ConditionalPrecedence, () =>
                    {
                        Write(c.Left, context.At(ComparisonPrecedence + 1));
                        sb.Append(' ').Append(c.Op.Symbol()).Append(' ');
                        Write(c.Right, context.At(ComparisonPrecedence + 1, rightOperand: true));
                        sb.Append(" ? ");
                        Write(c.WhenTrue, context.At(ConditionalPrecedence + 1, widen: widenTrue));
                        sb.Append(" : ");
                        Write(c.WhenFalse, context.At(ConditionalPrecedence));
                    });
                    break;
                }

                default:
                    throw new InvalidOperationException($"Unknown expression node {expression.GetType().Name}.");
            }
        }

        private void WriteBinary(Binary b, Context context)
        {
            var precedence = b.Op.Precedence();
            var needsParens = precedence < context.Precedence || (precedence == context.Precedence && context.RightOperand);
            var isShift = b.Op is BinaryOp.ShiftLeft or BinaryOp.ShiftRight;
            var widenLeft = b.Kind == ValueKind.Int64 && IsIntTyped(b.Left) && (isShift || IsIntTyped(b.Right));
            Wrap(needsParens, () =>
            {
                Write(b.Left, context.At(precedence, widen: widenLeft));
                sb.Append(' ').Append(b.Op.Symbol()).Append(' ');
                if (isShift && !IsIntTyped(b.Right))
                {
                    // C# shifts a long by an int count; (int) keeps the low 6 bits the shift uses.
                    sb.Append("(int)");
                    Write(b.Right, context.At(UnaryPrecedence));
                }
                else
                {
                    Write(b.Right, context.At(precedence, rightOperand: true));
                }
            });
        }

        private void WriteUnary(Unary u, Context context)
        {
            var widenOperand = u.Op is UnaryOp.Negate or UnaryOp.Abs or UnaryOp.BitwiseNot && IsIntTyped(u.Operand);
            if (u.Op == UnaryOp.Abs)
            {
                sb.Append("Math.Abs(");
                Write(u.Operand, context.At(0, widen: widenOperand));
                sb.Append(')');
                return;
            }

            var prefix = u.Op switch
            {
                UnaryOp.Negate => "-",
                UnaryOp.BitwiseNot => "~",
                UnaryOp.ToDouble => "(double)",
                UnaryOp.ToInt64 => "(long)",
                UnaryOp.ToInt32 => context.Widen ? "(long)(int)" : "(int)",
                _ => throw new InvalidOperationException($"Unknown unary operator {u.Op}."),
            };
            Wrap(context.Precedence > UnaryPrecedence, () =>
            {
                sb.Append(prefix);
                // "- -x" and "--x" differ in C#: keep a negated negative apart.
                var operandText = new StringBuilder();
                new Printer(operandText, slotName).Write(u.Operand, context.At(UnaryPrecedence, widen: widenOperand));
                if (u.Op == UnaryOp.Negate && operandText.Length > 0 && operandText[0] == '-')
                {
                    sb.Append('(').Append(operandText).Append(')');
                }
                else
                {
                    sb.Append(operandText);
                }
            });
        }

        private void Wrap(bool parens, Action body)
        {
            if (parens)
            {
                sb.Append('(');
            }

            body();
            if (parens)
            {
                sb.Append(')');
            }
        }
    }
}
