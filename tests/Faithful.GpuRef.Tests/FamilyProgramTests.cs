using Faithful.Families;
using Faithful.GpuRef.Batches;

namespace Faithful.GpuRef.Tests;

/// <summary>The study's own program families (chains, registers, stress programs) through both backends.</summary>
[Collection(IlgpuCpuCollection.Name)]
public sealed class FamilyProgramTests(IlgpuCpuHostFixture fixture)
{
    [Fact]
    public void Study_grid_and_stress_programs_match_the_reference_evaluator_on_both_backends()
    {
        var batch = new TraceBatch();
        var grid = StudyGrid.Default.Programs().Take(150).Concat(StudyGrid.Registers.Programs().Take(150)).Select(g => g.Program).ToList();
        foreach (var program in grid)
        {
            // The family sampler draws fault-free inputs inside the declared domains.
            foreach (var sampled in Families.InputSampler.SampleMany(program, 10, seed: 11))
            {
                batch.Add(program, sampled.Inputs);
            }
        }

        for (var i = 0; i < 300; i++)
        {
            var program = StressPrograms.Generate(steps: 1 + (i % 60), seed: 5, index: i);
            for (var k = 0; k < 10; k++)
            {
                batch.Add(program, StressPrograms.DrawInputs(program, (ulong)((i * 10) + k)));
            }
        }

        var (mismatches, _) = BothBackends.CompareWithOracle(batch, fixture.Host);

        Assert.Equal((grid.Count * 10) + 3000, batch.PairCount);
        Assert.True(grid.Count >= 80, $"only {grid.Count} grid programs");
        Assert.True(mismatches.Count == 0, string.Join("\n\n", mismatches));
    }
}
