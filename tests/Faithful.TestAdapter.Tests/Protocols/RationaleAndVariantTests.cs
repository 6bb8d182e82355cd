using Faithful.Execution;
using Faithful.Families;
using Faithful.Model;
using Faithful.Protocols.ExplainThenExecute;
using Faithful.Protocols.Metamorphic;

namespace Faithful.TestAdapter.Tests.Protocols;

public sealed class RationaleAndVariantTests
{
    [Fact]
    public void A_rationale_is_judged_step_by_step_on_the_values_each_step_reads()
    {
        const string reply = """
            What each step does:
            1. s1: reads a, b; computes a + b
            2. **s2**: reads s1 and a to multiply them
            3. s3: reads s2, b; computes s2 - s1
            """;

        var evidence = RationaleReader.Judge(reply, TestPrograms.Chain);

        Assert.Equal(4, evidence.Steps);
        Assert.Equal(3, evidence.ExplainedSteps);
        Assert.Equal(2, evidence.CorrectSteps);
        Assert.False(evidence.Correct);
        Assert.Equal([2, 3], evidence.Mismatches.Select(m => m.StepIndex));
        Assert.Equal(["s1", "s2"], evidence.Mismatches[0].Expected);
        Assert.Equal(["b", "s2"], evidence.Mismatches[0].Stated);
        Assert.Null(evidence.Mismatches[1].Stated);
    }

    [Theory]
    [InlineData("renamed")]
    [InlineData("scheme")]
    [InlineData("reordered")]
    public void Variants_that_keep_the_inputs_compute_the_same_answer_and_are_one_program_per_program(string name)
    {
        var program = new RegisterSpec(5, 30, RegisterQuery.Sum, RegisterOps.All, 12).Generate();
        var inputs = InputSampler.SampleMany(program, 2, 3);

        var first = ProgramVariants.Create(program, inputs[0].Inputs, name);
        var second = ProgramVariants.Create(program, inputs[1].Inputs, name);

        Assert.NotNull(first);
        Assert.NotNull(second);
        Assert.Equal(first.Program, second.Program);
        Assert.NotEqual(program.Id, first.Program.Id);
        Assert.Equal(inputs[0].Trace.Answer, ReferenceEvaluator.Evaluate(first.Program, first.Inputs).Answer);
        Assert.Equal(program.Steps.Count, first.Program.Steps.Count);
        Assert.NotEqual(program.Steps.Select(s => s.SourceText), first.Program.Steps.Select(s => s.SourceText));
    }

    [Fact]
    public void A_renamed_program_shares_no_name_with_the_original_and_a_scheme_numbers_names_in_order()
    {
        var program = new ChainSpec(12, 2, ValueKind.Int64, OperatorMix.Mixed, 8).Generate();
        var inputs = InputSampler.Sample(program, 1).Inputs;

        var renamed = ProgramVariants.Create(program, inputs, ProgramVariants.Renamed)!.Program;
        var scheme = ProgramVariants.Create(program, inputs, ProgramVariants.Scheme)!.Program;

        var original = program.Parameters.Select(p => p.Name).Concat(program.Steps.Select(s => s.Variable)).ToHashSet();
        Assert.DoesNotContain(renamed.Parameters.Select(p => p.Name).Concat(renamed.Steps.Select(s => s.Variable)), original.Contains);
        Assert.Equal(["v1", "v2"], scheme.Parameters.Select(p => p.Name));
        Assert.Equal("v3", scheme.Steps[0].Variable);
    }

    [Fact]
    public void Chains_have_nothing_independent_to_reorder_and_a_shift_keeps_the_shape_with_other_values()
    {
        var program = new ChainSpec(20, 3, ValueKind.Int64, OperatorMix.Mixed, 2).Generate();
        var inputs = InputSampler.Sample(program, 5).Inputs;

        Assert.Null(ProgramVariants.Create(program, inputs, ProgramVariants.Reordered));
        var shifted = ProgramVariants.Create(program, inputs, ProgramVariants.Shifted);

        Assert.NotNull(shifted);
        Assert.NotEqual(inputs, shifted.Inputs);
        var trace = ReferenceEvaluator.Evaluate(shifted.Program, shifted.Inputs);
        Assert.Null(trace.Fault);
        for (var i = 0; i < program.Steps.Count; i++)
        {
            var reads = new List<int>();
            LookBack.CollectReads(program.Steps[i].Expression, reads);
            var shiftedReads = new List<int>();
            LookBack.CollectReads(shifted.Program.Steps[i].Expression, shiftedReads);
            Assert.Equal(reads, shiftedReads);
        }

        Assert.Equal(shifted, ProgramVariants.Create(program, inputs, ProgramVariants.Shifted));
    }
}
