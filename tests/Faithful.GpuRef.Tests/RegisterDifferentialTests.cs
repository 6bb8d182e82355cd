using Faithful.Families;
using Faithful.GpuRef.Batches;
using Faithful.Model;

namespace Faithful.GpuRef.Tests;

/// <summary>
/// Issue 9's statement-level programs on their own: 10^5 (register program, inputs) pairs through the ILGPU kernel
/// on the CPU accelerator and the compiled CPU backend, each step compared bit for bit with the reference evaluator.
/// (The evaluator is checked against compiled C# on the same family in Faithful.Core.Tests' differential tests.)
/// </summary>
[Collection(IlgpuCpuCollection.Name)]
public sealed class RegisterDifferentialTests(IlgpuCpuHostFixture fixture)
{
    private const int InputsPerProgram = 1000;

    [Fact]
    public void Register_programs_match_the_reference_evaluator_on_both_backends()
    {
        var grid = StudyGrid.Registers with
        {
            ProgramsPerCell = 2,
            Variants = new[] { GridVariant.Register(RegisterQuery.OneVariable), GridVariant.Register(RegisterQuery.Sum) }.ToEquatableArray(),
        };
        var programs = grid.Programs().Select(g => g.Program).Take(100).ToList();
        var batch = new TraceBatch();
        for (var p = 0; p < programs.Count; p++)
        {
            foreach (var sampled in Families.InputSampler.SampleMany(programs[p], InputsPerProgram, SplitMix64.Derive(23, p)))
            {
                batch.Add(programs[p], sampled.Inputs);
            }
        }

        var (mismatches, steps) = BothBackends.CompareWithOracle(batch, fixture.Host);

        Assert.Equal(100, programs.Count);
        Assert.Equal(100_000, batch.PairCount);
        // Statement-level programs: every one writes new versions of its input registers.
        Assert.All(programs, p => Assert.Contains(p.Steps, s => p.Parameters.Any(q => q.Name == s.Variable)));
        Assert.True(mismatches.Count == 0, string.Join("\n\n", mismatches));
        Assert.True(steps > 1_000_000, $"only {steps} step values compared");
    }
}
