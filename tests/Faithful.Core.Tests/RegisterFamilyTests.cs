using System.Text.RegularExpressions;
using Faithful.Execution;
using Faithful.Families;
using Faithful.Model;

namespace Faithful.Core.Tests;

public sealed partial class RegisterFamilyTests
{
    [Fact]
    public void Steps_follow_the_ssa_naming_convention_and_read_latest_versions()
    {
        var program = new RegisterSpec(5, 40, ProgramSeed: 11).Generate();
        var versions = new Dictionary<string, int>();

        foreach (var step in program.Steps)
        {
            var version = versions[step.Variable] = versions.GetValueOrDefault(step.Variable) + 1;
            Assert.Equal(version, step.Version);
            Assert.Equal($"{step.Variable}#{version}", step.Name);
            Assert.Matches(StatementPattern(), step.SourceText);
        }

        Assert.Equal(["a0", "a1", "a2", "a3", "a4"], program.Parameters.Select(p => p.Name));
    }

    [Fact]
    public void Uses_every_statement_kind_over_a_long_program()
    {
        var program = new RegisterSpec(4, 300, ProgramSeed: 5).Generate();
        var operators = program.Steps.Select(s => StatementPattern().Match(s.SourceText).Groups["op"].Value).ToHashSet();

        Assert.Superset(new HashSet<string> { "=", "+=", "-=", "*=", "&=", "|=", "^=", "<<=", ">>=", "/=", "%=", "++", "--" }, operators);
    }

    [Fact]
    public void Division_and_remainder_are_by_non_zero_literals_and_increments_add_one()
    {
        var program = new RegisterSpec(4, 300, ProgramSeed: 5).Generate();

        var divisions = program.Steps.Where(s => s.SourceText.Contains("/=", StringComparison.Ordinal) || s.SourceText.Contains("%=", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(divisions);
        Assert.All(divisions, s =>
        {
            var binary = Assert.IsType<Binary>(s.Expression);
            Assert.Contains(binary.Op, new[] { BinaryOp.Divide, BinaryOp.Remainder });
            Assert.InRange(Assert.IsType<Constant>(binary.Right).Value.AsInt64, 2, 9);
        });

        var increments = program.Steps.Where(s => s.SourceText.EndsWith("++;", StringComparison.Ordinal) || s.SourceText.EndsWith("--;", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(increments);
        Assert.All(increments, s =>
        {
            var binary = Assert.IsType<Binary>(s.Expression);
            Assert.Equal(s.SourceText.EndsWith("++;", StringComparison.Ordinal) ? BinaryOp.Add : BinaryOp.Subtract, binary.Op);
            Assert.Equal(s.Variable, program.SlotName(Assert.IsType<Ref>(binary.Left).Slot).Split('#')[0]);
            Assert.Equal(1, Assert.IsType<Constant>(binary.Right).Value.AsInt64);
        });
    }

    [Fact]
    public void New_statement_kinds_never_fault_over_the_input_domain()
    {
        for (ulong seed = 0; seed < 10; seed++)
        {
            var spec = new RegisterSpec(3, 95, Ops: RegisterOps.Divide | RegisterOps.Increment | RegisterOps.Arithmetic, ProgramSeed: seed);
            var program = spec.Generate();
            var random = new Random((int)seed);

            // Every input drawn uniformly from the domain, corners included (the sampler would hide faulting draws).
            for (var draw = 0; draw < 60; draw++)
            {
                var inputs = program.Parameters.Select(_ => draw switch { 0 => 0L, 1 => spec.InputBound, _ => random.NextInt64(0, spec.InputBound + 1) }).ToArray();
                var trace = ReferenceEvaluator.Evaluate(program, inputs);
                Assert.Null(trace.Fault);
                Assert.All(trace.StepValues, v => Assert.InRange(v.AsInt64, -spec.Bound - 1, spec.Bound));
            }
        }
    }

    [Fact]
    public void A_compound_assignment_reads_its_own_previous_version()
    {
        var program = new RegisterSpec(3, 30, ProgramSeed: 2).Generate();
        var step = program.Steps.First(s => s.SourceText.Contains("-=", StringComparison.Ordinal));
        var binary = Assert.IsType<Binary>(step.Expression);

        var own = Assert.IsType<Ref>(binary.Left);
        var ownName = program.SlotName(own.Slot);
        Assert.Equal(step.Variable, ownName.Split('#')[0]);
        Assert.Equal(BinaryOp.Subtract, binary.Op);
    }

    [Theory]
    [InlineData(RegisterQuery.Sum)]
    [InlineData(RegisterQuery.OneVariable)]
    public void Answers_the_query_and_values_stay_bounded(RegisterQuery query)
    {
        for (ulong seed = 0; seed < 20; seed++)
        {
            var spec = new RegisterSpec(2 + (int)(seed % 6), 95, query, ProgramSeed: seed);
            var program = spec.Generate();
            if (query == RegisterQuery.Sum)
            {
                Assert.Equal(string.Join(" + ", program.Parameters.Select(p => p.Name)), program.ResultSourceText);
            }
            else
            {
                Assert.IsType<Ref>(program.Result);
            }

            foreach (var sampled in InputSampler.SampleMany(program, 30, seed))
            {
                Assert.All(sampled.Trace.StepValues, v => Assert.InRange(v.AsInt64, -spec.Bound - 1, spec.Bound));
            }
        }
    }

    [Fact]
    public void Same_spec_gives_the_same_program()
    {
        var spec = new RegisterSpec(5, 50, RegisterQuery.Sum, ProgramSeed: 77);

        Assert.Equal(spec.Generate(), spec.Generate());
        Assert.NotEqual(spec.Generate(), (spec with { ProgramSeed = 78 }).Generate());
    }

    [Fact]
    public void Restricted_ops_are_honoured()
    {
        var program = new RegisterSpec(4, 60, Ops: RegisterOps.Bitwise, ProgramSeed: 4).Generate();

        // Bitwise ops, and copies only where nothing else fitted.
        Assert.All(program.Steps, s => Assert.Matches(@"^a\d+ (&=|\|=|\^=|=) a\d+;$", s.SourceText));
    }

    [GeneratedRegex(@"^a\d+ (?<op>=|\+=|-=|\*=|&=|\|=|\^=|<<=|>>=|/=|%=) (a\d+|[1-9]);$|^a\d+(?<op>\+\+|--);$")]
    private static partial Regex StatementPattern();
}
