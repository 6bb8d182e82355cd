using Faithful.Clients.Running;
using Faithful.Execution;
using Faithful.Model;

namespace Faithful.Protocols;

/// <summary>
/// One counterfactual a protocol asks for: <see cref="Program"/> on <see cref="Inputs"/>, run from its true state
/// before step <see cref="AtStep"/> with <see cref="Overrides"/> written into it. Equal queries (same program id,
/// inputs, step and overrides) have equal <see cref="Key"/>s, so answers computed ahead can be looked up.
/// </summary>
public sealed record CounterfactualQuery(StepProgram Program, EquatableArray<Value> Inputs, int AtStep, EquatableArray<SlotOverride> Overrides)
{
    public (string ProgramId, EquatableArray<Value> Inputs, int AtStep, EquatableArray<SlotOverride> Overrides) Key => (Program.Id, Inputs, AtStep, Overrides);
}

/// <summary>
/// A protocol whose conversations show an altered state and need its ground truth. It says ahead which counterfactuals a
/// case may need, so a host can evaluate those of a whole plan in one batch (see <see cref="ProtocolRunner"/>); whatever
/// it asks at run time (<see cref="ProtocolContext.Counterfactual"/>) and was not computed ahead is evaluated on the CPU.
/// </summary>
public interface ICounterfactualProtocol : IProtocol
{
    /// <summary>Every counterfactual <see cref="IProtocol.RunAsync"/> may ask for <paramref name="case"/>, whose ground truth is <paramref name="truth"/>.</summary>
    IEnumerable<CounterfactualQuery> Counterfactuals(FaithfulCase @case, Trace truth);
}
