using Faithful.Execution;
using Faithful.Model;
using Faithful.Traces.Results;

namespace Faithful.Traces.Simulation.Protocols;

/// <summary>
/// Answers the turns of multi-turn protocols for <see cref="SimulatedChatClient"/>, with the documented effects of
/// <see cref="ProtocolEffects"/>. A turn of a protocol it does not know is answered like a step-wise execution turn
/// (or, when it asks for the whole program at once, like a single prompt).
/// </summary>
public sealed class ProtocolSimulator
{
    private readonly ReplySimulator _single;

    public ProtocolSimulator(SimulationProfile profile, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(profile);
        _single = new ReplySimulator(profile, seed);
    }

    public SimulationProfile Profile => _single.Profile;

    public int Seed => _single.Seed;

    public SimulatedReply Answer(StepProgram program, IReadOnlyList<Value> inputs, int sample, ProtocolTurn turn)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(turn);
        var truth = ReferenceEvaluator.Evaluate(program, inputs);
        if (truth.Fault is not null)
        {
            // The single simulator says there is no answer for a faulting case.
            return _single.Simulate(program, inputs, sample);
        }

        if (turn.Variant is { } variant)
        {
            // A metamorphic variant is a single prompt of its own, drawn jointly with its siblings.
            return VariantReply.Write(_single, program, inputs, sample, variant);
        }

        var family = ProtocolNames.Family(turn.Protocol);
        var draws = new TurnDraws(Seed, Profile.Name, family, program.Id, inputs, sample);
        var length = program.Steps.Count;
        return turn.Task switch
        {
            TurnTask.Plan => PlanReply.Write(truth, draws, ProtocolEffects.PlanSlip(Profile)),
            TurnTask.Explain => RationaleReply.Write(truth, draws, ProtocolEffects.RationaleRight(Profile)),
            _ when DependenceReply.Handles(family) => DependenceReply.Write(_single, truth, sample, turn),
            _ when family == ProtocolNames.ExplainThenExecute => ExecuteAfterExplaining(program, inputs, sample),
            _ when family == ProtocolNames.Gradual => ExecutionTurnReply.Write(truth, turn, draws, ProtocolEffects.GradualStepSlip(Profile, length)),
            _ when family == ProtocolNames.Checkpointed => ExecutionTurnReply.Write(truth, turn, draws, ProtocolEffects.StepSlip(Profile, length)),
            _ when turn.FromStep <= 0 && turn.ToStep >= length && turn.AsksAnswer => _single.Simulate(program, inputs, sample),
            _ => ExecutionTurnReply.Write(truth, turn, draws, ProtocolEffects.StepSlip(Profile, length)),
        };
    }

    // Explaining first changes nothing about executing: an independent draw from the same profile (another seed).
    private SimulatedReply ExecuteAfterExplaining(StepProgram program, IReadOnlyList<Value> inputs, int sample) =>
        new ReplySimulator(Profile, unchecked(Seed ^ 0x5eed_e7e)).Simulate(program, inputs, sample);
}
