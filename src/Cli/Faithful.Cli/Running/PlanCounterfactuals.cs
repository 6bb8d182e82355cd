using Faithful.Execution;
using Faithful.GpuRef.Batches;
using Faithful.GpuRef.Hosting;
using Faithful.Model;
using Faithful.Protocols;

namespace Faithful.Cli.Running;

/// <summary>
/// The counterfactual ground truth a plan's protocols may ask for (every <see cref="ICounterfactualProtocol"/>'s queries
/// for every case: for <c>corrupt-prefix</c>, each position's candidate alterations), computed in one GpuRef batch
/// before the first request. A query the table lacks is evaluated on the CPU by the protocol's context.
/// </summary>
internal sealed class PlanCounterfactuals
{
    private readonly Dictionary<(string, EquatableArray<Value>, int, EquatableArray<SlotOverride>), CounterfactualTrace> _worlds;

    private PlanCounterfactuals(Dictionary<(string, EquatableArray<Value>, int, EquatableArray<SlotOverride>), CounterfactualTrace> worlds, string backend)
    {
        _worlds = worlds;
        Backend = backend;
    }

    public string Backend { get; }

    public int PairCount => _worlds.Count;

    /// <summary>The plan's counterfactuals; none (and no host opened) when no protocol asks for any.</summary>
    public static PlanCounterfactuals Compute(RunPlan plan, PlanGroundTruth truth, GpuRefBackend? backend)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(truth);
        var queries = plan.Protocols.OfType<ICounterfactualProtocol>()
            .SelectMany(protocol => plan.Cases
                .DistinctBy(c => (c.Program.Id, c.Inputs))
                .SelectMany(c => protocol.Counterfactuals(c, truth.For(c))))
            .DistinctBy(q => q.Key)
            .ToList();
        var worlds = new Dictionary<(string, EquatableArray<Value>, int, EquatableArray<SlotOverride>), CounterfactualTrace>(queries.Count);
        if (queries.Count == 0)
        {
            return new PlanCounterfactuals(worlds, "none (no protocol of the plan alters a state)");
        }

        return PlanGroundTruth.WithHost(backend, host =>
        {
            var batch = new TraceBatch(OutOfDomainPolicy.Fault);
            foreach (var query in queries)
            {
                batch.AddCounterfactual(query.Program, query.Inputs, query.AtStep, query.Overrides);
            }

            var result = host.Evaluate(batch);
            for (var pair = 0; pair < queries.Count; pair++)
            {
                worlds[queries[pair].Key] = result.ToCounterfactual(pair);
            }

            return new PlanCounterfactuals(worlds, host.Description);
        });
    }

    /// <summary>The counterfactual computed for <paramref name="query"/>, or null when the plan did not ask for it ahead.</summary>
    public CounterfactualTrace? For(CounterfactualQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return _worlds.GetValueOrDefault(query.Key);
    }
}
