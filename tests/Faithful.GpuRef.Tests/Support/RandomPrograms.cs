using Faithful.Model;

namespace Faithful.GpuRef.Tests.Support;

/// <summary>
/// Random step programs that reach every operator, checked context, conversion and fault of the model,
/// for differential checks of the backends against the reference evaluator. Two shapes: expression
/// chains (<c>var sN = ...</c> over earlier steps) and register programs (k variables mutated by compound
/// assignments, as issue 9 describes). Values are biased towards the edges (0, -1, long.MinValue, shift
/// counts around 64, huge and tiny doubles) so faults and wrap-around are common.
/// </summary>
public sealed class RandomPrograms(Random random)
{
    /// <summary>
    /// Only programs that C# itself compiles with these semantics: no constant-only subexpressions (C# folds
    /// them and rejects overflow at compile time), no division by a constant zero, shift counts that are
    /// int constants, and <c>(int)</c> only as a whole step (inside an expression C# would compute in 32 bits).
    /// </summary>
    public bool CSharpExpressible { get; init; }

    private static readonly long[] EdgeLongs = [0, 1, -1, 2, -2, 63, 64, 65, -64, int.MaxValue, int.MinValue, (long)int.MaxValue + 1, long.MaxValue, long.MinValue, long.MinValue + 1];
    private static readonly double[] EdgeDoubles = [0.0, -0.0, 1.0, -1.0, 0.5, 0.1, 3.0, 1e-310, -1e-310, 1e308, -1e308, 9.2233720368547758E18, -9.2233720368547758E18, 4294967296.5, double.Epsilon];

    private int _counter;

    /// <summary>A program of either shape with 1 to <paramref name="maxSteps"/> steps.</summary>
    public StepProgram Next(int maxSteps = 40) =>
        random.Next(4) == 0 ? NextRegisterProgram(maxSteps) : NextExpressionProgram(maxSteps);

    /// <summary><c>var sN = expr;</c> steps reading inputs and earlier steps, longs and doubles mixed.</summary>
    public StepProgram NextExpressionProgram(int maxSteps)
    {
        var id = _counter++;
        var parameterCount = random.Next(1, 5);
        var parameters = new List<Parameter>();
        for (var i = 0; i < parameterCount; i++)
        {
            var kind = random.Next(4) == 0 ? ValueKind.Double : ValueKind.Int64;
            var domain = random.Next(3) == 0 ? new Domain(-1000, 1000) : null;
            parameters.Add(new Parameter($"p{i}", kind, domain));
        }

        var kinds = parameters.Select(p => p.Kind).ToList();
        var names = parameters.Select(p => p.Name).ToList();
        var steps = new List<Step>();
        var stepCount = random.Next(1, maxSteps + 1);
        for (var s = 0; s < stepCount; s++)
        {
            var kind = random.Next(3) == 0 ? ValueKind.Double : ValueKind.Int64;
            var expression = Expression(kind, kinds, depth: random.Next(1, 4));
            if (CSharpExpressible && kind == ValueKind.Int64 && random.Next(8) == 0)
            {
                expression = new Unary(UnaryOp.ToInt32, NonConstant(expression, ValueKind.Int64, kinds), ValueKind.Int64, Checked: random.Next(2) == 0);
            }

            if (CSharpExpressible)
            {
                expression = CheckedThroughout(expression, inChecked: false);
            }

            var name = $"s{s + 1}";
            var text = $"var {name} = {ExprFormatter.ToCSharp(expression, slot => names[slot])};";
            steps.Add(new Step(s, name, name, 1, kind, expression, text, s + 3));
            kinds.Add(kind);
            names.Add(name);
        }

        var resultSlot = kinds.Count - 1;
        Expr result = new Ref(resultSlot, kinds[resultSlot]);
        var resultText = names[resultSlot];
        if (random.Next(3) == 0)
        {
            // An answer that computes, so that faults in the return expression are exercised too.
            result = Expression(kinds[resultSlot], kinds, depth: 2);
            resultText = ExprFormatter.ToCSharp(result, slot => names[slot]);
        }

        return new StepProgram(
            $"Random{id}",
            "random expression program",
            parameters.ToEquatableArray(),
            steps.ToEquatableArray(),
            result,
            resultText,
            "Faithful.GpuRef.Verification.Generated",
            AllowNonFinite: random.Next(5) == 0);
    }

    /// <summary>k long registers mutated by <c>a op= b</c>; the answer is one register or the sum of all.</summary>
    public StepProgram NextRegisterProgram(int maxSteps)
    {
        var id = _counter++;
        var registers = random.Next(2, 6);
        var parameters = Enumerable.Range(0, registers).Select(i => new Parameter($"a{i}", ValueKind.Int64)).ToList();
        var latestSlot = Enumerable.Range(0, registers).ToArray();
        var versions = new int[registers];
        var targets = new List<int>();
        var stepCount = random.Next(1, maxSteps + 1);
        var operators = new[] { BinaryOp.Add, BinaryOp.Subtract, BinaryOp.Multiply, BinaryOp.Divide, BinaryOp.Remainder, BinaryOp.BitwiseAnd, BinaryOp.BitwiseOr, BinaryOp.ExclusiveOr, BinaryOp.ShiftLeft, BinaryOp.ShiftRight };
        var expressions = new List<Expr>();
        var texts = new List<string>();
        for (var s = 0; s < stepCount; s++)
        {
            var target = random.Next(registers);
            var source = random.Next(registers);
            var op = operators[random.Next(operators.Length)];
            Expr right = random.Next(4) == 0 ? new Constant(Value.FromInt64(random.Next(-3, 8))) : new Ref(latestSlot[source], ValueKind.Int64);

            // The statements must compile as written: C# shifts a long by an int, and rejects x /= 0.
            if (op is BinaryOp.ShiftLeft or BinaryOp.ShiftRight)
            {
                right = new Constant(Value.FromInt64(random.Next(0, 70)));
            }
            else if (op is BinaryOp.Divide or BinaryOp.Remainder && right is Constant { Value.Bits: 0 })
            {
                right = new Constant(Value.FromInt64(-1));
            }

            var rightText = right is Constant c ? c.Value.ToString() : $"a{source}";
            Expr expression;
            string text;
            switch (random.Next(6))
            {
                case 0:
                    expression = new Ref(latestSlot[source], ValueKind.Int64);
                    text = $"a{target} = a{source};";
                    break;
                case 1:
                    expression = new Binary(BinaryOp.Add, new Ref(latestSlot[target], ValueKind.Int64), new Constant(Value.FromInt64(1)), ValueKind.Int64);
                    text = $"a{target}++;";
                    break;
                default:
                    expression = new Binary(op, new Ref(latestSlot[target], ValueKind.Int64), right, ValueKind.Int64);
                    text = $"a{target} {op.Symbol()}= {rightText};";
                    break;
            }

            expressions.Add(expression);
            texts.Add(text);
            targets.Add(target);
            versions[target]++;
            latestSlot[target] = registers + s;
        }

        // A variable written once keeps its plain name, else name#version (the model's convention).
        var seenVersions = new int[registers];
        var steps = new List<Step>();
        for (var s = 0; s < stepCount; s++)
        {
            var target = targets[s];
            var version = ++seenVersions[target];
            var variable = $"a{target}";
            steps.Add(new Step(s, $"{variable}#{version}", variable, version, ValueKind.Int64, expressions[s], texts[s], s + 3));
        }

        Expr result;
        string resultText;
        if (random.Next(2) == 0)
        {
            var query = random.Next(registers);
            result = new Ref(latestSlot[query], ValueKind.Int64);
            resultText = $"a{query}";
        }
        else
        {
            result = new Ref(latestSlot[0], ValueKind.Int64);
            for (var r = 1; r < registers; r++)
            {
                result = new Binary(BinaryOp.Add, result, new Ref(latestSlot[r], ValueKind.Int64), ValueKind.Int64);
            }

            resultText = string.Join(" + ", Enumerable.Range(0, registers).Select(r => $"a{r}"));
        }

        return new StepProgram(
            $"Registers{id}",
            "random register program",
            parameters.ToEquatableArray(),
            steps.ToEquatableArray(),
            result,
            resultText,
            "Faithful.GpuRef.Verification.Generated");
    }

    /// <summary>Inputs for <paramref name="program"/>, inside each declared domain, edge values often.</summary>
    public Value[] Inputs(StepProgram program)
    {
        ArgumentNullException.ThrowIfNull(program);
        var inputs = new Value[program.Parameters.Count];
        for (var i = 0; i < inputs.Length; i++)
        {
            var parameter = program.Parameters[i];
            if (parameter.Domain is { } domain)
            {
                var low = (long)Math.Ceiling(domain.Min);
                var high = (long)Math.Floor(domain.Max);
                var pick = random.Next(4) == 0 ? (random.Next(2) == 0 ? low : high) : random.NextInt64(low, high + 1);
                inputs[i] = parameter.Kind == ValueKind.Int64 ? Value.FromInt64(pick) : Value.FromDouble(pick == high ? pick : pick + (random.Next(2) == 0 ? 0 : 0.25));
            }
            else
            {
                inputs[i] = parameter.Kind == ValueKind.Int64 ? Value.FromInt64(NextLong()) : Value.FromDouble(NextDouble());
            }
        }

        return inputs;
    }

    /// <summary>
    /// A value of <paramref name="kind"/> for an altered state: the same edge-biased draws as inputs, and for doubles now
    /// and then NaN or an infinity, which a state may hold even where the program would fault on computing one.
    /// </summary>
    public Value NextValue(ValueKind kind)
    {
        if (kind == ValueKind.Int64)
        {
            return Value.FromInt64(NextLong());
        }

        return random.Next(20) switch
        {
            0 => Value.FromDouble(double.NaN),
            1 => Value.FromDouble(random.Next(2) == 0 ? double.PositiveInfinity : double.NegativeInfinity),
            _ => Value.FromDouble(NextDouble()),
        };
    }

    private long NextLong() => random.Next(5) switch
    {
        0 => EdgeLongs[random.Next(EdgeLongs.Length)],
        1 => random.NextInt64(),
        2 => -random.NextInt64(),
        3 => random.Next(-1000, 1001),
        _ => random.Next(-10, 11),
    };

    private double NextDouble() => random.Next(5) switch
    {
        0 => EdgeDoubles[random.Next(EdgeDoubles.Length)],
        1 => BitConverter.Int64BitsToDouble(random.NextInt64()) is var d && double.IsFinite(d) ? d : 1.5,
        2 => (random.NextDouble() - 0.5) * 1e6,
        3 => random.Next(-20, 21) / 4.0,
        _ => (random.NextDouble() - 0.5) * 10,
    };

    private Expr Expression(ValueKind kind, List<ValueKind> slotKinds, int depth)
    {
        if (depth <= 0 || random.Next(4) == 0)
        {
            return Leaf(kind, slotKinds);
        }

        var choice = random.Next(10);
        if (choice == 0)
        {
            var comparandKind = random.Next(3) == 0 ? ValueKind.Double : ValueKind.Int64;
            var left = Expression(comparandKind, slotKinds, depth - 1);
            var right = Expression(comparandKind, slotKinds, depth - 1);
            if (CSharpExpressible && IsConstant(left) && IsConstant(right))
            {
                right = Leaf(comparandKind, slotKinds, allowConstant: false);
            }

            var whenTrue = Expression(kind, slotKinds, depth - 1);
            var whenFalse = Expression(kind, slotKinds, depth - 1);
            if (CSharpExpressible && IsConstant(whenTrue) && IsConstant(whenFalse))
            {
                // Two int literals would make the conditional an int, and C# would then compute in 32 bits.
                whenFalse = Leaf(kind, slotKinds, allowConstant: false);
            }

            return new Conditional((ComparisonOp)random.Next(6), left, right, whenTrue, whenFalse, kind);
        }

        if (choice <= 2)
        {
            return UnaryExpression(kind, slotKinds, depth);
        }

        var op = kind == ValueKind.Double
            ? new[] { BinaryOp.Add, BinaryOp.Subtract, BinaryOp.Multiply, BinaryOp.Divide, BinaryOp.Remainder, BinaryOp.Min, BinaryOp.Max }[random.Next(7)]
            : (BinaryOp)random.Next(12);
        var isChecked = kind == ValueKind.Int64 && op is BinaryOp.Add or BinaryOp.Subtract or BinaryOp.Multiply && random.Next(3) == 0;
        var leftOperand = Expression(kind, slotKinds, depth - 1);
        var rightOperand = Expression(kind, slotKinds, depth - 1);
        if (CSharpExpressible)
        {
            if (op is BinaryOp.ShiftLeft or BinaryOp.ShiftRight)
            {
                leftOperand = NonConstant(leftOperand, kind, slotKinds);
                rightOperand = new Constant(Value.FromInt64(random.Next(0, 70)));
            }
            else if (IsConstant(leftOperand) && IsConstant(rightOperand))
            {
                rightOperand = Leaf(kind, slotKinds, allowConstant: false);
            }
            else if (op is BinaryOp.Divide or BinaryOp.Remainder && kind == ValueKind.Int64 && rightOperand is Constant { Value.Bits: 0 })
            {
                rightOperand = Leaf(kind, slotKinds, allowConstant: false);
            }
        }

        return new Binary(op, leftOperand, rightOperand, kind, isChecked);
    }

    private Unary UnaryExpression(ValueKind kind, List<ValueKind> slotKinds, int depth)
    {
        var unary = AnyUnary(kind, slotKinds, depth);
        if (!CSharpExpressible)
        {
            return unary;
        }

        if (unary.Op == UnaryOp.ToInt32)
        {
            unary = unary with { Op = UnaryOp.Negate };
        }

        return unary with { Operand = NonConstant(unary.Operand, unary.Operand.Kind, slotKinds) };
    }

    /// <summary>
    /// <c>checked(...)</c> applies to everything inside it, so in C# source an operation under a checked
    /// node is checked too: mark it so, or the model would promise wrap-around that C# does not do.
    /// </summary>
    private static Expr CheckedThroughout(Expr expression, bool inChecked)
    {
        switch (expression)
        {
            case Unary u:
            {
                var isChecked = u.Checked || (inChecked && u.Op is UnaryOp.Negate or UnaryOp.ToInt64 or UnaryOp.ToInt32 && u.Kind == ValueKind.Int64);
                return u with { Checked = isChecked, Operand = CheckedThroughout(u.Operand, inChecked || isChecked) };
            }

            case Binary b:
            {
                var isChecked = b.Checked || (inChecked && b.Op is BinaryOp.Add or BinaryOp.Subtract or BinaryOp.Multiply && b.Kind == ValueKind.Int64);
                return b with
                {
                    Checked = isChecked,
                    Left = CheckedThroughout(b.Left, inChecked || isChecked),
                    Right = CheckedThroughout(b.Right, inChecked || isChecked),
                };
            }

            case Conditional c:
                return c with
                {
                    Left = CheckedThroughout(c.Left, inChecked),
                    Right = CheckedThroughout(c.Right, inChecked),
                    WhenTrue = CheckedThroughout(c.WhenTrue, inChecked),
                    WhenFalse = CheckedThroughout(c.WhenFalse, inChecked),
                };
            default:
                return expression;
        }
    }

    private static bool IsConstant(Expr expression) => expression switch
    {
        Constant => true,
        Ref => false,
        Unary u => IsConstant(u.Operand),
        Binary b => IsConstant(b.Left) && IsConstant(b.Right),
        Conditional c => IsConstant(c.Left) && IsConstant(c.Right) && IsConstant(c.WhenTrue) && IsConstant(c.WhenFalse),
        _ => false,
    };

    private Expr NonConstant(Expr expression, ValueKind kind, List<ValueKind> slotKinds) =>
        IsConstant(expression) ? Leaf(kind, slotKinds, allowConstant: false) : expression;

    private Unary AnyUnary(ValueKind kind, List<ValueKind> slotKinds, int depth)
    {
        if (kind == ValueKind.Double)
        {
            return random.Next(3) switch
            {
                0 => new Unary(UnaryOp.ToDouble, Expression(ValueKind.Int64, slotKinds, depth - 1), ValueKind.Double),
                1 => new Unary(UnaryOp.Negate, Expression(ValueKind.Double, slotKinds, depth - 1), ValueKind.Double),
                _ => new Unary(UnaryOp.Abs, Expression(ValueKind.Double, slotKinds, depth - 1), ValueKind.Double),
            };
        }

        return random.Next(5) switch
        {
            0 => new Unary(UnaryOp.ToInt64, Expression(ValueKind.Double, slotKinds, depth - 1), ValueKind.Int64, Checked: random.Next(3) == 0),
            1 => new Unary(UnaryOp.Negate, Expression(ValueKind.Int64, slotKinds, depth - 1), ValueKind.Int64, Checked: random.Next(3) == 0),
            2 => new Unary(UnaryOp.BitwiseNot, Expression(ValueKind.Int64, slotKinds, depth - 1), ValueKind.Int64),
            3 => new Unary(UnaryOp.Abs, Expression(ValueKind.Int64, slotKinds, depth - 1), ValueKind.Int64),
            _ => new Unary(UnaryOp.ToInt32, Expression(ValueKind.Int64, slotKinds, depth - 1), ValueKind.Int64, Checked: random.Next(3) == 0),
        };
    }

    private Expr Leaf(ValueKind kind, List<ValueKind> slotKinds, bool allowConstant = true)
    {
        if (allowConstant && random.Next(4) == 0)
        {
            return kind == ValueKind.Double
                ? new Constant(Value.FromDouble(random.Next(3) == 0 ? EdgeDoubles[random.Next(EdgeDoubles.Length)] : random.Next(-8, 9) / 2.0))
                : new Constant(Value.FromInt64(random.Next(3) == 0 ? EdgeLongs[random.Next(EdgeLongs.Length)] : random.Next(-8, 9)));
        }

        // Prefer recent slots, as real programs read what they just computed.
        var slot = Math.Max(0, slotKinds.Count - 1 - (int)Math.Min(slotKinds.Count - 1, Math.Abs(random.NextDouble() * random.NextDouble() * slotKinds.Count)));
        if (random.Next(3) == 0)
        {
            slot = random.Next(slotKinds.Count);
        }

        var read = new Ref(slot, slotKinds[slot]);
        if (slotKinds[slot] == kind)
        {
            return read;
        }

        return kind == ValueKind.Double
            ? new Unary(UnaryOp.ToDouble, read, ValueKind.Double)
            : new Unary(UnaryOp.ToInt64, read, ValueKind.Int64);
    }
}
