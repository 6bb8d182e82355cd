using System.Globalization;
using Faithful.Model;

namespace Faithful.Families;

/// <summary>Builds <see cref="ChainSpec"/> programs; see that type for the structure and the value bounds.</summary>
internal static class ChainGenerator
{
    private enum Form
    {
        Add,
        Subtract,
        AddScaled,
        SubtractScaled,
        DivideSum,
        DivideDifference,
        RemainderSum,
        RemainderDifference,
    }

    private static readonly long[] LongLiterals = [2, 3, 4, 5, 6, 7, 8, 9];
    private static readonly double[] DoubleMultipliers = [0.5, 1.5, 2.0, 2.5, 3.0];
    private static readonly double[] DoubleDivisors = [2.0, 4.0];
    private static readonly double[] DoubleModuli = [2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0];

    public static StepProgram Generate(ChainSpec spec)
    {
        Validate(spec);
        var random = new SplitMix64(SplitMix64.Derive(spec.ProgramSeed, spec.Steps, spec.LookBackDepth, (long)spec.Kind, (long)spec.Mix));
        var kind = spec.Kind;
        var inputRange = new ValueRange(-spec.InputBound, spec.InputBound, kind == ValueKind.Double ? ChainSpec.InputFractionBits : 0);
        var ranges = new List<ValueRange> { inputRange, inputRange };
        var forms = FormsOf(spec.Mix);
        var steps = new List<Step>(spec.Steps);

        for (var i = 1; i <= spec.Steps; i++)
        {
            var p = i == 1 ? 0 : 2 + (i - 2);
            var q = spec.LookBackDepth >= 2 && i - spec.LookBackDepth >= 1 ? 2 + (i - spec.LookBackDepth - 1) : 1;
            var (expression, range) = ChooseStep(spec, forms, ranges[p], ranges[q], new Ref(p, kind), new Ref(q, kind), ref random);
            ranges.Add(range);
            var name = string.Create(CultureInfo.InvariantCulture, $"s{i}");
            steps.Add(new Step(i - 1, name, name, 1, kind, expression, "", 0));
        }

        var domain = new Domain(-spec.InputBound, spec.InputBound);
        var program = new StepProgram(
            spec.ProgramName,
            Describe(spec),
            new[] { new Parameter("a", kind, domain), new Parameter("b", kind, domain) }.ToEquatableArray(),
            steps.ToEquatableArray(),
            new Ref(1 + spec.Steps, kind),
            steps[^1].Name);
        return CSharpProgramWriter.Annotate(program);
    }

    private static void Validate(ChainSpec spec)
    {
        if (spec.Steps < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(spec), $"A chain needs at least one step; got {spec.Steps}.");
        }

        if (spec.LookBackDepth < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(spec), $"The look-back depth must be at least 1; got {spec.LookBackDepth}.");
        }

        if (spec.Mix == 0 || (spec.Mix & ~OperatorMix.Mixed) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(spec), $"Operator mix {spec.Mix} names no known form.");
        }

        if (spec.Bound < ChainSpec.ReductionModulus || spec.InputBound < 1 || spec.InputBound > spec.Bound)
        {
            throw new ArgumentOutOfRangeException(nameof(spec), $"Need 1 <= InputBound <= Bound and Bound >= {ChainSpec.ReductionModulus}; got InputBound {spec.InputBound}, Bound {spec.Bound}.");
        }
    }

    private static string Describe(ChainSpec spec) => string.Create(
        CultureInfo.InvariantCulture,
        $"Look-back chain: {spec.Steps} steps, depth {spec.LookBackDepth}, {spec.Kind.ToCSharpKeyword()}, operators {spec.Mix.Label()}, seed {spec.ProgramSeed}");

    private static List<Form> FormsOf(OperatorMix mix)
    {
        var forms = new List<Form>();
        if (mix.HasFlag(OperatorMix.AddSubtract))
        {
            forms.AddRange([Form.Add, Form.Subtract]);
        }

        if (mix.HasFlag(OperatorMix.MultiplyByLiteral))
        {
            forms.AddRange([Form.AddScaled, Form.SubtractScaled]);
        }

        if (mix.HasFlag(OperatorMix.DivideByLiteral))
        {
            forms.AddRange([Form.DivideSum, Form.DivideDifference]);
        }

        if (mix.HasFlag(OperatorMix.RemainderByLiteral))
        {
            forms.AddRange([Form.RemainderSum, Form.RemainderDifference]);
        }

        return forms;
    }

    private static (Expr Expression, ValueRange Range) ChooseStep(
        ChainSpec spec, List<Form> forms, ValueRange pRange, ValueRange qRange, Ref p, Ref q, ref SplitMix64 random)
    {
        // Candidates are (form, literal) pairs whose result stays small; draw a form first, so each is equally likely.
        var fitting = new Dictionary<Form, List<(Expr, ValueRange)>>();
        foreach (var form in forms)
        {
            foreach (var literal in LiteralsOf(form, spec.Kind))
            {
                var candidate = Build(form, literal, p, q, pRange, qRange, spec.Kind);
                if (candidate.Range.Within(spec.Bound, ChainSpec.MaxFractionBits))
                {
                    if (!fitting.TryGetValue(form, out var list))
                    {
                        fitting[form] = list = [];
                    }

                    list.Add(candidate);
                }
            }
        }

        if (fitting.Count > 0)
        {
            var formsThatFit = forms.Where(fitting.ContainsKey).ToList();
            return random.Pick(fitting[random.Pick(formsThatFit)]);
        }

        var reduction = random.Chance(0.5) ? Form.RemainderSum : Form.RemainderDifference;
        return Build(reduction, ChainSpec.ReductionModulus, p, q, pRange, qRange, spec.Kind);
    }

    private static double[] LiteralsOf(Form form, ValueKind kind) => form switch
    {
        Form.Add or Form.Subtract => [0],
        _ when kind == ValueKind.Int64 => [.. LongLiterals.Select(l => (double)l)],
        Form.AddScaled or Form.SubtractScaled => DoubleMultipliers,
        Form.DivideSum or Form.DivideDifference => DoubleDivisors,
        _ => DoubleModuli,
    };

    private static (Expr Expression, ValueRange Range) Build(Form form, double literal, Ref p, Ref q, ValueRange pRange, ValueRange qRange, ValueKind kind)
    {
        var k = new Constant(kind == ValueKind.Int64 ? Value.FromInt64((long)literal) : Value.FromDouble(literal));
        var kRange = new ValueRange(literal, literal, FractionBitsOf(literal));
        var isLong = kind == ValueKind.Int64;
        var sum = new Binary(BinaryOp.Add, p, q, kind);
        var difference = new Binary(BinaryOp.Subtract, p, q, kind);
        return form switch
        {
            Form.Add => (sum, ValueRange.Add(pRange, qRange)),
            Form.Subtract => (difference, ValueRange.Subtract(pRange, qRange)),
            Form.AddScaled => (new Binary(BinaryOp.Add, p, new Binary(BinaryOp.Multiply, q, k, kind), kind), ValueRange.Add(pRange, ValueRange.Multiply(qRange, kRange))),
            Form.SubtractScaled => (new Binary(BinaryOp.Subtract, p, new Binary(BinaryOp.Multiply, q, k, kind), kind), ValueRange.Subtract(pRange, ValueRange.Multiply(qRange, kRange))),
            Form.DivideSum => (new Binary(BinaryOp.Divide, sum, k, kind), ValueRange.DivideBy(ValueRange.Add(pRange, qRange), literal, isLong, literal == 4 ? 2 : 1)),
            Form.DivideDifference => (new Binary(BinaryOp.Divide, difference, k, kind), ValueRange.DivideBy(ValueRange.Subtract(pRange, qRange), literal, isLong, literal == 4 ? 2 : 1)),
            Form.RemainderSum => (new Binary(BinaryOp.Remainder, sum, k, kind), ValueRange.RemainderBy(ValueRange.Add(pRange, qRange), literal)),
            _ => (new Binary(BinaryOp.Remainder, difference, k, kind), ValueRange.RemainderBy(ValueRange.Subtract(pRange, qRange), literal)),
        };
    }

    /// <summary>Binary fraction digits of a literal: 0.5 and 1.5 need one, integers none.</summary>
    private static int FractionBitsOf(double literal)
    {
        var bits = 0;
        while (literal != Math.Floor(literal))
        {
            literal *= 2;
            bits++;
        }

        return bits;
    }
}
