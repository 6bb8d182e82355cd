using Faithful.Differential;
using Faithful.Execution;
using Faithful.Families;
using Faithful.Model;

namespace Faithful.Core.Tests;

/// <summary>
/// The evaluator against the compiled C# of generated programs, step by step and bit for bit, faults included
/// (110,000 cases: 30k long chains, 20k double chains, 30k register programs, 30k stress programs that fault often).
/// </summary>
public sealed class DifferentialTests(ITestOutputHelper output)
{
    [Fact]
    public void Long_chains_match_compiled_csharp()
    {
        var programs = Enumerable.Range(0, 150).Select(i => ChainOf(i, ValueKind.Int64)).ToList();
        var report = Run(programs, "LongChains", 200, InDomain);

        Assert.Equal(0, report.Faulted);
    }

    [Fact]
    public void Double_chains_match_compiled_csharp()
    {
        var programs = Enumerable.Range(0, 100).Select(i => ChainOf(i, ValueKind.Double)).ToList();
        var report = Run(programs, "DoubleChains", 200, InDomain);

        Assert.Equal(0, report.Faulted);
    }

    [Fact]
    public void Register_programs_match_compiled_csharp()
    {
        var programs = Enumerable.Range(0, 150).Select(i =>
        {
            var random = new SplitMix64((ulong)i);
            return new RegisterSpec(
                (int)random.NextInt64(2, 8),
                (int)random.NextInt64(1, 60),
                random.Chance(0.5) ? RegisterQuery.Sum : RegisterQuery.OneVariable,
                ProgramSeed: (ulong)i).Generate() with { Name = $"R{i}" };
        }).ToList();
        var report = Run(programs, "Registers", 200, InDomain);

        Assert.Equal(0, report.Faulted);
    }

    [Fact]
    public void Stress_programs_match_compiled_csharp_faults_included()
    {
        var programs = Enumerable.Range(0, 300).Select(i => StressPrograms.Generate(1 + (i % 12), (ulong)i, i)).ToList();
        var report = Run(programs, "Stress", 100, (program, p, c) => StressPrograms.DrawInputs(program, SplitMix64.Derive(7, p, c)));

        // The stress set must really exercise every fault path, or it proves nothing about them.
        Assert.True(report.FaultsByKind.GetValueOrDefault(FaultKind.DivideByZero) > 100, report.ToString());
        Assert.True(report.FaultsByKind.GetValueOrDefault(FaultKind.Overflow) > 100, report.ToString());
        Assert.True(report.FaultsByKind.GetValueOrDefault(FaultKind.NotFinite) > 100, report.ToString());
        Assert.True(report.Completed > report.Cases / 4, report.ToString());
    }

    private DifferentialReport Run(List<StepProgram> programs, string name, int casesPerProgram, Func<StepProgram, int, int, Value[]> inputs)
    {
        var batch = CompiledBatch.Compile(programs, name);
        var report = DifferentialRunner.Run(batch, casesPerProgram, inputs);
        output.WriteLine(report.ToString());
        Assert.True(report.MismatchCount == 0, report.ToString());
        Assert.Equal(programs.Count * casesPerProgram, report.Cases);
        return report;
    }

    private static StepProgram ChainOf(int i, ValueKind kind)
    {
        var random = new SplitMix64((ulong)i + 1000);
        var mixes = new[] { OperatorMix.Mixed, OperatorMix.AddSubtract, OperatorMix.AddSubtract | OperatorMix.MultiplyByLiteral, OperatorMix.DivideByLiteral | OperatorMix.RemainderByLiteral };
        var spec = new ChainSpec((int)random.NextInt64(5, 95), (int)random.NextInt64(1, 6), kind, random.Pick(mixes), (ulong)i);
        return spec.Generate() with { Name = $"C{i}" };
    }

    /// <summary>Uniform inputs within the declared domains, doubles on the sampler's 1/4 grid.</summary>
    internal static Value[] InDomain(StepProgram program, int p, int c)
    {
        var random = new SplitMix64(SplitMix64.Derive(11, p, c));
        return program.Parameters.Select(parameter =>
        {
            var min = (long)parameter.Domain!.Min;
            var max = (long)parameter.Domain.Max;
            return parameter.Kind == ValueKind.Int64
                ? Value.FromInt64(random.NextInt64(min, max))
                : Value.FromDouble(random.NextInt64(min * 4, max * 4) * 0.25);
        }).ToArray();
    }
}
