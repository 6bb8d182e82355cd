extern alias runtime;

using System.Reflection;
using Faithful.Analyzers.Tests.Infrastructure;
using runtime::Faithful.Execution;
using runtime::Faithful.Families;
using runtime::Faithful.Model;
using runtime::Faithful.Serialization;
using runtime::Faithful.SourcePrograms;

namespace Faithful.Analyzers.Tests.Generation;

public sealed class CompiledMethodDifferentialTests
{
    private const int CasesPerProgram = 1500;

    [Fact]
    public void Every_step_of_the_compiled_method_equals_the_evaluator_on_the_emitted_model()
    {
        var random = new Random(20261124);
        var (cases, faults) = CompareCompiledWithEvaluator(SamplePrograms.Source, 4, CasesPerProgram, program =>
            [.. program.Parameters.Select(p => p.Kind == ValueKind.Int64 ? Value.FromInt64(RandomLong(random)) : Value.FromDouble(RandomDouble(random)))]);

        Assert.Equal(4 * CasesPerProgram, cases);
        // The inputs must exercise the fault paths too, or the fault comparison proves nothing.
        Assert.InRange(faults, 50, cases / 2);
    }

    [Fact]
    public void Stress_programs_with_reassignments_agree_step_by_step_after_generation()
    {
        var programs = Enumerable.Range(0, 30).Select(i => StressPrograms.Generate(4 + i, (ulong)(9000 + i), i)).ToList();
        var source = CSharpProgramWriter.Write(programs, "Stress", "Programs").Source;
        var seed = 0UL;

        var (cases, faults) = CompareCompiledWithEvaluator(source, programs.Count, 150, program => StressPrograms.DrawInputs(program, seed++));

        Assert.Equal(30 * 150, cases);
        Assert.InRange(faults, 100, cases - 100);
    }

    /// <summary>
    /// Builds <paramref name="source"/> with the generator (the emitted models) and, separately, instrumented so that the
    /// compiled methods record every step; runs both on the same inputs and compares step values bit for bit and faults.
    /// </summary>
    private static (int Cases, int Faults) CompareCompiledWithEvaluator(string source, int expectedPrograms, int casesPerProgram, Func<StepProgram, Value[]> drawInputs)
    {
        var (output, diagnostics, _) = TestCompilation.RunGenerator(TestCompilation.Create(source));
        Assert.Empty(diagnostics);
        var programs = InMemoryAssembly.Catalog(InMemoryAssembly.Load(output));
        var probed = InMemoryAssembly.Load(TestCompilation.Create(StepProbeRewriter.Instrument(source), StepProbeRewriter.ProbeSource));
        var probeValues = (List<long>)probed.GetType("StepProbe")!.GetField("Values")!.GetValue(null)!;
        var faults = 0;
        var cases = 0;

        Assert.Equal(expectedPrograms, programs.Count);
        foreach (var program in programs)
        {
            var method = probed.GetType(program.ContainingType!)!.GetMethod(program.Name, BindingFlags.Public | BindingFlags.Static)!;
            for (var i = 0; i < casesPerProgram; i++)
            {
                var inputs = drawInputs(program);
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
                cases++;
                if (trace.Fault is { Kind: FaultKind.InputOutOfDomain })
                {
                    continue;
                }

                // A non-finite double is a fault only in the model; C# runs on, so compare the prefix up to it.
                var compared = trace.Fault is { Kind: FaultKind.NotFinite } ? trace.StepValues.Count : probeValues.Count;
                Assert.True(compared <= probeValues.Count, $"{context}: C# recorded {probeValues.Count} steps, the evaluator {trace.StepValues.Count}.");
                Assert.Equal(compared, trace.StepValues.Count);
                for (var s = 0; s < compared; s++)
                {
                    Assert.True(SameBits(probeValues[s], trace.StepValues[s]), $"{context}: step {program.Steps[s].Name} is {new Value(program.Steps[s].Kind, probeValues[s])} in C#, {trace.StepValues[s]} in the evaluator.");
                }

                if (trace.Fault is { Kind: FaultKind.NotFinite })
                {
                    faults++;
                    continue;
                }

                if (thrown is null)
                {
                    Assert.True(trace.Fault is null, $"{context}: the evaluator faulted ({trace.Fault}) but C# returned {answer}.");
                    var bits = answer is double d ? BitConverter.DoubleToInt64Bits(d) : (long)answer!;
                    Assert.True(SameBits(bits, trace.Answer!.Value), $"{context}: answer {answer} in C#, {trace.Answer} in the evaluator.");
                }
                else
                {
                    faults++;
                    Assert.True(trace.Fault is not null, $"{context}: C# threw {thrown.GetType().Name} but the evaluator did not fault.");
                    Assert.Equal(thrown is DivideByZeroException ? FaultKind.DivideByZero : FaultKind.Overflow, trace.Fault.Kind);
                    Assert.Equal(probeValues.Count, trace.Fault.StepIndex);
                }
            }
        }

        return (cases, faults);
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

    /// <summary>
    /// Bit-for-bit equality, except that any NaN equals any NaN: which NaN an operation on NaNs yields (sign, payload)
    /// depends on operand order in the JIT's code (x64 propagates the first operand's NaN and the JIT may swap
    /// commutative operands), so .NET does not fix it.
    /// </summary>
    private static bool SameBits(long compiled, Value evaluated) =>
        compiled == evaluated.Bits
        || (evaluated.Kind == ValueKind.Double && double.IsNaN(evaluated.AsDouble) && double.IsNaN(BitConverter.Int64BitsToDouble(compiled)));

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
