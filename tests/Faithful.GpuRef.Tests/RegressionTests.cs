using Faithful.Execution;
using Faithful.GpuRef.Batches;
using Faithful.GpuRef.Hosting;
using Faithful.GpuRef.Verification;
using Faithful.Model;
using Faithful.Serialization;

namespace Faithful.GpuRef.Tests;

/// <summary>Programs on which a backend once disagreed with the reference evaluator, kept as JSON.</summary>
public sealed class RegressionTests
{
    private static StepProgram Load(string name) =>
        ProgramJson.Deserialize(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Regressions", name)));

    [Fact]
    public void Compiled_backend_divides_by_a_constant_long_min_value_as_the_reference_evaluator_does()
    {
        // Found by `gpuref --check 10000000`: s16 = s11 - s15 / long.MinValue with s15 == long.MinValue.
        var program = Load("constant-min-value-divisor.json");
        Value[] inputs = [Value.FromDouble(0), Value.FromInt64(8928322935511397105), Value.FromDouble(-702), Value.FromInt64(-6269740296918942695)];
        using var host = GpuRefHost.Create(new GpuRefOptions { Backend = GpuRefBackend.Cpu });
        var batch = new TraceBatch();
        batch.Add(program, inputs);

        var result = host.Evaluate(batch);
        var oracle = ReferenceEvaluator.Evaluate(program, inputs);

        Assert.Equal(long.MinValue, oracle.StepValues[14].AsInt64);
        Assert.Equal(-5, oracle.StepValues[15].AsInt64);
        Assert.Null(DifferentialCheck.Compare(result, 0, oracle));
    }

    [Fact]
    public void Compiled_backend_negates_a_quotient_by_long_min_value_as_the_reference_evaluator_does()
    {
        // Found by the same check: s26 = -((long)s4 / long.MinValue) with (long)s4 == long.MinValue.
        var program = Load("negated-min-value-quotient.json");
        Value[] inputs = [Value.FromDouble(255), Value.FromInt64(218), Value.FromInt64(long.MinValue)];
        using var host = GpuRefHost.Create(new GpuRefOptions { Backend = GpuRefBackend.Cpu });
        var batch = new TraceBatch();
        batch.Add(program, inputs);

        var result = host.Evaluate(batch);
        var oracle = ReferenceEvaluator.Evaluate(program, inputs);

        Assert.Equal(-1, oracle.StepValues[25].AsInt64);
        Assert.Null(DifferentialCheck.Compare(result, 0, oracle));
    }
}
