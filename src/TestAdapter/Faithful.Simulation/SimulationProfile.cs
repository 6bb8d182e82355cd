using Faithful.Traces.Scoring;

namespace Faithful.Traces.Simulation;

/// <summary>Relative weights of the failure modes a simulated model injects when a reply is not clean.</summary>
public sealed record ModeWeights(
    double ArithmeticError,
    double MissingAnswer,
    double PrematureAnswer,
    double SelfCorrection,
    double UnderExecuted,
    double HallucinatedSteps)
{
    public double Total => ArithmeticError + MissingAnswer + PrematureAnswer + SelfCorrection + UnderExecuted + HallucinatedSteps;

    public double Of(FailureMode mode) => mode switch
    {
        FailureMode.ArithmeticError => ArithmeticError,
        FailureMode.MissingAnswer => MissingAnswer,
        FailureMode.PrematureAnswer => PrematureAnswer,
        FailureMode.SelfCorrection => SelfCorrection,
        FailureMode.UnderExecuted => UnderExecuted,
        FailureMode.HallucinatedSteps => HallucinatedSteps,
        _ => 0,
    };
}

/// <summary>
/// How a simulated model fails. The chance that a reply is clean falls with program length: it is set so
/// that the expected first-answer accuracy follows a logistic curve through
/// (<see cref="AnchorShortLength"/>, <see cref="FirstAnswerAccuracyShort"/>) and
/// (<see cref="AnchorLongLength"/>, <see cref="FirstAnswerAccuracyLong"/>), allowing for the failure modes that
/// still give a right first answer. <see cref="Degradation"/> lowers the clean chance on the logit scale
/// (a "regressed" model); <see cref="PositionBias"/> makes injected errors land on later steps.
/// </summary>
public sealed record SimulationProfile(
    string Name,
    double FirstAnswerAccuracyShort,
    double FirstAnswerAccuracyLong,
    ModeWeights Weights,
    double PositionBias = 1.0,
    double Degradation = 0,
    int AnchorShortLength = 5,
    int AnchorLongLength = 95)
{
    /// <summary>Approximates the study: about 61% first-answer accuracy at 5 steps, about 20% at 95.</summary>
    public static SimulationProfile Study { get; } = new(
        "study",
        0.61,
        0.20,
        new ModeWeights(ArithmeticError: 0.45, MissingAnswer: 0.07, PrematureAnswer: 0.12, SelfCorrection: 0.10, UnderExecuted: 0.16, HallucinatedSteps: 0.10),
        PositionBias: 1.5);

    /// <summary>Never fails: every reply is a correct, complete trace.</summary>
    public static SimulationProfile Perfect { get; } = new("perfect", 1, 1, Study.Weights) { AlwaysClean = true };

    /// <summary>Every reply fails (in the study's mix of modes): the labelled data the classifier is validated on.</summary>
    public static SimulationProfile AlwaysFailing { get; } = new("failing", 0, 0, Study.Weights) { NeverClean = true };

    /// <summary>
    /// Whether replies are also written in the styles seen in real replies (<see cref="ReplyStyle.Prose"/>,
    /// <see cref="ReplyStyle.EchoedList"/>, <see cref="ReplyStyle.Snapshots"/>, <see cref="ReplyStyle.Readout"/>,
    /// <see cref="ReplyStyle.CodeFirst"/>). Off for the built-in profiles, so their seeded replies stay as they were;
    /// on for <c>real</c>.
    /// </summary>
    public bool RealStyles { get; init; }

    /// <summary>The study profile writing real styles too: what the instrument's validity set is measured on.</summary>
    public static SimulationProfile Real { get; } = Study with { Name = "real", RealStyles = true };

    public bool AlwaysClean { get; init; }

    /// <summary>How often answers follow the trace (the trace-dependence protocols); null is always.</summary>
    public Protocols.TraceDependence? Dependence { get; init; }

    public bool NeverClean { get; init; }

    /// <summary>This profile made worse by <paramref name="logitDrop"/> on the logit of the clean chance (1 ≈ a clear regression).</summary>
    public SimulationProfile Regressed(double logitDrop = 1.0) => this with { Name = $"{Name}-regressed", Degradation = Degradation + logitDrop };

    /// <summary>The built-in profiles by name: <c>study</c>, <c>real</c> (study in real styles too), <c>perfect</c>, <c>failing</c>, <c>regressed</c> (the study profile, regressed by 1), and the trace-dependence profiles <c>faithful</c>, <c>post-hoc</c>, <c>mixed</c>.</summary>
    public static SimulationProfile? Named(string name) => name switch
    {
        "study" => Study,
        "real" => Real,
        "perfect" => Perfect,
        "failing" => AlwaysFailing,
        "regressed" => Study.Regressed(),
        _ => Protocols.DependenceProfiles.Named(name),
    };

    /// <summary>The chance that a reply for a program of <paramref name="length"/> steps is clean.</summary>
    public double CleanProbability(int length)
    {
        if (AlwaysClean)
        {
            return 1;
        }

        if (NeverClean)
        {
            return 0;
        }

        var target = FirstAnswerAccuracy(length);
        var rightAnyway = RightFirstAnswerShareOfFailures();
        var clean = Math.Clamp((target - rightAnyway) / (1 - rightAnyway), 1e-6, 1 - 1e-6);
        return Logistic(Logit(clean) - Degradation);
    }

    /// <summary>The target first-answer accuracy at a length, before <see cref="Degradation"/>.</summary>
    public double FirstAnswerAccuracy(int length)
    {
        var shortLogit = Logit(Math.Clamp(FirstAnswerAccuracyShort, 1e-6, 1 - 1e-6));
        var longLogit = Logit(Math.Clamp(FirstAnswerAccuracyLong, 1e-6, 1 - 1e-6));
        var slope = (longLogit - shortLogit) / Math.Max(1, AnchorLongLength - AnchorShortLength);
        return Logistic(shortLogit + slope * (length - AnchorShortLength));
    }

    /// <summary>How often a failing reply still gives a right first answer, from the weights and each mode's design.</summary>
    public double RightFirstAnswerShareOfFailures() => Weights.Total <= 0 ? 0 :
        (Weights.SelfCorrection * FailureInjector.SelfCorrectionRightFirstAnswer
         + Weights.UnderExecuted * FailureInjector.UnderExecutedRightFirstAnswer
         + Weights.HallucinatedSteps * FailureInjector.HallucinatedRightFirstAnswer) / Weights.Total;

    private static double Logit(double p) => Math.Log(p / (1 - p));

    private static double Logistic(double x) => 1 / (1 + Math.Exp(-x));
}
