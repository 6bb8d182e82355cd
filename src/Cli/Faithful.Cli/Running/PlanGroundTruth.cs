using Faithful.Clients.Running;
using Faithful.Execution;
using Faithful.GpuRef.Batches;
using Faithful.GpuRef.Hosting;
using Faithful.Model;

namespace Faithful.Cli.Running;

/// <summary>
/// The ground-truth traces of a whole plan, computed in one batch through <see cref="GpuRefHost"/> (a GPU when there
/// is one, compiled CPU code otherwise). Each distinct (program, inputs) pair is evaluated once, however many samples
/// and models ask for it. Faulting pairs are confirmed against <see cref="ReferenceEvaluator"/> by GpuRef itself.
/// </summary>
internal sealed class PlanGroundTruth
{
    // ILGPU wants one context per device and process: runs in one process (tests) take turns holding a host.
    private static readonly Lock HostGate = new();

    private readonly Dictionary<(string ProgramId, EquatableArray<Value> Inputs), Trace> _traces;

    private PlanGroundTruth(Dictionary<(string, EquatableArray<Value>), Trace> traces, string backend)
    {
        _traces = traces;
        Backend = backend;
    }

    /// <summary>What computed the traces and why it was picked.</summary>
    public string Backend { get; }

    public int PairCount => _traces.Count;

    /// <exception cref="CliException">The requested backend is unknown or not available here.</exception>
    public static PlanGroundTruth Compute(RunPlan plan, GpuRefBackend? backend)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var pairs = plan.Cases
            .Select(c => (c.Program, c.Inputs))
            .DistinctBy(p => (p.Program.Id, p.Inputs))
            .ToList();
        var traces = new Dictionary<(string, EquatableArray<Value>), Trace>(pairs.Count);
        if (pairs.Count == 0)
        {
            return new PlanGroundTruth(traces, "none (the plan has no cases)");
        }

        lock (HostGate)
        {
            using var host = Open(backend);
            var batch = new TraceBatch();
            foreach (var (program, inputs) in pairs)
            {
                batch.Add(program, inputs);
            }

            var result = host.Evaluate(batch);
            for (var pair = 0; pair < pairs.Count; pair++)
            {
                traces[(pairs[pair].Program.Id, pairs[pair].Inputs)] = result.ToTrace(pair);
            }

            return new PlanGroundTruth(traces, host.Description);
        }
    }

    /// <summary>The trace of <paramref name="case"/>, which must belong to the plan.</summary>
    public Trace For(FaithfulCase @case)
    {
        ArgumentNullException.ThrowIfNull(@case);
        return _traces.TryGetValue((@case.Program.Id, @case.Inputs), out var trace)
            ? trace
            : throw new InvalidOperationException($"Case {@case.CaseId} is not in the plan whose ground truth was computed.");
    }

    /// <summary>Runs <paramref name="work"/> with a host of <paramref name="backend"/>, one host at a time in this process.</summary>
    /// <exception cref="CliException">The requested backend is unknown or not available here.</exception>
    internal static T WithHost<T>(GpuRefBackend? backend, Func<GpuRefHost, T> work)
    {
        lock (HostGate)
        {
            using var host = Open(backend);
            return work(host);
        }
    }

    private static GpuRefHost Open(GpuRefBackend? backend)
    {
        try
        {
            return GpuRefHost.Create(new GpuRefOptions { Backend = backend });
        }
        catch (ArgumentException e)
        {
            throw new CliException(e.Message);
        }
        catch (InvalidOperationException e)
        {
            throw new CliException(e.Message + " With faithful run: --backend auto or --backend cpu.");
        }
    }
}
