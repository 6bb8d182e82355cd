using CsCheck;
using Faithful.Execution;
using Faithful.Families;
using Faithful.Model;
using Faithful.Protocols.PlanExecute;
using Faithful.Traces.Prompts;

namespace Faithful.TestAdapter.Tests.Protocols;

public sealed class PlanReaderTests
{
    [Fact]
    public void A_plan_in_prose_and_markdown_reads_into_the_programs_steps_and_executes_to_its_answer()
    {
        const string reply = """
            Here is the plan:
            ```csharp
            1. `var s1 = a + b;`
            - s2 = s1 * a; // uses a
            Step 3: s3 = s2 - s1;
            s4 = s3 + b;
            return s4;
            ```
            """;

        var read = PlanReader.Read(reply, TestPrograms.Chain);

        Assert.Null(read.Problem);
        var plan = Assert.IsType<StepProgram>(read.Program);
        Assert.Equal(["s1", "s2", "s3", "s4"], plan.Steps.Select(s => s.Name));
        var (structure, computation, mismatches) = PlanComparison.Compare(TestPrograms.Chain, plan);
        Assert.True(structure);
        Assert.True(computation);
        Assert.Empty(mismatches);
        Value[] inputs = [Value.FromInt64(3), Value.FromInt64(-7)];
        Assert.Equal(ReferenceEvaluator.Evaluate(TestPrograms.Chain, inputs).Answer, ReferenceEvaluator.Evaluate(plan, inputs).Answer);
    }

    [Fact]
    public void Compound_assignments_and_increments_of_registers_become_versioned_steps()
    {
        var read = PlanReader.Read("a1 -= a0;\na0 += a1;\na1 += a1;\na0++;\nreturn a1;", TestPrograms.Registers);

        var plan = Assert.IsType<StepProgram>(read.Program);
        Assert.Equal(["a1#1", "a0#1", "a1#2", "a0#2"], plan.Steps.Select(s => s.Name));
        var (structure, _, mismatches) = PlanComparison.Compare(TestPrograms.Registers, plan);
        Assert.False(structure);
        Assert.Contains(mismatches, m => m.StepIndex == 3 && m.Reason == "the program has no such step");
    }

    [Fact]
    public void A_wrong_read_is_named_in_the_comparison()
    {
        var plan = PlanReader.Read("s1 = a + b;\ns2 = s1 * b;\ns3 = s2 - s1;\ns4 = s3 + b;\nreturn s4;", TestPrograms.Chain).Program!;

        var (structure, computation, mismatches) = PlanComparison.Compare(TestPrograms.Chain, plan);

        Assert.False(structure);
        Assert.False(computation);
        var mismatch = Assert.Single(mismatches);
        Assert.Equal(1, mismatch.StepIndex);
        Assert.Equal("reads b, s1 instead of a, s1", mismatch.Reason);
    }

    [Fact]
    public void Every_statement_of_generated_programs_reads_back_as_the_same_computation()
    {
        foreach (var spec in new FamilySpec[] { new ChainSpec(30, 3, ValueKind.Int64, OperatorMix.Mixed, 4), new ChainSpec(20, 2, ValueKind.Double, OperatorMix.Mixed, 5), new RegisterSpec(4, 25, RegisterQuery.Sum, RegisterOps.All, 6) })
        {
            var program = spec.Generate();
            var text = string.Join("\n", program.Steps.Select(s => StepDisplay.Statement(program, s) + ";")) + $"\nreturn {program.ResultSourceText};";

            var read = PlanReader.Read(text, program);

            Assert.True(read.Program is not null, $"{spec}: {read.Problem}");
            var (structure, computation, mismatches) = PlanComparison.Compare(program, read.Program);
            Assert.True(structure && computation, $"{spec}: {string.Join("; ", mismatches.Select(m => $"{m.Expected} / {m.Planned}: {m.Reason}"))}");
            var inputs = InputSampler.Sample(program, 1).Inputs;
            Assert.Equal(ReferenceEvaluator.Evaluate(program, inputs).Answer, ReferenceEvaluator.Evaluate(read.Program, inputs).Answer);
        }
    }

    [Theory]
    [InlineData("", "no statement")]
    [InlineData("s1 = a + ;", "plan line 1")]
    [InlineData("s1 = q + a;", "'q' is not an input or an earlier variable")]
    [InlineData("s1 = a < b;", "comparison")]
    [InlineData("s9 += 1;", "has no value yet")]
    public void Bad_plans_say_what_is_wrong(string reply, string expected)
    {
        var read = PlanReader.Read(reply, TestPrograms.Chain);

        Assert.Null(read.Program);
        Assert.Contains(expected, read.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Deep_nesting_is_refused_rather_than_run_out_of_stack()
    {
        var read = PlanReader.Read("s1 = " + new string('(', 100_000) + "a" + new string(')', 100_000) + ";", TestPrograms.Chain);

        Assert.Null(read.Program);
        Assert.Contains("nests deeper", read.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Any_text_reads_without_throwing()
    {
        Gen.String[Gen.Char["sa b1234()+-*/%<>=;?:&|^~.\n"], 0, 200].Sample(text => PlanReader.Read(text, TestPrograms.Chain) is not null, iter: 3000);
    }
}
