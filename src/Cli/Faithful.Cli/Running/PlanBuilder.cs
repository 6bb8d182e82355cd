using System.Globalization;
using Faithful.Clients.Running;
using Faithful.Families;
using Faithful.Model;

namespace Faithful.Cli.Running;

/// <summary>Builds run plans: programs (study grid or catalog) × sampled inputs × samples, for every model.</summary>
internal static class PlanBuilder
{
    public static RunPlan FromPrograms(string source, IReadOnlyList<StepProgram> programs, int inputsPerProgram, int samples, ulong seed, IReadOnlyList<string> models)
    {
        if (programs.Count == 0)
        {
            throw new CliException($"{source} holds no programs to run.");
        }

        var cases = new List<FaithfulCase>();
        for (var p = 0; p < programs.Count; p++)
        {
            var program = programs[p];
            IReadOnlyList<SampledCase> sampled;
            try
            {
                sampled = InputSampler.SampleMany(program, inputsPerProgram, SplitMix64.Derive(seed, p));
            }
            catch (Exception e) when (e is InputSamplingException or ArgumentException)
            {
                throw new CliException(e.Message);
            }

            foreach (var inputs in sampled.Select(s => s.Inputs).Distinct())
            {
                for (var s = 0; s < samples; s++)
                {
                    cases.Add(new FaithfulCase(program, inputs, s));
                }
            }
        }

        var description = string.Create(
            CultureInfo.InvariantCulture,
            $"{source}: {programs.Count} programs × {inputsPerProgram} inputs × {samples} samples, seed {seed}; models {string.Join(", ", models)}");
        return new RunPlan(description, cases, models);
    }

    public static IReadOnlyList<StepProgram> GridPrograms(StudyGrid grid)
    {
        try
        {
            return grid.Programs().Select(p => p.Program).ToList();
        }
        catch (ArgumentException e)
        {
            throw new CliException(e.Message);
        }
    }
}
