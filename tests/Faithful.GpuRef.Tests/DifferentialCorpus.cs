using Faithful.Execution;
using Faithful.GpuRef.Batches;
using Faithful.GpuRef.Tests.Support;
using Faithful.GpuRef.Verification;
using Faithful.Model;

namespace Faithful.GpuRef.Tests;

/// <summary>
/// 10^5 random (program, input) pairs, statement-level register programs included, with the reference
/// evaluator's traces: built once and shared by the differential tests of every backend.
/// </summary>
public static class DifferentialCorpus
{
    public const int Programs = 1000;
    public const int InputsPerProgram = 100;

    private static readonly Lazy<(TraceBatch Batch, Trace[] Oracle)> Corpus = new(Build);

    public static TraceBatch Batch => Corpus.Value.Batch;

    public static Trace[] Oracle => Corpus.Value.Oracle;

    private static (TraceBatch, Trace[]) Build()
    {
        var random = new Random(20261124);
        var generator = new RandomPrograms(random);
        var batch = new TraceBatch();
        for (var p = 0; p < Programs; p++)
        {
            var program = generator.Next(maxSteps: 40);
            for (var i = 0; i < InputsPerProgram; i++)
            {
                batch.Add(program, generator.Inputs(program));
            }
        }

        var oracle = new Trace[batch.PairCount];
        Parallel.For(0, batch.PairCount, pair => oracle[pair] = ReferenceEvaluator.Evaluate(batch.ProgramOf(pair), batch.InputsOf(pair)));
        return (batch, oracle);
    }

    /// <summary>Every pair's difference from the oracle (at most a few, to keep failures readable).</summary>
    public static List<string> Mismatches(TraceBatchResult result)
    {
        var mismatches = new List<string>();
        for (var pair = 0; pair < result.PairCount && mismatches.Count < 5; pair++)
        {
            if (DifferentialCheck.Compare(result, pair, Oracle[pair]) is { } difference)
            {
                mismatches.Add(difference);
            }
        }

        return mismatches;
    }

    /// <summary>What the corpus exercises, so a test can show it is not trivially green.</summary>
    public static Dictionary<string, int> Coverage()
    {
        var coverage = new Dictionary<string, int>();
        void Count(string key) => coverage[key] = coverage.GetValueOrDefault(key) + 1;
        foreach (var trace in Oracle)
        {
            Count(trace.Fault is null ? "complete" : trace.Fault.Kind.ToString());
            if (trace.Fault is { StepIndex: var step } && step == trace.Program.Steps.Count)
            {
                Count("answer fault");
            }
        }

        foreach (var program in Batch.Programs.Select(p => p.Source))
        {
            Count(program.Steps.Any(s => s.Version > 1) ? "register program" : "expression program");
            if (program.Steps.Any(s => s.Kind == ValueKind.Double))
            {
                Count("program with double steps");
            }
        }

        return coverage;
    }
}
