using Faithful.Families;
using Faithful.Model;

namespace Faithful.Core.Tests;

public sealed class LookBackTests
{
    // MaxDepth walks each step's expression instead of building its dependency list: it must still be the largest
    // step-to-step distance that list holds, for every shape of program the families make.
    [Fact]
    public void Max_depth_is_the_largest_distance_among_the_steps_dependencies()
    {
        var programs = new List<StepProgram>();
        for (ulong seed = 0; seed < 12; seed++)
        {
            programs.Add(new ChainSpec(60, 1 + (int)(seed % 6), seed % 2 == 0 ? ValueKind.Int64 : ValueKind.Double, OperatorMix.Mixed, seed).Generate());
            programs.Add(new RegisterSpec(2 + (int)(seed % 5), 40, RegisterQuery.OneVariable, RegisterOps.All, seed).Generate());
        }

        foreach (var program in programs)
        {
            var expected = Enumerable.Range(0, program.Steps.Count)
                .SelectMany(i => LookBack.Of(program, i))
                .Where(d => !d.IsInput)
                .Select(d => d.Distance)
                .DefaultIfEmpty(0)
                .Max();

            Assert.Equal(Math.Max(0, expected), LookBack.MaxDepth(program));
        }

        // Register programs read back further than one step, so the comparison is not only over depth 1.
        Assert.Contains(programs, p => LookBack.MaxDepth(p) > 3);
    }
}
