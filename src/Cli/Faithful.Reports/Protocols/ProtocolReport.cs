namespace Faithful.Reports.Protocols;

/// <summary>
/// The protocol comparison of a run with more than one protocol: every protocol against the reference (<c>single</c>
/// when the run has it) paired on shared cases, and each protocol's own figures. In the JSON report under
/// <c>protocols</c>; absent when the run has one protocol.
/// </summary>
public sealed record ProtocolReport(
    string Reference,
    IReadOnlyList<ProtocolPair> Pairs,
    IReadOnlyList<CheckpointSummary> Checkpointed,
    IReadOnlyList<GradualSummary> Gradual,
    IReadOnlyList<PlanSummary> PlanExecute,
    IReadOnlyList<RationaleSummary> ExplainThenExecute,
    IReadOnlyList<MetamorphicSummary> Metamorphic);
