using System.Globalization;
using System.Text;

namespace Faithful.Model;

/// <summary>
/// Prints an expression as compilable C#, naming slots through a callback, with the parentheses
/// that precedence needs and nothing more.
/// </summary>
public static class ExprFormatter
{
    public static string ToCSharp(Expr expression, Func<int, string> slotName)
    {
        var builder = new StringBuilder();
        Write(builder, expression, slotName, parentPrecedence: 0, rightOperand: false);
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

    private const int UnaryPrecedence = 14;
    private const int ConditionalPrecedence = 2;
    private const int ComparisonPrecedence = 9;
    private const int PrimaryPrecedence = 20;

    private static void Write(StringBuilder sb, Expr expression, Func<int, string> slotName, int parentPrecedence, bool rightOperand)
    {
        if (expression is Binary { Checked: true } or Unary { Checked: true })
        {
            // A checked node prints as checked(...), which C# reads back as the same checked node.
            sb.Append("checked(");
            WriteNode(sb, expression, slotName, 0, false);
            sb.Append(')');
            return;
        }

        WriteNode(sb, expression, slotName, parentPrecedence, rightOperand);
    }

    private static void WriteNode(StringBuilder sb, Expr expression, Func<int, string> slotName, int parentPrecedence, bool rightOperand)
    {
        switch (expression)
        {
            case Constant c:
            {
                var literal = Literal(c.Value);
                var negative = literal.StartsWith('-');
                Wrap(sb, negative && parentPrecedence >= UnaryPrecedence, () => sb.Append(literal));
                break;
            }

            case Ref r:
                sb.Append(slotName(r.Slot));
                break;
            case Unary u:
                WriteUnary(sb, u, slotName, parentPrecedence);
                break;
            case Binary b when b.Op.IsCall():
                sb.Append(b.Op.Symbol()).Append('(');
                Write(sb, b.Left, slotName, 0, false);
                sb.Append(", ");
                Write(sb, b.Right, slotName, 0, false);
                sb.Append(')');
                break;
            case Binary b:
            {
                var precedence = b.Op.Precedence();
                var needsParens = precedence < parentPrecedence || (precedence == parentPrecedence && rightOperand);
                Wrap(sb, needsParens, () =>
                {
                    Write(sb, b.Left, slotName, precedence, false);
                    sb.Append(' ').Append(b.Op.Symbol()).Append(' ');
                    Write(sb, b.Right, slotName, precedence, true);
                });
                break;
            }

            case Conditional c:
                Wrap(sb, parentPrecedence > ConditionalPrecedence || (parentPrecedence == ConditionalPrecedence), () =>
                {
                    Write(sb, c.Left, slotName, ComparisonPrecedence + 1, false);
                    sb.Append(' ').Append(c.Op.Symbol()).Append(' ');
                    Write(sb, c.Right, slotName, ComparisonPrecedence + 1, true);
                    sb.Append(" ? ");
                    Write(sb, c.WhenTrue, slotName, ConditionalPrecedence + 1, false);
                    sb.Append(" : ");
                    Write(sb, c.WhenFalse, slotName, ConditionalPrecedence, false);
                });
                break;
            default:
                throw new InvalidOperationException($"Unknown expression node {expression.GetType().Name}.");
        }
    }

    private static void WriteUnary(StringBuilder sb, Unary u, Func<int, string> slotName, int parentPrecedence)
    {
        if (u.Op == UnaryOp.Abs)
        {
            sb.Append("Math.Abs(");
            Write(sb, u.Operand, slotName, 0, false);
            sb.Append(')');
            return;
        }

        var prefix = u.Op switch
        {
            UnaryOp.Negate => "-",
            UnaryOp.BitwiseNot => "~",
            UnaryOp.ToDouble => "(double)",
            UnaryOp.ToInt64 => "(long)",
            UnaryOp.ToInt32 => "(int)",
            _ => throw new InvalidOperationException($"Unknown unary operator {u.Op}."),
        };
        Wrap(sb, parentPrecedence > UnaryPrecedence, () =>
        {
            sb.Append(prefix);
            // "- -x" and "--x" differ in C#: keep a negated negative apart.
            var operandText = new StringBuilder();
            Write(operandText, u.Operand, slotName, UnaryPrecedence, false);
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

    private static void Wrap(StringBuilder sb, bool parens, Action body)
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
