namespace Faithful.Traces.Results;

/// <summary>
/// How results name the protocol that produced them. <see cref="CaseResult.Protocol"/> is null for the one-prompt,
/// one-reply protocol (<see cref="Single"/>), so run files written before protocols existed read as <c>single</c>.
/// A protocol that yields several results per case qualifies its name (<c>metamorphic/renamed</c>).
/// </summary>
public static class ProtocolNames
{
    public const string Single = "single";

    public const string Checkpointed = "checkpointed";

    public const string Gradual = "gradual";

    public const string PlanExecute = "plan-execute";

    public const string ExplainThenExecute = "explain-then-execute";

    public const string Metamorphic = "metamorphic";

    public const string CorruptPrefix = "corrupt-prefix";

    public const string Truncate = "truncate";

    public const string Filler = "filler";

    public const string Paraphrase = "paraphrase";

    /// <summary>The protocol of a result: its <see cref="CaseResult.Protocol"/>, or <c>single</c>.</summary>
    public static string Of(CaseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return Of(result.Protocol);
    }

    public static string Of(string? protocol) => string.IsNullOrEmpty(protocol) ? Single : protocol;

    /// <summary>What a result stores: null for <c>single</c>, else the name.</summary>
    public static string? Stored(string protocol) => protocol == Single ? null : protocol;

    /// <summary>The protocol family without a qualifier: <c>metamorphic</c> for <c>metamorphic/renamed</c>.</summary>
    public static string Family(string protocol)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        var slash = protocol.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? protocol : protocol[..slash];
    }

    /// <summary>
    /// The name a report series goes by: the model alone when the run has no other protocol than <c>single</c>,
    /// else <c>model [protocol]</c>.
    /// </summary>
    public static string SeriesLabel(CaseResult result, bool runHasProtocols)
    {
        ArgumentNullException.ThrowIfNull(result);
        return runHasProtocols ? $"{result.Model} [{Of(result)}]" : result.Model;
    }
}
