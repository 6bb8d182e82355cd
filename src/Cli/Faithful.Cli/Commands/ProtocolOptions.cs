using System.CommandLine;
using Faithful.Protocols;

namespace Faithful.Cli.Commands;

/// <summary>
/// <c>faithful run</c>'s protocol options: <c>--protocol single,checkpointed,...</c> and the settings of those that take
/// any (<c>--every</c>, <c>--reveal</c>, <c>--on-error</c>, <c>--variants</c>, <c>--at</c>, <c>--prefix-as</c>). See docs/protocols.md.
/// </summary>
internal sealed class ProtocolOptions
{
    private readonly Option<string[]> _protocols = new("--protocol")
    {
        Description = $"How each case is put to the model, comma-separated or repeated: {string.Join(", ", ProtocolCatalog.Names)} (default single). Several protocols run on the same cases and the report compares them pairwise.",
    };

    private readonly Option<int> _every = new("--every") { Description = "checkpointed: steps executed between checks against ground truth.", DefaultValueFactory = _ => ProtocolSettings.Default.Every };

    private readonly Option<int> _reveal = new("--reveal") { Description = "gradual: steps revealed per turn.", DefaultValueFactory = _ => ProtocolSettings.Default.Reveal };

    private readonly Option<string> _onError = new("--on-error") { Description = "checkpointed: after a failed check, continue from the true values (continue) or end the case (stop).", DefaultValueFactory = _ => "continue" };

    private readonly Option<string[]> _variants = new("--variants") { Description = $"metamorphic: the variants to ask, comma-separated: {string.Join(", ", Protocols.Metamorphic.ProgramVariants.All)} (default all)." };

    private readonly Option<string[]> _at = new("--at")
    {
        Description = "corrupt-prefix, truncate, paraphrase: where the trace is cut, comma-separated: steps shown (3) or a share of the program (50%). Default: 25%,50%,75% for corrupt-prefix; 0%,25%,50%,75%,100% for truncate; 50% for paraphrase.",
    };

    private readonly Option<string> _prefixAs = new("--prefix-as")
    {
        Description = "corrupt-prefix, truncate, filler, paraphrase: shown steps as prior assistant work the model continues (assistant), quoted in the user turn (user), or by provider (auto: assistant for anthropic, ollama and sim, user otherwise).",
        DefaultValueFactory = _ => "auto",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(_protocols);
        command.Options.Add(_every);
        command.Options.Add(_reveal);
        command.Options.Add(_onError);
        command.Options.Add(_variants);
        command.Options.Add(_at);
        command.Options.Add(_prefixAs);
    }

    /// <exception cref="CliException">An unknown protocol, variant or <c>--on-error</c> value, or a count below 1.</exception>
    public IReadOnlyList<IProtocol> Read(ParseResult parse)
    {
        var names = parse.GetValue(_protocols) is { Length: > 0 } given ? given : [ProtocolCatalog.Names[0]];
        var onError = parse.GetValue(_onError) switch
        {
            "continue" => CheckpointFailure.Continue,
            "stop" => CheckpointFailure.Stop,
            var other => throw new CliException($"--on-error '{other}' is not continue or stop."),
        };
        var variants = parse.GetValue(_variants) is { Length: > 0 } listed
            ? listed.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct(StringComparer.Ordinal).ToList()
            : Protocols.Metamorphic.ProgramVariants.All;
        try
        {
            var settings = new ProtocolSettings
            {
                Every = parse.GetValue(_every),
                Reveal = parse.GetValue(_reveal),
                OnError = onError,
                Variants = variants,
                At = parse.GetValue(_at) is { Length: > 0 } at ? PrefixPosition.ParseList(at) : null,
                PrefixAs = PrefixPlacements.Parse(parse.GetValue(_prefixAs)!),
            };
            return ProtocolCatalog.Parse(names, settings);
        }
        catch (ArgumentException e)
        {
            throw new CliException(e.Message.StartsWith("--", StringComparison.Ordinal) ? e.Message : "--protocol: " + e.Message);
        }
    }
}
