namespace Faithful.Traces.Results;

/// <summary>
/// What a protocol did with one case, kept in the run file beside the verdict: the conversation, and one section
/// for the protocol that ran (checkpoints, gradual reveal, plan, rationale, metamorphic variant, trace dependence). Sections of other
/// protocols stay null, so a reader takes what it knows and old readers ignore the rest.
/// </summary>
/// <param name="Turns">The conversation as sent and received, in order (each text bounded).</param>
public sealed record ProtocolEvidence(IReadOnlyList<ConversationTurn> Turns)
{
    public CheckpointEvidence? Checkpoints { get; init; }

    public GradualEvidence? Gradual { get; init; }

    public PlanEvidence? Plan { get; init; }

    public RationaleEvidence? Rationale { get; init; }

    public VariantEvidence? Variant { get; init; }

    /// <summary>The trace-dependence protocols (<c>corrupt-prefix</c>, <c>truncate</c>, <c>filler</c>, <c>paraphrase</c>).</summary>
    public DependenceEvidence? Dependence { get; init; }
}

/// <summary>One message of a protocol's conversation: <c>system</c>, <c>user</c> or <c>assistant</c>.</summary>
public sealed record ConversationTurn(string Role, string Text);
