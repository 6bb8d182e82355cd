using System.Globalization;
using Faithful.Model;

namespace Faithful.Families;

/// <summary>Builds <see cref="RegisterSpec"/> programs; see that type for the structure and the value bounds.</summary>
internal static class RegisterGenerator
{
    private static readonly BinaryOp[] Arithmetic = [BinaryOp.Add, BinaryOp.Subtract, BinaryOp.Multiply];
    private static readonly BinaryOp[] Bitwise = [BinaryOp.BitwiseAnd, BinaryOp.BitwiseOr, BinaryOp.ExclusiveOr];
    private static readonly BinaryOp[] Shifts = [BinaryOp.ShiftLeft, BinaryOp.ShiftRight];

    private const int MaxDrawsPerStep = 16;

    public static StepProgram Generate(RegisterSpec spec)
    {
        Validate(spec);
        var random = new SplitMix64(SplitMix64.Derive(spec.ProgramSeed, spec.Registers, spec.Steps, (long)spec.Query, (long)spec.Ops));
        var k = spec.Registers;
        var current = Enumerable.Range(0, k).ToArray();
        var versions = new int[k];
        var ranges = Enumerable.Repeat(new ValueRange(0, spec.InputBound), k).ToList();
        var kinds = OpsOf(spec.Ops);
        var steps = new List<Step>(spec.Steps);

        for (var i = 0; i < spec.Steps; i++)
        {
            var (target, expression, range) = Draw(spec, kinds, current, ranges, ref random);
            current[target] = k + i;
            ranges.Add(range);
            versions[target]++;
            var variable = Name(target);
            steps.Add(new Step(i, StepNames.Of(variable, versions[target], versions[target], isInput: true), variable, versions[target], ValueKind.Int64, expression, "", 0));
        }

        var (result, resultText) = Answer(spec, current, versions, ref random);
        var domain = new Domain(0, spec.InputBound);
        var program = new StepProgram(
            spec.ProgramName,
            string.Create(CultureInfo.InvariantCulture, $"Registers: {k} registers, {spec.Steps} statements, returns {resultText}, seed {spec.ProgramSeed}"),
            Enumerable.Range(0, k).Select(r => new Parameter(Name(r), ValueKind.Int64, domain)).ToEquatableArray(),
            steps.ToEquatableArray(),
            result,
            resultText);
        return CSharpProgramWriter.Annotate(program);
    }

    private static string Name(int register) => "a" + register.ToString(CultureInfo.InvariantCulture);

    private static void Validate(RegisterSpec spec)
    {
        if (spec.Registers is < 2 or > 26)
        {
            throw new ArgumentOutOfRangeException(nameof(spec), $"A register program needs 2 to 26 registers; got {spec.Registers}.");
        }

        if (spec.Steps < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(spec), $"A register program needs at least one statement; got {spec.Steps}.");
        }

        if (spec.Ops == 0 || (spec.Ops & ~RegisterOps.All) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(spec), $"Register ops {spec.Ops} name no known statement kind.");
        }

        if (spec.InputBound < 0 || spec.InputBound > spec.Bound)
        {
            throw new ArgumentOutOfRangeException(nameof(spec), $"Need 0 <= InputBound <= Bound; got InputBound {spec.InputBound}, Bound {spec.Bound}.");
        }
    }

    // What a statement combines its target with: another register, a literal shift count, a literal divisor, or 1.
    private enum Operand
    {
        Register,
        ShiftCount,
        Divisor,
        One,
    }

    // One kind of statement; a null Op is a plain copy of another register.
    private readonly record struct StatementKind(BinaryOp? Op, Operand Operand);

    private static List<StatementKind> OpsOf(RegisterOps ops)
    {
        var list = new List<StatementKind>();
        if (ops.HasFlag(RegisterOps.Arithmetic))
        {
            list.AddRange(Arithmetic.Select(o => new StatementKind(o, Operand.Register)));
        }

        if (ops.HasFlag(RegisterOps.Bitwise))
        {
            list.AddRange(Bitwise.Select(o => new StatementKind(o, Operand.Register)));
        }

        if (ops.HasFlag(RegisterOps.Shift))
        {
            list.AddRange(Shifts.Select(o => new StatementKind(o, Operand.ShiftCount)));
        }

        if (ops.HasFlag(RegisterOps.Copy))
        {
            list.Add(new StatementKind(null, Operand.Register));
        }

        if (ops.HasFlag(RegisterOps.Divide))
        {
            list.Add(new StatementKind(BinaryOp.Divide, Operand.Divisor));
            list.Add(new StatementKind(BinaryOp.Remainder, Operand.Divisor));
        }

        if (ops.HasFlag(RegisterOps.Increment))
        {
            list.Add(new StatementKind(BinaryOp.Add, Operand.One));
            list.Add(new StatementKind(BinaryOp.Subtract, Operand.One));
        }

        return list;
    }

    private static (int Target, Expr Expression, ValueRange Range) Draw(
        RegisterSpec spec, List<StatementKind> kinds, int[] current, List<ValueRange> ranges, ref SplitMix64 random)
    {
        var k = spec.Registers;
        for (var attempt = 0; attempt < MaxDrawsPerStep; attempt++)
        {
            var target = random.NextIndex(k);
            var source = (target + 1 + random.NextIndex(k - 1)) % k;
            var kind = random.Pick(kinds);
            var targetRef = new Ref(current[target], ValueKind.Int64);
            var sourceRef = new Ref(current[source], ValueKind.Int64);
            var t = ranges[current[target]];
            var s = ranges[current[source]];
            (Expr, ValueRange) candidate;
            switch (kind)
            {
                case { Op: null }:
                    candidate = (sourceRef, s);
                    break;
                case { Operand: Operand.ShiftCount, Op: { } shift }:
                {
                    var count = (int)random.NextInt64(1, 3);
                    var left = shift == BinaryOp.ShiftLeft;
                    var range = left ? new ValueRange(t.Lo * (1 << count), t.Hi * (1 << count)) : new ValueRange(Math.Floor(t.Lo / (1 << count)), Math.Floor(t.Hi / (1 << count)));
                    candidate = (new Binary(shift, targetRef, Literal(count), ValueKind.Int64), range);
                    break;
                }

                case { Operand: Operand.Divisor, Op: { } divide }:
                {
                    // A literal divisor 2..9 can never be zero, and long.MinValue never occurs in bounded registers.
                    var divisor = random.NextInt64(2, 9);
                    var range = divide == BinaryOp.Divide
                        ? ValueRange.DivideBy(t, divisor, truncate: true, addedFractionBits: 0)
                        : ValueRange.RemainderBy(t, divisor);
                    candidate = (new Binary(divide, targetRef, Literal(divisor), ValueKind.Int64), range);
                    break;
                }

                case { Operand: Operand.One, Op: { } step }:
                {
                    var delta = step == BinaryOp.Add ? 1 : -1;
                    candidate = (new Binary(step, targetRef, Literal(1), ValueKind.Int64), new ValueRange(t.Lo + delta, t.Hi + delta));
                    break;
                }

                case { Op: { } op }:
                {
                    var range = op switch
                    {
                        BinaryOp.Add => ValueRange.Add(t, s),
                        BinaryOp.Subtract => ValueRange.Subtract(t, s),
                        BinaryOp.Multiply => ValueRange.Multiply(t, s),
                        _ => ValueRange.Bitwise(t, s, op == BinaryOp.BitwiseAnd),
                    };
                    candidate = (new Binary(op, targetRef, sourceRef, ValueKind.Int64), range);
                    break;
                }
            }

            if (candidate.Item2.Lo >= -spec.Bound - 1 && candidate.Item2.Hi <= spec.Bound)
            {
                return (target, candidate.Item1, candidate.Item2);
            }
        }

        // A copy keeps an already-bounded value, so it always fits.
        var to = random.NextIndex(k);
        var from = (to + 1 + random.NextIndex(k - 1)) % k;
        return (to, new Ref(current[from], ValueKind.Int64), ranges[current[from]]);
    }

    private static Constant Literal(long value) => new(Value.FromInt64(value));

    private static (Expr Result, string Text) Answer(RegisterSpec spec, int[] current, int[] versions, ref SplitMix64 random)
    {
        if (spec.Query == RegisterQuery.Sum)
        {
            Expr sum = new Ref(current[0], ValueKind.Int64);
            for (var r = 1; r < spec.Registers; r++)
            {
                sum = new Binary(BinaryOp.Add, sum, new Ref(current[r], ValueKind.Int64), ValueKind.Int64);
            }

            return (sum, string.Join(" + ", Enumerable.Range(0, spec.Registers).Select(Name)));
        }

        var written = Enumerable.Range(0, spec.Registers).Where(r => versions[r] > 0).ToList();
        var chosen = random.Pick(written);
        return (new Ref(current[chosen], ValueKind.Int64), Name(chosen));
    }
}
