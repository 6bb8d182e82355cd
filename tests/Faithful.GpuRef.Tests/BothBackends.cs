using Faithful.Execution;
using Faithful.GpuRef.Batches;
using Faithful.GpuRef.Hosting;
using Faithful.GpuRef.Verification;

namespace Faithful.GpuRef.Tests;

/// <summary>Runs one batch on the compiled CPU backend and the ILGPU kernel and compares both with the oracle.</summary>
internal static class BothBackends
{
    private const int MismatchesKept = 5;

    /// <summary>The first few mismatches (backend and difference) and how many oracle step values were compared.</summary>
    public static (List<string> Mismatches, long StepsCompared) CompareWithOracle(TraceBatch batch, GpuRefHost ilgpuHost)
    {
        using var cpu = GpuRefHost.Create(new GpuRefOptions { Backend = GpuRefBackend.Cpu });
        var results = new[] { cpu.Evaluate(batch), ilgpuHost.Evaluate(batch) };
        var mismatches = new List<string>();
        var steps = 0L;
        for (var pair = 0; pair < batch.PairCount; pair++)
        {
            var oracle = ReferenceEvaluator.Evaluate(batch.ProgramOf(pair), batch.InputsOf(pair));
            steps += oracle.StepValues.Count;
            foreach (var result in results)
            {
                if (mismatches.Count < MismatchesKept && DifferentialCheck.Compare(result, pair, oracle) is { } difference)
                {
                    mismatches.Add($"{result.Backend}: {difference}");
                }
            }
        }

        return (mismatches, steps);
    }
}
