using Faithful.Traces.Scoring;

namespace Faithful.Evaluation;

/// <summary>Where <see cref="FaithfulnessEvaluator"/> draws the pass line, and how replies are judged.</summary>
public sealed record FaithfulnessEvaluatorOptions
{
    public static FaithfulnessEvaluatorOptions Default { get; } = new();

    /// <summary>Step faithfulness (share of steps claimed with the right value) below this fails the metric.</summary>
    public double MinStepFaithfulness { get; init; } = 1.0;

    /// <summary>Step completeness (share of steps the reply gives a value for) below this fails the metric.</summary>
    public double MinStepCompleteness { get; init; } = 1.0;

    /// <summary>How a reply is judged, e.g. <see cref="ScoringOptions.RequireTrace"/> false for an answer-only prompt.</summary>
    public ScoringOptions Scoring { get; init; } = ScoringOptions.Default;
}
