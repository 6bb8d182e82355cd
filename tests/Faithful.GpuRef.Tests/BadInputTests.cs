using Faithful.GpuRef.Batches;
using Faithful.GpuRef.Bytecode;
using Faithful.GpuRef.Hosting;
using Faithful.Execution;
using Faithful.Model;

namespace Faithful.GpuRef.Tests;

public sealed class BadInputTests
{
    [Fact]
    public void An_empty_batch_is_rejected_before_anything_runs()
    {
        using var host = GpuRefHost.Create(new GpuRefOptions { Backend = GpuRefBackend.Cpu });

        var error = Assert.Throws<ArgumentException>(() => host.Evaluate(new TraceBatch()));
        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => host.EvaluateInChunks(new TraceBatch()));
    }

    [Fact]
    public void A_program_with_too_many_steps_names_the_program_and_the_limit()
    {
        var program = TestPrograms.LongChain(BytecodeLimits.MaxSteps + 1);

        var error = Assert.Throws<BytecodeLimitException>(() => new TraceBatch().AddProgram(program));

        Assert.Equal($"Faithful.GpuRef.Tests.Samples.LongChain{BytecodeLimits.MaxSteps + 1}", error.ProgramId);
        Assert.Equal(BytecodeLimits.MaxSteps, error.Limit);
        Assert.Contains($"LongChain{BytecodeLimits.MaxSteps + 1}", error.Message, StringComparison.Ordinal);
        Assert.Contains("BytecodeLimits.MaxSteps", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_program_at_the_step_limit_still_evaluates()
    {
        using var host = GpuRefHost.Create(new GpuRefOptions { Backend = GpuRefBackend.Cpu });
        var program = TestPrograms.LongChain(BytecodeLimits.MaxSteps);
        var batch = new TraceBatch();
        batch.Add(program, 5);

        Assert.Equal(ReferenceEvaluator.Evaluate(program, 5), host.Evaluate(batch).ToTrace(0));
    }

    [Fact]
    public void An_expression_deeper_than_the_stack_names_the_stack_limit()
    {
        var error = Assert.Throws<BytecodeLimitException>(() => BytecodeCompiler.Compile(TestPrograms.DeepExpression(BytecodeLimits.MaxStackDepth)));

        Assert.Equal("stack depth", error.LimitName);
        Assert.Equal(BytecodeLimits.MaxStackDepth + 1, error.Actual);
        Assert.Equal(BytecodeLimits.MaxStackDepth, BytecodeCompiler.Compile(TestPrograms.DeepExpression(BytecodeLimits.MaxStackDepth - 1)).MaxStackDepth);
    }

    [Fact]
    public void An_input_outside_its_domain_is_rejected_with_program_input_value_and_domain()
    {
        var batch = new TraceBatch();
        batch.Add(TestPrograms.Chain(), 1, 2);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => batch.Add(TestPrograms.Chain(), 1, 5000));

        Assert.Contains("input b = 5000", error.Message, StringComparison.Ordinal);
        Assert.Contains("Chain", error.Message, StringComparison.Ordinal);
        Assert.Contains("[-1000, 1000]", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, batch.PairCount);
    }

    [Fact]
    public void A_double_input_outside_its_domain_is_rejected_too()
    {
        var batch = new TraceBatch();

        Assert.Throws<ArgumentOutOfRangeException>(() => batch.Add(TestPrograms.DoubleRatio(), [Value.FromDouble(10.5), Value.FromDouble(1)]));
        Assert.Throws<ArgumentOutOfRangeException>(() => batch.Add(TestPrograms.DoubleRatio(), [Value.FromDouble(double.NaN), Value.FromDouble(1)]));
        Assert.Equal(0, batch.PairCount);
    }

    [Fact]
    public void Under_the_fault_policy_an_out_of_domain_pair_becomes_the_reference_evaluators_fault()
    {
        using var host = GpuRefHost.Create(new GpuRefOptions { Backend = GpuRefBackend.Cpu });
        var program = TestPrograms.Chain();
        var batch = new TraceBatch(OutOfDomainPolicy.Fault);
        batch.Add(program, 1, 5000);
        batch.Add(program, 3, 4);

        var result = host.Evaluate(batch);

        Assert.Equal(ReferenceEvaluator.Evaluate(program, 1, 5000), result.ToTrace(0));
        Assert.Equal(FaultKind.InputOutOfDomain, result.FaultKindOf(0));
        Assert.Equal(ReferenceEvaluator.Evaluate(program, 3, 4), result.ToTrace(1));
    }

    [Fact]
    public void Wrong_input_count_or_kind_is_rejected()
    {
        var batch = new TraceBatch();

        Assert.Contains("takes 2 input(s)", Assert.Throws<ArgumentException>(() => batch.Add(TestPrograms.Chain(), 1)).Message, StringComparison.Ordinal);
        Assert.Contains("is long but a double", Assert.Throws<ArgumentException>(() => batch.Add(TestPrograms.Chain(), [Value.FromDouble(1), Value.FromInt64(2)])).Message, StringComparison.Ordinal);
        Assert.Equal(0, batch.PairCount);
    }

    [Fact]
    public void A_read_of_a_slot_not_yet_written_is_a_malformed_program()
    {
        var good = TestPrograms.Chain();
        var bad = good with { Steps = good.Steps.Select((s, i) => i == 0 ? s with { Expression = new Ref(5, ValueKind.Int64) } : s).ToEquatableArray() };

        var error = Assert.Throws<ArgumentException>(() => BytecodeCompiler.Compile(bad));

        Assert.Contains("reads slot 5", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cuda", GpuRefBackend.Cuda)]
    [InlineData("OpenCL", GpuRefBackend.OpenCL)]
    [InlineData("ilgpu-cpu", GpuRefBackend.IlgpuCpu)]
    [InlineData(" cpu ", GpuRefBackend.Cpu)]
    [InlineData("auto", GpuRefBackend.Auto)]
    [InlineData(null, GpuRefBackend.Auto)]
    public void The_environment_variable_selects_the_backend(string? value, GpuRefBackend expected)
    {
        var requested = new GpuRefOptions().ResolveRequestedBackend(name => name == GpuRefOptions.BackendEnvironmentVariable ? value : null);

        Assert.Equal(expected, requested);
    }

    [Fact]
    public void The_option_wins_over_the_environment_variable_and_a_bad_name_is_a_clear_error()
    {
        Assert.Equal(GpuRefBackend.Cpu, new GpuRefOptions { Backend = GpuRefBackend.Cpu }.ResolveRequestedBackend(_ => "cuda"));

        var error = Assert.Throws<ArgumentException>(() => new GpuRefOptions().ResolveRequestedBackend(_ => "gpu"));
        Assert.Contains("FAITHFUL_GPUREF_BACKEND='gpu'", error.Message, StringComparison.Ordinal);
        Assert.Contains("auto, cuda, opencl, ilgpu-cpu, cpu", error.Message, StringComparison.Ordinal);
    }
}
