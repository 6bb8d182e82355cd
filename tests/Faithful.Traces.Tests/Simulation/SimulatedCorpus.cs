using Faithful.Families;
using Faithful.Model;
using Faithful.Traces.Scoring;
using Faithful.Traces.Simulation;

namespace Faithful.Traces.Tests.Simulation;

/// <summary>One labelled simulated case.</summary>
internal sealed record LabelledCase(StepProgram Program, EquatableArray<Value> Inputs, SimulatedReply Reply);

/// <summary>
/// Programs generated once per test run (chains over the study grid and register programs), with sampled inputs,
/// shared by the simulation tests so that generation is paid once.
/// </summary>
internal static class SimulatedCorpus
{
    private static readonly Lazy<IReadOnlyList<(StepProgram Program, IReadOnlyList<EquatableArray<Value>> Inputs)>> Cases = new(Build);

    public static IReadOnlyList<(StepProgram Program, IReadOnlyList<EquatableArray<Value>> Inputs)> Programs => Cases.Value;

    public static readonly FailureMode[] AllModes = Enum.GetValues<FailureMode>();

    /// <summary>
    /// At least <paramref name="count"/> labelled replies, every mode injected equally often, styles drawn per reply from
    /// the classic and the real styles (<see cref="SimulationProfile.Real"/>).
    /// </summary>
    public static IReadOnlyList<LabelledCase> Labelled(int count, int seed)
    {
        var simulator = new ReplySimulator(SimulationProfile.Real, seed);
        var programs = Programs;
        var perProgram = (count + programs.Count - 1) / programs.Count;
        var result = new LabelledCase[programs.Count * perProgram];
        Parallel.For(0, programs.Count, p =>
        {
            var (program, inputs) = programs[p];
            for (var i = 0; i < perProgram; i++)
            {
                var mode = AllModes[(p + i) % AllModes.Length];
                var caseInputs = inputs[i % inputs.Count];
                result[p * perProgram + i] = new LabelledCase(program, caseInputs, simulator.Simulate(program, caseInputs, i, mode, style: null));
            }
        });
        return result;
    }

    private static IReadOnlyList<(StepProgram, IReadOnlyList<EquatableArray<Value>>)> Build()
    {
        var chains = StudyGrid.Default.Programs().Select(g => g.Program);
        var registers = StudyGrid.Registers.Programs().Select(g => g.Program);
        var generated = chains.Concat(registers)
            .AsParallel()
            .AsOrdered()
            .Select(program => (program, (IReadOnlyList<EquatableArray<Value>>)InputSampler.SampleMany(program, 4, 7).Select(c => c.Inputs).ToList()))
            .ToList();

        // Loop programs like the real corpus's: given declarations, nested or sequential loops, a sum as the answer.
        IReadOnlyList<EquatableArray<Value>> none = [EquatableArray<Value>.Empty];
        for (var seed = 0; seed < 48; seed++)
        {
            generated.Add((LoopPrograms.Generate(seed, 1 + (seed % 3), 2 + (seed % 2), nested: seed % 4 != 3), none));
        }

        return generated;
    }
}
