using Faithful.Model;
using Faithful.Traces.Scoring;

namespace Faithful.Traces.Simulation.Protocols;

/// <summary>
/// The reply to a <c>metamorphic</c> variant. Whether it is clean is decided by one draw shared by every variant of
/// the base case (so failures follow the program's structure: the variants of a case the model gets wrong tend to be
/// wrong together), against the variant's own clean chance (<see cref="ProtocolEffects.VariantClean"/>: renaming and
/// a new naming scheme cost clean chance, the surface novelty). A failing reply gets a failure mode drawn from the
/// profile's weights; the reply itself is the ordinary simulated reply for the variant program.
/// </summary>
internal static class VariantReply
{
    private static readonly FailureMode[] Modes =
    [
        FailureMode.ArithmeticError,
        FailureMode.MissingAnswer,
        FailureMode.PrematureAnswer,
        FailureMode.SelfCorrection,
        FailureMode.UnderExecuted,
        FailureMode.HallucinatedSteps,
    ];

    public static SimulatedReply Write(ReplySimulator simulator, StepProgram program, IReadOnlyList<Value> inputs, int sample, VariantOf variant)
    {
        var profile = simulator.Profile;
        var shared = new TurnDraws(simulator.Seed, profile.Name, "metamorphic", variant.BaseProgramId, variant.BaseInputs, sample);
        var clean = shared.Uniform("clean") < ProtocolEffects.VariantClean(profile, program.Steps.Count, variant.Variant);
        var mode = clean ? FailureMode.Correct : DrawMode(profile, new TurnDraws(simulator.Seed, profile.Name, "metamorphic/" + variant.Variant, program.Id, inputs, sample));
        return simulator.Simulate(program, inputs, sample, mode, style: null);
    }

    private static FailureMode DrawMode(SimulationProfile profile, TurnDraws draws)
    {
        var total = profile.Weights.Total;
        if (total <= 0)
        {
            return FailureMode.ArithmeticError;
        }

        var pick = draws.Uniform("mode") * total;
        foreach (var mode in Modes)
        {
            pick -= profile.Weights.Of(mode);
            if (pick < 0)
            {
                return mode;
            }
        }

        return FailureMode.ArithmeticError;
    }
}
