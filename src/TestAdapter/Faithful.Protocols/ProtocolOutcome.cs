using Faithful.Model;
using Faithful.Traces.Results;
using Faithful.Traces.Scoring;

namespace Faithful.Protocols;

/// <summary>
/// One result of a protocol for a case: the label it is stored under, the reply text (assistant turns joined),
/// the verdict, the protocol's evidence, and, for a metamorphic variant, the inputs actually sent.
/// </summary>
public sealed record ProtocolOutcome(string Label, string Reply, TraceVerdict? Verdict, ProtocolEvidence? Evidence, string? Error = null)
{
    /// <summary>The inputs sent when they are not the case's own (a shifted variant); null otherwise.</summary>
    public EquatableArray<Value>? Inputs { get; init; }

    public TokenCounts? Tokens { get; init; }

    public IReadOnlyDictionary<string, string>? Metadata { get; init; }
}
