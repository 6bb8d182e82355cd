using Faithful.Traces.Results;

namespace Faithful.Protocols;

/// <summary>The built-in protocols by name, and <c>--protocol single,checkpointed,...</c> lists.</summary>
public static class ProtocolCatalog
{
    /// <summary>Every built-in protocol name, in the order reports list them.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        ProtocolNames.Single,
        ProtocolNames.Checkpointed,
        ProtocolNames.Gradual,
        ProtocolNames.PlanExecute,
        ProtocolNames.ExplainThenExecute,
        ProtocolNames.Metamorphic,
        ProtocolNames.CorruptPrefix,
        ProtocolNames.Truncate,
        ProtocolNames.Filler,
        ProtocolNames.Paraphrase,
    ];

    /// <summary>The protocol called <paramref name="name"/> with <paramref name="settings"/>.</summary>
    /// <exception cref="ArgumentException">No protocol has that name; the message lists them.</exception>
    public static IProtocol Create(string name, ProtocolSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        settings = (settings ?? ProtocolSettings.Default).Validated();
        return name.Trim().ToLowerInvariant() switch
        {
            ProtocolNames.Single => SingleProtocol.Instance,
            ProtocolNames.Checkpointed => new CheckpointedProtocol(settings),
            ProtocolNames.Gradual => new GradualProtocol(settings),
            ProtocolNames.PlanExecute => new PlanExecuteProtocol(),
            ProtocolNames.ExplainThenExecute => new ExplainThenExecuteProtocol(),
            ProtocolNames.Metamorphic => new MetamorphicProtocol(settings),
            ProtocolNames.CorruptPrefix => new CorruptPrefixProtocol(settings),
            ProtocolNames.Truncate => new TruncateProtocol(settings),
            ProtocolNames.Filler => new FillerProtocol(settings),
            ProtocolNames.Paraphrase => new ParaphraseProtocol(settings),
            _ => throw new ArgumentException($"'{name}' is not a protocol; use one or more of {string.Join(", ", Names)} (comma-separated)."),
        };
    }

    /// <summary>Protocols from comma-separated lists (<c>single,checkpointed</c>), each once, in the order given.</summary>
    /// <exception cref="ArgumentException">A name is unknown or the list is empty.</exception>
    public static IReadOnlyList<IProtocol> Parse(IEnumerable<string> lists, ProtocolSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(lists);
        var names = lists
            .SelectMany(list => list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(n => n.ToLowerInvariant())
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (names.Count == 0)
        {
            throw new ArgumentException($"no protocol given; use one or more of {string.Join(", ", Names)}.");
        }

        return names.Select(n => Create(n, settings)).ToList();
    }
}
