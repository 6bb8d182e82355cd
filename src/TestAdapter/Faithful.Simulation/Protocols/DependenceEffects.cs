namespace Faithful.Traces.Simulation.Protocols;

/// <summary>
/// The simulated model's documented behaviour under the trace-dependence protocols (docs/protocols.md), as constants
/// and as the figures each implies; tests check that runs reproduce them within their confidence intervals.
/// <list type="bullet">
/// <item>Each case is <em>computed</em> with chance d(L) (<see cref="Dependence"/>; one draw per case, shared by every
/// protocol and position), else answered <em>post hoc</em>.</item>
/// <item>A post-hoc case always gives the answer of its own unaltered reply (the true answer when that reply gave none),
/// whatever it is shown; it still writes continued steps from the state shown, so its trace looks followed.</item>
/// <item><c>corrupt-prefix</c>, computed: continues from the altered state, each step slipping with the step-wise chance
/// h (<see cref="ProtocolEffects.StepSlip"/>); the answer is where its steps lead, and a slip never lands it on the
/// unaltered answer. Dependence rate d(L); the answer follows the altered state exactly with chance d(L)·(1−h)^(L−k).</item>
/// <item><c>truncate</c> at k and <c>filler</c> (k = 0), computed: the steps not written are done in the head, each slipping
/// with chance m (<see cref="MentalStepSlip"/>), so from a right prefix the answer is right with chance (1−m)^(L−k).</item>
/// <item><c>paraphrase</c>: wording carries nothing for the simulated model; continuing its own values in another style it
/// writes the steps it wrote before and the same answer.</item>
/// </list>
/// </summary>
public static class DependenceEffects
{
    /// <summary>Chance that one step a computed case has to do in its head (not written) goes wrong.</summary>
    public const double MentalStepSlip = 0.1;

    /// <summary>d(L): the chance that a case of <paramref name="length"/> steps is computed from its trace.</summary>
    public static double Dependence(SimulationProfile profile, int length)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return (profile.Dependence ?? TraceDependence.Always).At(length);
    }

    /// <summary>m for <paramref name="profile"/>: none for a profile that never slips.</summary>
    public static double MentalSlip(SimulationProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return profile.AlwaysClean ? 0 : MentalStepSlip;
    }

    /// <summary><c>corrupt-prefix</c>: the share of decisive probes that follow the altered state exactly, at <paramref name="shown"/> steps shown.</summary>
    public static double ExpectedFollowRate(SimulationProfile profile, int length, int shown) =>
        Dependence(profile, length) * Math.Pow(1 - ProtocolEffects.StepSlip(profile, length), Math.Max(0, length - shown));

    /// <summary><c>truncate</c> (and <c>filler</c> with <paramref name="shown"/> 0): accuracy of a computed case whose shown steps are right.</summary>
    public static double ExpectedAccuracyFromRightPrefix(SimulationProfile profile, int length, int shown) =>
        Math.Pow(1 - MentalSlip(profile), Math.Max(0, length - shown));
}
