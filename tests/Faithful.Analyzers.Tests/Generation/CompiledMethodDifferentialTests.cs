using System.Reflection;
using Faithful.Analyzers.Tests.Infrastructure;
using Faithful.Execution;
using Faithful.Model;
using Faithful.Serialization;
using Faithful.SourcePrograms;

namespace Faithful.Analyzers.Tests.Generation;

public sealed class CompiledMethodDifferentialTests
{
    private const int CasesPerProgram = 1500;

    [Fact]
    public void Every_step_of_the_compiled_method_equals_the_evaluator_on_the_emitted_model()
    {
        var (output, _, _) = TestCompilation.RunGenerator(TestCompilation.Create(SamplePrograms.Source));
        var programs = InMemoryAssembly.Catalog(InMemoryAssembly.Load(output));
        var probed = InMemoryAssembly.Load(TestCompilation.Create(StepProbeRewriter.Instrument(SamplePrograms.Source), StepProbeRewriter.ProbeSource));
        var probeValues = (List<long>)probed.GetType("StepProbe")!.GetField("Values")!.GetValue(null)!;
        var random = new Random(20261124);
        var faults = 0;
        var cases = 0;

        Assert.Equal(4, programs.Count);
        foreach (var program in programs)
        {
            var method = probed.GetType(program.ContainingType!)!.GetMethod(program.Name, BindingFlags.Public | BindingFlags.Static)!;
            for (var i = 0; i < CasesPerProgram; i++)
            {
                var inputs = program.Parameters.Select(p => p.Kind == ValueKind.Int64 ? Value.FromInt64(RandomLong(random)) : Value.FromDouble(RandomDouble(random))).ToArray();
                var trace = ReferenceEvaluator.Evaluate(program, inputs);
                probeValues.Clear();
                Exception? thrown = null;
                object? answer = null;
                try
                {
                    answer = method.Invoke(null, [.. inputs.Select(v => v.Kind == ValueKind.Int64 ? (object)v.AsInt64 : v.AsDouble)]);
                }
                catch (TargetInvocationException e)
                {
                    thrown = e.InnerException;
                }

                var context = $"{program.Name}({string.Join(", ", inputs)})";
                Assert.Equal(probeValues.Count, trace.StepValues.Count);
                for (var s = 0; s < probeValues.Count; s++)
                {
                    Assert.True(probeValues[s] == trace.StepValues[s].Bits, $"{context}: step {program.Steps[s].Name} is {new Value(program.Steps[s].Kind, probeValues[s])} in C#, {trace.StepValues[s]} in the evaluator.");
                }

                if (thrown is null)
                {
                    Assert.Null(trace.Fault);
                    var bits = answer is double d ? BitConverter.DoubleToInt64Bits(d) : (long)answer!;
                    Assert.True(bits == trace.Answer!.Value.Bits, $"{context}: answer {answer} in C#, {trace.Answer} in the evaluator.");
                }
                else
                {
                    faults++;
                    Assert.NotNull(trace.Fault);
                    Assert.Equal(thrown is DivideByZeroException ? FaultKind.DivideByZero : FaultKind.Overflow, trace.Fault.Kind);
                    Assert.Equal(probeValues.Count, trace.Fault.StepIndex);
                }

                cases++;
            }
        }

        Assert.Equal(4 * CasesPerProgram, cases);
        // The inputs must exercise the fault paths too, or the fault comparison proves nothing.
        Assert.InRange(faults, 50, cases / 2);
    }

    [Fact]
    public void Emitted_code_builds_exactly_what_the_source_reader_converts()
    {
        var (output, _, _) = TestCompilation.RunGenerator(TestCompilation.Create(SamplePrograms.Source));
        var generated = InMemoryAssembly.Catalog(InMemoryAssembly.Load(output));
        var read = CSharpProgramReader.ReadSource(SamplePrograms.Source, "Program0.cs", TestContext.Current.CancellationToken);

        Assert.Empty(read.Problems);
        Assert.Equal(read.Programs.OrderBy(p => p.Id, StringComparer.Ordinal).Select(ProgramJson.Serialize), generated.Select(ProgramJson.Serialize));
        Assert.Equal(read.Programs.OrderBy(p => p.Id, StringComparer.Ordinal), generated);
    }

    private static long RandomLong(Random random) => random.Next(6) switch
    {
        0 => random.NextInt64(-3, 4),
        1 => random.NextInt64(-100, 101),
        2 => random.NextInt64(-1_000_000, 1_000_001),
        3 => random.NextInt64(long.MinValue, long.MaxValue),
        4 => random.Next(2) == 0 ? long.MinValue : long.MaxValue,
        _ => random.NextInt64(-5_000_000_000, 5_000_000_000),
    };

    private static double RandomDouble(Random random) => random.Next(6) switch
    {
        0 => random.Next(-5, 6),
        1 => (random.NextDouble() - 0.5) * 200,
        2 => (random.NextDouble() - 0.5) * 1e12,
        3 => BitConverter.Int64BitsToDouble(random.NextInt64(long.MinValue, long.MaxValue)),
        4 => random.Next(4) switch { 0 => double.NaN, 1 => double.PositiveInfinity, 2 => -0.0, _ => double.MaxValue },
        _ => 9.3e18 * (random.NextDouble() - 0.5) * 2,
    };
}
