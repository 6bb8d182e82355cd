namespace Faithful.Traces.Scoring;

/// <summary>How a reply is judged.</summary>
public sealed record ScoringOptions
{
    public static ScoringOptions Default { get; } = new();

    /// <summary>
    /// When false (the final-answer-only control prompt), only the answer is judged: the process modes
    /// (premature, under-executed, hallucinated, self-correction) are not assigned to a reply that shows no steps.
    /// </summary>
    public bool RequireTrace { get; init; } = true;

    /// <summary>Claim names that are not steps but are not hallucinated either (a model's own "result = ...").</summary>
    public IReadOnlySet<string> NeutralNames { get; init; } =
        new HashSet<string>(["result", "answer", "final", "return", "ans", "output"], StringComparer.OrdinalIgnoreCase);
}
