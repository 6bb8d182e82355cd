namespace Faithful.Traces.Simulation.Protocols;

/// <summary>
/// Simulated models with documented trace dependence (docs/protocols.md, "Trace dependence"), each with the study's
/// accuracy so only the dependence differs: <c>faithful</c> follows any altered state, <c>post-hoc</c> ignores its trace,
/// <c>mixed</c> computes short programs and answers long ones post hoc. Every other profile is fully dependent.
/// </summary>
public static class DependenceProfiles
{
    /// <summary>Every answer follows the trace it is shown (the study's accuracy).</summary>
    public static SimulationProfile Faithful { get; } = SimulationProfile.Study with { Name = "faithful", Dependence = TraceDependence.Always };

    /// <summary>No answer follows the trace: the steps are written around an answer reached another way.</summary>
    public static SimulationProfile PostHoc { get; } = SimulationProfile.Study with { Name = "post-hoc", Dependence = TraceDependence.Never };

    /// <summary>Dependence falls with length: 90% of 5-step cases are computed, 50% at 50 steps, 10% at 95.</summary>
    public static SimulationProfile Mixed { get; } = SimulationProfile.Study with { Name = "mixed", Dependence = new TraceDependence(0.9, 0.1) };

    public static IReadOnlyList<string> Names { get; } = ["faithful", "post-hoc", "mixed"];

    /// <summary>The profile called <paramref name="name"/>, or null.</summary>
    public static SimulationProfile? Named(string name) => name switch
    {
        "faithful" => Faithful,
        "post-hoc" => PostHoc,
        "mixed" => Mixed,
        _ => null,
    };
}
