using System.Globalization;
using Faithful.Model;

namespace Faithful.Protocols.PlanExecute;

/// <summary>
/// Parses one C# expression of a plan into the step model: literals, names (resolved to slots by the caller),
/// parentheses, <c>+ - * / % &amp; | ^ &lt;&lt; &gt;&gt; ~</c>, unary minus, <c>Math.Min/Max/Abs</c>, casts to
/// <c>long</c>, <c>double</c> and <c>int</c>, <c>checked(...)</c>/<c>unchecked(...)</c> and <c>cond ? a : b</c> over a
/// comparison, with C#'s precedence and its long-to-double promotion. Bad text gives a <see cref="FormatException"/>
/// that says where; it never throws anything else.
/// </summary>
internal sealed class PlanExpressionParser
{
    private readonly string _text;
    private const int MaxDepth = 200;

    private readonly Func<string, Ref?> _resolve;
    private int _at;

    // Nesting so far: model text may nest without end, and recursion must not run the stack out.
    private int _depth;

    private PlanExpressionParser(string text, Func<string, Ref?> resolve)
    {
        _text = text;
        _resolve = resolve;
    }

    /// <exception cref="FormatException">The text is not one supported expression over known names.</exception>
    public static Expr Parse(string text, Func<string, Ref?> resolve)
    {
        var parser = new PlanExpressionParser(text, resolve);
        var expression = parser.Conditional();
        parser.SkipSpace();
        if (parser._at < text.Length)
        {
            throw parser.Error($"unexpected '{text[parser._at..]}'");
        }

        return expression is Comparison ? throw parser.Error("a comparison is only supported as the condition of ?:") : expression;
    }

    private Expr Conditional()
    {
        Enter();
        try
        {
            return ConditionalBody();
        }
        finally
        {
            _depth--;
        }
    }

    private Expr ConditionalBody()
    {
        var condition = Or();
        if (!Accept("?"))
        {
            return condition;
        }

        if (condition is not Comparison comparison)
        {
            throw Error("the condition of ?: must be a comparison such as a < b");
        }

        var whenTrue = Value(Conditional());
        Expect(":");
        var whenFalse = Value(Conditional());
        var (left, right) = Promote(comparison.Left, comparison.Right);
        var (t, f) = Promote(whenTrue, whenFalse);
        return new Conditional(comparison.Op, left, right, t, f, t.Kind);
    }

    private Expr Or() => LeftAssociative(Xor, ("|", BinaryOp.BitwiseOr));

    private Expr Xor() => LeftAssociative(And, ("^", BinaryOp.ExclusiveOr));

    private Expr And() => LeftAssociative(Equality, ("&", BinaryOp.BitwiseAnd));

    private Expr Equality()
    {
        var left = Relational();
        foreach (var (symbol, op) in new[] { ("==", ComparisonOp.Equal), ("!=", ComparisonOp.NotEqual) })
        {
            if (Accept(symbol))
            {
                return new Comparison(op, Value(left), Value(Relational()));
            }
        }

        return left;
    }

    private Expr Relational()
    {
        var left = Shift();
        foreach (var (symbol, op) in new[] { ("<=", ComparisonOp.LessOrEqual), (">=", ComparisonOp.GreaterOrEqual), ("<", ComparisonOp.Less), (">", ComparisonOp.Greater) })
        {
            if (!Peek("<<") && !Peek(">>") && Accept(symbol))
            {
                return new Comparison(op, Value(left), Value(Shift()));
            }
        }

        return left;
    }

    private Expr Shift()
    {
        var left = Additive();
        while (true)
        {
            var op = Accept("<<") ? BinaryOp.ShiftLeft : Accept(">>") ? BinaryOp.ShiftRight : (BinaryOp?)null;
            if (op is null)
            {
                return left;
            }

            // The count keeps its own kind: C# masks it to six bits, as the evaluator does.
            var count = Value(Additive());
            left = new Binary(op.Value, Value(left), count, left.Kind);
        }
    }

    private Expr Additive() => LeftAssociative(Multiplicative, ("+", BinaryOp.Add), ("-", BinaryOp.Subtract));

    private Expr Multiplicative() => LeftAssociative(Unary, ("*", BinaryOp.Multiply), ("/", BinaryOp.Divide), ("%", BinaryOp.Remainder));

    private Expr LeftAssociative(Func<Expr> operand, params (string Symbol, BinaryOp Op)[] operators)
    {
        var left = operand();
        while (true)
        {
            var matched = false;
            foreach (var (symbol, op) in operators)
            {
                // "&&", "||" and compound "op=" are not operators of a step expression.
                if (Peek(symbol + symbol) && symbol is "&" or "|" || Peek(symbol + "="))
                {
                    continue;
                }

                if (Accept(symbol))
                {
                    var (l, r) = Promote(Value(left), Value(operand()));
                    left = new Binary(op, l, r, l.Kind);
                    matched = true;
                    break;
                }
            }

            if (!matched)
            {
                return left;
            }
        }
    }

    private Expr Unary()
    {
        Enter();
        try
        {
            return UnaryBody();
        }
        finally
        {
            _depth--;
        }
    }

    private Expr UnaryBody()
    {
        if (Accept("-"))
        {
            var operand = Value(Unary());
            return operand is Constant { Value: var v }
                ? new Constant(v.Kind == ValueKind.Int64 ? Model.Value.FromInt64(unchecked(-v.AsInt64)) : Model.Value.FromDouble(-v.AsDouble))
                : new Unary(UnaryOp.Negate, operand, operand.Kind);
        }

        if (Accept("+"))
        {
            return Value(Unary());
        }

        if (Accept("~"))
        {
            var operand = Value(Unary());
            return new Unary(UnaryOp.BitwiseNot, operand, operand.Kind);
        }

        if (TryCast() is { } cast)
        {
            return cast;
        }

        return Primary();
    }

    private Expr? TryCast()
    {
        SkipSpace();
        foreach (var (keyword, kind) in new[] { ("(long)", ValueKind.Int64), ("(double)", ValueKind.Double), ("(int)", ValueKind.Int64) })
        {
            if (!AcceptExact(keyword))
            {
                continue;
            }

            var operand = Value(Unary());
            if (keyword == "(int)")
            {
                return new Unary(UnaryOp.ToInt32, operand, ValueKind.Int64);
            }

            return operand.Kind == kind ? operand : new Unary(kind == ValueKind.Double ? UnaryOp.ToDouble : UnaryOp.ToInt64, operand, kind);
        }

        return null;
    }

    private Expr Primary()
    {
        SkipSpace();
        if (Accept("("))
        {
            var inner = Conditional();
            Expect(")");
            return inner;
        }

        if (_at < _text.Length && (char.IsAsciiDigit(_text[_at]) || _text[_at] == '.'))
        {
            return Number();
        }

        var name = Identifier() ?? throw Error(_at < _text.Length ? $"unexpected '{_text[_at]}'" : "the expression ends too early");
        switch (name)
        {
            case "Math.Min" or "Math.Max":
            {
                Expect("(");
                var left = Value(Conditional());
                Expect(",");
                var right = Value(Conditional());
                Expect(")");
                var (l, r) = Promote(left, right);
                return new Binary(name == "Math.Min" ? BinaryOp.Min : BinaryOp.Max, l, r, l.Kind);
            }

            case "Math.Abs":
            {
                Expect("(");
                var operand = Value(Conditional());
                Expect(")");
                return new Unary(UnaryOp.Abs, operand, operand.Kind);
            }

            case "checked" or "unchecked":
            {
                Expect("(");
                var inner = Conditional();
                Expect(")");
                return inner;
            }

            default:
                return _resolve(name) ?? throw Error($"'{name}' is not an input or an earlier variable of the plan");
        }
    }

    private Constant Number()
    {
        var start = _at;
        while (_at < _text.Length && (char.IsAsciiLetterOrDigit(_text[_at]) || _text[_at] is '.' or '_' || (_text[_at] is '+' or '-' && _at > start && _text[_at - 1] is 'e' or 'E')))
        {
            _at++;
        }

        var token = _text[start.._at].Replace("_", "", StringComparison.Ordinal);
        var suffix = token.Length > 0 ? char.ToLowerInvariant(token[^1]) : ' ';
        var body = suffix is 'l' or 'd' or 'f' or 'm' ? token[..^1] : token;
        var isDouble = suffix is 'd' or 'f' or 'm' || body.Contains('.', StringComparison.Ordinal) || body.Contains('e', StringComparison.OrdinalIgnoreCase);
        if (isDouble && double.TryParse(body, NumberStyles.Float, CultureInfo.InvariantCulture, out var real))
        {
            return new Constant(Model.Value.FromDouble(real));
        }

        if (!isDouble && long.TryParse(body, NumberStyles.None, CultureInfo.InvariantCulture, out var whole))
        {
            return new Constant(Model.Value.FromInt64(whole));
        }

        throw Error($"'{token}' is not a number");
    }

    private string? Identifier()
    {
        SkipSpace();
        var start = _at;
        while (_at < _text.Length && (char.IsAsciiLetterOrDigit(_text[_at]) || _text[_at] == '_' || (_text[_at] == '.' && _at > start && _text[start.._at] == "Math")))
        {
            _at++;
        }

        return _at == start || char.IsAsciiDigit(_text[start]) ? null : _text[start.._at];
    }

    private static (Expr Left, Expr Right) Promote(Expr left, Expr right) =>
        left.Kind == right.Kind ? (left, right)
        : left.Kind == ValueKind.Double ? (left, ToDouble(right))
        : (ToDouble(left), right);

    private static Expr ToDouble(Expr expression) => expression is Constant { Value: { Kind: ValueKind.Int64 } v }
        ? new Constant(Model.Value.FromDouble(v.AsInt64))
        : new Unary(UnaryOp.ToDouble, expression, ValueKind.Double);

    private Expr Value(Expr expression) => expression is Comparison ? throw Error("a comparison is only supported as the condition of ?:") : expression;

    private void Enter()
    {
        if (++_depth > MaxDepth)
        {
            throw Error($"the expression nests deeper than {MaxDepth} levels");
        }
    }

    private void SkipSpace()
    {
        while (_at < _text.Length && char.IsWhiteSpace(_text[_at]))
        {
            _at++;
        }
    }

    private bool Peek(string symbol)
    {
        SkipSpace();
        return string.CompareOrdinal(_text, _at, symbol, 0, symbol.Length) == 0;
    }

    private bool Accept(string symbol)
    {
        if (!Peek(symbol))
        {
            return false;
        }

        _at += symbol.Length;
        return true;
    }

    // A cast keyword with no spaces inside the parentheses, as C# prints it.
    private bool AcceptExact(string symbol)
    {
        if (string.CompareOrdinal(_text, _at, symbol, 0, symbol.Length) != 0)
        {
            return false;
        }

        _at += symbol.Length;
        return true;
    }

    private void Expect(string symbol)
    {
        if (!Accept(symbol))
        {
            throw Error($"expected '{symbol}'");
        }
    }

    private FormatException Error(string what) => new($"{what} at column {_at + 1} of '{Shorten(_text)}'");

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..120] + "…";

    // A comparison is an operand of ?: only; it never reaches a step.
    private sealed record Comparison(ComparisonOp Op, Expr Left, Expr Right) : Expr(ValueKind.Int64);
}
