using System.Globalization;
using Faithful.Model;

namespace Faithful.Families;

/// <summary>
/// Random programs over the whole model, for differential tests of evaluators and kernels (not for prompting):
/// <c>long</c> and <c>double</c> variables, fresh declarations and reassignments (compound or plain) of parameters and
/// locals, every operator, <c>Math.Min/Max/Abs</c>, conversions, conditionals, <c>checked</c> regions, and extreme
/// literals (<c>long.MinValue</c>, shift counts past 63, NaN, ±0.0, ±∞). Values are unbounded and
/// <see cref="DrawInputs"/> favours edge values, so runs fault often: division by zero, <c>long.MinValue / -1</c>,
/// <c>Math.Abs(long.MinValue)</c>, checked overflow, non-finite doubles.
/// Every sub-expression reads a variable, so no part of a step is a compile-time constant that C# would fold
/// (or reject, as in <c>x / 0</c>).
/// </summary>
public static class StressPrograms
{
    private static readonly long[] LongLiterals =
        [0, 1, -1, 2, -2, 3, 7, 10, -10, 31, 32, 63, 64, 65, 100, -1000, int.MaxValue, int.MinValue, (long)int.MaxValue + 1, long.MaxValue, long.MinValue, long.MinValue + 1];

    private static readonly double[] DoubleLiterals =
        [0.0, -0.0, 1.0, -1.0, 0.5, 2.0, 3.0, 0.1, 1e300, -1e300, double.Epsilon, double.MaxValue, 9.2233720368547758e18, -9.2233720368547758e18, double.NaN, double.PositiveInfinity, double.NegativeInfinity];

    private static readonly BinaryOp[] LongOps =
        [BinaryOp.Add, BinaryOp.Subtract, BinaryOp.Multiply, BinaryOp.Divide, BinaryOp.Remainder, BinaryOp.BitwiseAnd, BinaryOp.BitwiseOr, BinaryOp.ExclusiveOr, BinaryOp.ShiftLeft, BinaryOp.ShiftRight, BinaryOp.Min, BinaryOp.Max];

    private static readonly BinaryOp[] DoubleOps =
        [BinaryOp.Add, BinaryOp.Subtract, BinaryOp.Multiply, BinaryOp.Divide, BinaryOp.Remainder, BinaryOp.Min, BinaryOp.Max];

    private static readonly ComparisonOp[] Comparisons = Enum.GetValues<ComparisonOp>();

    /// <summary>A program of <paramref name="steps"/> steps from <paramref name="seed"/>, named <c>Stress_{index}</c>.</summary>
    public static StepProgram Generate(int steps, ulong seed, int index = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        var random = new SplitMix64(SplitMix64.Derive(seed, steps, 0x57E55));
        return new Builder(random).Build(steps, string.Create(CultureInfo.InvariantCulture, $"Stress_{index}"), seed);
    }

    /// <summary>Inputs for a stress program: often edge values (0, ±1, extremes, NaN, ±0.0, ±∞), sometimes random bits.</summary>
    public static Value[] DrawInputs(StepProgram program, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(program);
        var random = new SplitMix64(SplitMix64.Derive(seed, 0x1A9));
        var inputs = new Value[program.Parameters.Count];
        for (var i = 0; i < inputs.Length; i++)
        {
            inputs[i] = program.Parameters[i].Kind == ValueKind.Int64
                ? Value.FromInt64(random.NextIndex(3) switch
                {
                    0 => random.Pick(LongLiterals),
                    1 => random.NextInt64(-20, 20),
                    _ => unchecked((long)random.NextUInt64()),
                })
                : random.NextIndex(4) switch
                {
                    0 => Value.FromDouble(random.Pick(DoubleLiterals)),
                    1 => Value.FromDouble(random.NextInt64(-80, 80) * 0.25),
                    2 => Value.FromDouble((random.NextUInt64() >> 11) * (1.0 / (1UL << 53)) * 2e6 - 1e6),
                    _ => new Value(ValueKind.Double, unchecked((long)random.NextUInt64())),
                };
        }

        return inputs;
    }

    private sealed class Builder(SplitMix64 random)
    {
        private SplitMix64 _random = random;
        private readonly List<(string Name, ValueKind Kind)> _variables = [];
        private readonly List<int> _currentSlot = [];
        private int _slotCount;

        public StepProgram Build(int stepCount, string name, ulong seed)
        {
            var parameterCount = 1 + _random.NextIndex(3);
            var parameters = new List<Parameter>();
            for (var p = 0; p < parameterCount; p++)
            {
                var kind = _random.Chance(0.6) ? ValueKind.Int64 : ValueKind.Double;
                var parameterName = ((char)('a' + p)).ToString();
                parameters.Add(new Parameter(parameterName, kind));
                AddVariable(parameterName, kind);
            }

            var raw = new List<(string Variable, ValueKind Kind, Expr Expression)>();
            for (var s = 0; s < stepCount; s++)
            {
                if (raw.Count > 0 && _random.Chance(0.35))
                {
                    var target = _random.NextIndex(_variables.Count);
                    var (variable, kind) = _variables[target];
                    var expression = _random.Chance(0.6) ? CompoundOn(target, kind) : Generate(kind, 1 + _random.NextIndex(3));
                    raw.Add((variable, kind, expression));
                    _currentSlot[target] = _slotCount++;
                }
                else
                {
                    var kind = _random.Chance(0.6) ? ValueKind.Int64 : ValueKind.Double;
                    var variable = "v" + (s + 1).ToString(CultureInfo.InvariantCulture);
                    raw.Add((variable, kind, Generate(kind, 1 + _random.NextIndex(3))));
                    AddVariable(variable, kind);
                }
            }

            var resultKind = _random.Chance(0.5) ? ValueKind.Int64 : ValueKind.Double;
            var result = _random.Chance(0.7) ? Read(resultKind) : Generate(resultKind, 2);

            var writes = raw.GroupBy(r => r.Variable).ToDictionary(g => g.Key, g => g.Count());
            var parameterNames = parameters.Select(p => p.Name).ToHashSet();
            var versions = new Dictionary<string, int>();
            var steps = new List<Step>();
            foreach (var (variable, kind, expression) in raw)
            {
                var version = versions[variable] = versions.GetValueOrDefault(variable) + 1;
                var stepName = StepNames.Of(variable, version, writes[variable], parameterNames.Contains(variable));
                steps.Add(new Step(steps.Count, stepName, variable, version, kind, expression, "", 0));
            }

            var program = new StepProgram(
                name,
                string.Create(CultureInfo.InvariantCulture, $"Stress program, {stepCount} steps, seed {seed}"),
                parameters.ToEquatableArray(),
                steps.ToEquatableArray(),
                result,
                "",
                AllowNonFinite: _random.Chance(0.5));
            return CSharpProgramWriter.Annotate(program);
        }

        private void AddVariable(string name, ValueKind kind)
        {
            _variables.Add((name, kind));
            _currentSlot.Add(_slotCount++);
        }

        private Binary CompoundOn(int target, ValueKind kind)
        {
            var own = new Ref(_currentSlot[target], kind);
            var op = _random.Pick(kind == ValueKind.Int64 ? LongOps : DoubleOps);
            return MakeBinary(op, kind, own, 1 + _random.NextIndex(2), ownOnLeft: true);
        }

        /// <summary>An expression of <paramref name="kind"/> that reads at least one variable.</summary>
        private Expr Generate(ValueKind kind, int depth)
        {
            if (depth <= 0 || _random.Chance(0.2))
            {
                return Read(kind);
            }

            var choice = _random.NextIndex(10);
            if (choice < 6)
            {
                var op = _random.Pick(kind == ValueKind.Int64 ? LongOps : DoubleOps);
                return MakeBinary(op, kind, Generate(kind, depth - 1), depth - 1, ownOnLeft: false);
            }

            if (choice < 8)
            {
                return MakeUnary(kind, depth - 1);
            }

            var comparandKind = _random.Chance(0.6) ? ValueKind.Int64 : ValueKind.Double;
            var left = Generate(comparandKind, depth - 1);
            var right = _random.Chance(0.4) ? Literal(comparandKind) : Generate(comparandKind, depth - 1);
            var whenTrue = _random.Chance(0.3) ? Literal(kind) : Generate(kind, depth - 1);
            var whenFalse = _random.Chance(0.3) ? Literal(kind) : Generate(kind, depth - 1);
            return new Conditional(_random.Pick(Comparisons), left, right, whenTrue, whenFalse, kind);
        }

        /// <summary><paramref name="first"/> op (another operand), sometimes swapped, the other operand sometimes a literal.</summary>
        private Binary MakeBinary(BinaryOp op, ValueKind kind, Expr first, int depth, bool ownOnLeft)
        {
            var isChecked = _random.Chance(0.2);
            if (op is BinaryOp.ShiftLeft or BinaryOp.ShiftRight)
            {
                Expr count = _random.Chance(0.6)
                    ? new Constant(Value.FromInt64(_random.NextInt64(-70, 70)))
                    : ToInt32(Generate(ValueKind.Int64, depth), _random.Chance(0.2));
                return new Binary(op, first, count, kind, isChecked);
            }

            Expr second;
            if (_random.Chance(0.35))
            {
                second = Literal(kind);
                // C# rejects an integer division by the constant zero.
                while (kind == ValueKind.Int64 && op is BinaryOp.Divide or BinaryOp.Remainder && second is Constant { Value.Bits: 0 })
                {
                    second = Literal(kind);
                }
            }
            else
            {
                second = Generate(kind, depth);
            }

            return ownOnLeft || _random.Chance(0.5)
                ? new Binary(op, first, second, kind, isChecked)
                : new Binary(op, second, first, kind, isChecked);
        }

        private Unary MakeUnary(ValueKind kind, int depth)
        {
            var isChecked = _random.Chance(0.25);
            if (kind == ValueKind.Double)
            {
                return _random.NextIndex(3) switch
                {
                    0 => new Unary(UnaryOp.Negate, Generate(kind, depth), kind, isChecked),
                    1 => new Unary(UnaryOp.Abs, Generate(kind, depth), kind, isChecked),
                    _ => new Unary(UnaryOp.ToDouble, Generate(ValueKind.Int64, depth), kind, isChecked),
                };
            }

            return _random.NextIndex(5) switch
            {
                0 => new Unary(UnaryOp.Negate, Generate(kind, depth), kind, isChecked),
                1 => new Unary(UnaryOp.BitwiseNot, Generate(kind, depth), kind, isChecked),
                2 => new Unary(UnaryOp.Abs, Generate(kind, depth), kind, isChecked),
                3 => ToInt32(Generate(kind, depth), isChecked),
                _ => new Unary(UnaryOp.ToInt64, Generate(ValueKind.Double, depth), kind, isChecked),
            };
        }

        /// <summary><c>(int)x</c>; C# reads <c>(int)(int)x</c> as one cast, so an operand that is already one stays as it is.</summary>
        private static Unary ToInt32(Expr operand, bool isChecked) =>
            operand as Unary is { Op: UnaryOp.ToInt32 } cast ? cast : new Unary(UnaryOp.ToInt32, operand, ValueKind.Int64, isChecked);

        /// <summary>The latest value of a variable of <paramref name="kind"/>, converting from the other kind when there is none.</summary>
        private Expr Read(ValueKind kind)
        {
            var candidates = Enumerable.Range(0, _variables.Count).Where(i => _variables[i].Kind == kind).ToList();
            if (candidates.Count > 0 && _random.Chance(0.9))
            {
                return new Ref(_currentSlot[_random.Pick(candidates)], kind);
            }

            var any = _random.NextIndex(_variables.Count);
            var source = new Ref(_currentSlot[any], _variables[any].Kind);
            if (_variables[any].Kind == kind)
            {
                return source;
            }

            return kind == ValueKind.Double
                ? new Unary(UnaryOp.ToDouble, source, kind)
                : new Unary(UnaryOp.ToInt64, source, kind, _random.Chance(0.3));
        }

        private Constant Literal(ValueKind kind) => kind == ValueKind.Int64
            ? new Constant(Value.FromInt64(_random.Chance(0.5) ? _random.Pick(LongLiterals) : _random.NextInt64(-50, 50)))
            : new Constant(Value.FromDouble(_random.Chance(0.5) ? _random.Pick(DoubleLiterals) : _random.NextInt64(-40, 40) * 0.25));
    }
}
