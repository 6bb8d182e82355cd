using Faithful.Traces.Results;

namespace Faithful.Traces.Simulation.Protocols;

/// <summary>
/// The simulated model's documented behaviour under each protocol (docs/protocols.md), as constants and as the
/// first-answer accuracy each implies at a program length. Everything is anchored on <see cref="SingleAccuracy"/>,
/// the accuracy the profile gives one prompt and one reply; tests check that runs reproduce these figures within
/// their confidence intervals.
/// </summary>
public static class ProtocolEffects
{
    /// <summary><c>gradual</c>: a case comes out right this share as often as under <c>single</c> (the literature's ~39% average loss from multi-turn reveal).</summary>
    public const double GradualRetention = 0.61;

    /// <summary><c>plan-execute</c>: chance that one planned statement reads a wrong earlier value (the procedure is known; carrying it out is the tool's).</summary>
    public const double PlanStatementSlip = 0.002;

    /// <summary><c>explain-then-execute</c>: share of cases whose rationale names every step's reads correctly (the literature's 87% correct rationales).</summary>
    public const double RationaleCorrect = 0.87;

    /// <summary>
    /// <c>metamorphic</c>: how much a variant lowers the clean chance, on the logit scale. Renaming and a new naming scheme
    /// are surface novelty; reordering independent steps and shifting constants and inputs keep the structure and cost nothing.
    /// </summary>
    public static double NoveltyPenalty(string variant) => variant switch
    {
        "renamed" => 0.4,
        "scheme" => 0.8,
        _ => 0,
    };

    /// <summary>First-answer accuracy of one prompt, one reply: the clean chance plus the failures that still answer right.</summary>
    public static double SingleAccuracy(SimulationProfile profile, int length)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var clean = profile.CleanProbability(length);
        return clean + (1 - clean) * profile.RightFirstAnswerShareOfFailures();
    }

    /// <summary>
    /// Chance of a slip per executed step in the step-wise protocols (<c>checkpointed</c>): set so that a whole
    /// program of <paramref name="length"/> steps comes out clean as often as <see cref="SingleAccuracy"/> says.
    /// </summary>
    public static double StepSlip(SimulationProfile profile, int length) =>
        SlipFor(profile, length, SingleAccuracy(profile, length));

    /// <summary>Chance of a slip per step under <c>gradual</c>: a whole program clean <see cref="GradualRetention"/> times as often.</summary>
    public static double GradualStepSlip(SimulationProfile profile, int length) =>
        SlipFor(profile, length, GradualRetention * SingleAccuracy(profile, length));

    /// <summary>Chance of a wrong read per planned statement.</summary>
    public static double PlanSlip(SimulationProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return profile.AlwaysClean ? 0 : PlanStatementSlip;
    }

    /// <summary>Chance that a case's rationale is wholly right.</summary>
    public static double RationaleRight(SimulationProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return profile.AlwaysClean ? 1 : RationaleCorrect;
    }

    /// <summary>The clean chance of a metamorphic variant: the single clean chance lowered by the variant's novelty penalty.</summary>
    public static double VariantClean(SimulationProfile profile, int length, string variant)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var clean = profile.CleanProbability(length);
        if (profile.AlwaysClean || profile.NeverClean)
        {
            return clean;
        }

        return Logistic(Logit(clean) - NoveltyPenalty(variant));
    }

    /// <summary>Steps in the last checkpoint interval: the only one whose slips reach the answer when every check corrects.</summary>
    public static int LastInterval(int length, int every)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(every);
        return length <= 0 ? 0 : length - every * ((length - 1) / every);
    }

    /// <summary>
    /// The first-answer accuracy the simulated model is built to show under <paramref name="protocol"/> at
    /// <paramref name="length"/> steps (<c>metamorphic/&lt;variant&gt;</c> for a variant); null for an unknown protocol.
    /// </summary>
    public static double? ExpectedFirstAnswerAccuracy(string protocol, SimulationProfile profile, int length, int every = 5, bool stopOnError = false)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        ArgumentNullException.ThrowIfNull(profile);
        var family = ProtocolNames.Family(protocol);
        switch (family)
        {
            case ProtocolNames.Single:
            case ProtocolNames.ExplainThenExecute:
                return SingleAccuracy(profile, length);
            case ProtocolNames.Checkpointed:
                var clean = 1 - StepSlip(profile, length);
                return Math.Pow(clean, stopOnError ? length : LastInterval(length, every));
            case ProtocolNames.Gradual:
                return Math.Pow(1 - GradualStepSlip(profile, length), length);
            case ProtocolNames.PlanExecute:
                return Math.Pow(1 - PlanSlip(profile), length);
            case ProtocolNames.Metamorphic:
                var variant = protocol.Length > family.Length ? protocol[(family.Length + 1)..] : "original";
                var variantClean = VariantClean(profile, length, variant);
                return variantClean + (1 - variantClean) * profile.RightFirstAnswerShareOfFailures();
            default:
                return null;
        }
    }

    private static double SlipFor(SimulationProfile profile, int length, double wholeProgramClean)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (profile.AlwaysClean || length <= 0)
        {
            return 0;
        }

        return 1 - Math.Pow(Math.Clamp(wholeProgramClean, 1e-9, 1), 1.0 / length);
    }

    private static double Logit(double p)
    {
        var q = Math.Clamp(p, 1e-9, 1 - 1e-9);
        return Math.Log(q / (1 - q));
    }

    private static double Logistic(double x) => 1 / (1 + Math.Exp(-x));
}
