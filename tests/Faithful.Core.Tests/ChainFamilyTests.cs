using Faithful.Execution;
using Faithful.Families;
using Faithful.Model;

namespace Faithful.Core.Tests;

public sealed class ChainFamilyTests
{
    [Fact]
    public void Same_spec_gives_the_same_program_and_another_seed_another()
    {
        var spec = new ChainSpec(40, 3, ValueKind.Int64, OperatorMix.Mixed, 42);

        Assert.Equal(spec.Generate(), spec.Generate());
        Assert.NotEqual(spec.Generate().Steps, (spec with { ProgramSeed = 43 }).Generate().Steps);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    public void Each_step_reads_the_previous_step_and_the_step_d_back_or_b(int depth)
    {
        var program = new ChainSpec(30, depth, ProgramSeed: 9).Generate();
        var p = program.Parameters.Count;

        for (var i = 1; i <= program.Steps.Count; i++)
        {
            var reads = LookBack.Of(program, i - 1).Select(d => program.SlotName(d.Slot)).ToHashSet();
            var previous = i == 1 ? "a" : $"s{i - 1}";
            var back = depth >= 2 && i - depth >= 1 ? $"s{i - depth}" : "b";
            Assert.Equal(new HashSet<string> { previous, back }, reads);
        }

        Assert.Equal(Math.Max(depth, 1), LookBack.MaxDepth(program));
        Assert.Equal(p + 29, program.ResultSlot);
    }

    [Theory]
    [InlineData(ValueKind.Int64, OperatorMix.Mixed)]
    [InlineData(ValueKind.Int64, OperatorMix.AddSubtract)]
    [InlineData(ValueKind.Int64, OperatorMix.AddSubtract | OperatorMix.MultiplyByLiteral)]
    [InlineData(ValueKind.Double, OperatorMix.Mixed)]
    [InlineData(ValueKind.Double, OperatorMix.MultiplyByLiteral | OperatorMix.DivideByLiteral)]
    public void Values_stay_within_the_bound_and_doubles_stay_multiples_of_an_eighth(ValueKind kind, OperatorMix mix)
    {
        for (ulong seed = 0; seed < 20; seed++)
        {
            var spec = new ChainSpec(95, 1 + (int)(seed % 5), kind, mix, seed);
            var program = spec.Generate();
            // The corners of the input domain and a spread of interior points.
            foreach (var cases in InputSampler.SampleMany(program, 30, seed).Select(c => c.Inputs.ToArray()).Concat(Corners(kind)))
            {
                var trace = ReferenceEvaluator.Evaluate(program, cases);
                Assert.Null(trace.Fault);
                foreach (var value in trace.StepValues)
                {
                    Assert.InRange(value.ToDouble(), -spec.Bound, spec.Bound);
                    Assert.Equal(0, (value.ToDouble() * 8) % 1);
                }
            }
        }
    }

    [Fact]
    public void Chains_far_beyond_95_steps_stay_bounded()
    {
        var spec = new ChainSpec(1000, 7, ValueKind.Int64, OperatorMix.Mixed, 5);
        var program = spec.Generate();

        Assert.Equal(1000, program.Steps.Count);
        Assert.Equal(7, LookBack.MaxDepth(program));
        foreach (var sampled in InputSampler.SampleMany(program, 50, 1))
        {
            Assert.All(sampled.Trace.StepValues, v => Assert.InRange(v.AsInt64, -spec.Bound, spec.Bound));
        }
    }

    [Fact]
    public void Mix_limits_the_operators_used_apart_from_the_reduction_fallback()
    {
        var program = new ChainSpec(95, 2, ValueKind.Int64, OperatorMix.AddSubtract | OperatorMix.MultiplyByLiteral, 3).Generate();
        var ops = program.Steps.SelectMany(s => Ops(s.Expression)).ToHashSet();

        Assert.Contains(BinaryOp.Multiply, ops);
        Assert.DoesNotContain(BinaryOp.Divide, ops);
        // Any remainder is the documented reduction by 100.
        Assert.All(program.Steps.Select(s => s.Expression).OfType<Binary>().Where(b => b.Op == BinaryOp.Remainder),
            b => Assert.Equal(Value.FromInt64(ChainSpec.ReductionModulus), ((Constant)b.Right).Value));
    }

    [Fact]
    public void Steps_are_annotated_with_explicit_declarations()
    {
        var program = new ChainSpec(5, 2, ValueKind.Double, ProgramSeed: 1).Generate();

        Assert.All(program.Steps, s => Assert.StartsWith($"double {s.Name} = ", s.SourceText, StringComparison.Ordinal));
        Assert.Equal("s5", program.ResultSourceText);
        Assert.All(program.Parameters, p => Assert.Equal(new Domain(-20, 20), p.Domain));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(5, 0)]
    public void Invalid_specs_are_rejected_with_a_reason(int length, int depth)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new ChainSpec(length, depth).Generate());

        Assert.Contains(length < 1 ? "at least one step" : "depth must be at least 1", error.Message, StringComparison.Ordinal);
    }

    private static IEnumerable<Value[]> Corners(ValueKind kind)
    {
        Value V(double v) => kind == ValueKind.Int64 ? Value.FromInt64((long)v) : Value.FromDouble(v);
        foreach (var a in new[] { -20.0, 0, 20 })
        {
            foreach (var b in new[] { -20.0, 0, 20 })
            {
                yield return [V(a), V(b)];
            }
        }
    }

    private static IEnumerable<BinaryOp> Ops(Expr expression) => expression switch
    {
        Binary b => Ops(b.Left).Concat(Ops(b.Right)).Append(b.Op),
        Unary u => Ops(u.Operand),
        _ => [],
    };
}
