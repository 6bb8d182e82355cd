using System.Globalization;
using Faithful.Clients.Running;
using Faithful.Protocols.Dependence;
using Faithful.Traces.Results;
using Faithful.Traces.Simulation.Protocols;

namespace Faithful.Protocols;

/// <summary>
/// What the trace-dependence protocols share (Lanham et al. 2023, "Measuring Faithfulness in Chain-of-Thought
/// Reasoning"): each first asks the case as <c>single</c> does, for the model's own reply; then, at each position
/// (<see cref="ProtocolSettings.At"/>), one more conversation shows the model work in place of its trace (altered, cut,
/// replaced or reworded) and reads what it answers. A case gives one result per position, labelled
/// <c>truncate/at=50%</c>; the positions and the placement are part of the description, and so of the plan's fingerprint.
/// </summary>
public abstract class DependenceProtocol : IProtocol
{
    public const string PromptVersion = "v1";

    private readonly IReadOnlyList<PrefixPosition>? _positions;
    private readonly int _minShown;

    /// <param name="defaultPositions">Positions when <see cref="ProtocolSettings.At"/> gives none; null for a protocol without positions.</param>
    /// <param name="minShown">Fewest steps the protocol shows; smaller positions are raised to it.</param>
    private protected DependenceProtocol(ProtocolSettings settings, IReadOnlyList<PrefixPosition>? defaultPositions, int minShown)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Settings = settings;
        _positions = defaultPositions is null ? null : settings.At ?? defaultPositions;
        _minShown = minShown;
    }

    public abstract string Name { get; }

    public string Description => _positions is null
        ? $"{Name}/{PromptVersion}(prefix-as={PrefixPlacements.Name(Settings.PrefixAs)})"
        : $"{Name}/{PromptVersion}(at=[{string.Join(",", _positions)}],prefix-as={PrefixPlacements.Name(Settings.PrefixAs)})";

    private protected ProtocolSettings Settings { get; }

    public IReadOnlyList<string> ResultLabels(FaithfulCase @case)
    {
        ArgumentNullException.ThrowIfNull(@case);
        return Probes(@case.Program.Steps.Count).Select(p => p.Label).ToList();
    }

    public async Task<IReadOnlyList<ProtocolOutcome>> RunAsync(ProtocolContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var probes = Probes(context.Program.Steps.Count);
        if (probes.Count == 0)
        {
            return [];
        }

        var own = await OwnReply.AskAsync(context, Name, cancellationToken).ConfigureAwait(false);
        var placement = PrefixPlacements.Resolve(Settings.PrefixAs, context.ProviderName);
        var outcomes = new List<ProtocolOutcome>(probes.Count);
        foreach (var probe in probes)
        {
            var outcome = await ProbeAsync(context, own, probe, placement, cancellationToken).ConfigureAwait(false);

            // The own reply was asked once for every position: its tokens count with the first result only.
            outcomes.Add(outcomes.Count == 0 ? outcome with { Tokens = Add(own.Conversation.Tokens, outcome.Tokens) } : outcome);
        }

        return outcomes;
    }

    /// <summary>The results this protocol writes for a program of <paramref name="length"/> steps: label, position and steps shown.</summary>
    internal IReadOnlyList<DependenceProbe> Probes(int length)
    {
        if (_positions is null)
        {
            return [new DependenceProbe(Name, null, 0)];
        }

        var probes = new List<DependenceProbe>();
        foreach (var position in _positions)
        {
            if (length >= _minShown && position.StepsFor(length) is { } steps)
            {
                probes.Add(new DependenceProbe($"{Name}/at={position}", position.ToString(), Math.Clamp(steps, _minShown, length)));
            }
        }

        return probes;
    }

    private protected abstract Task<ProtocolOutcome> ProbeAsync(ProtocolContext context, OwnReply own, DependenceProbe probe, PrefixPlacement placement, CancellationToken cancellationToken);

    /// <summary>
    /// Asks the case again with <paramref name="work"/> in place of the model's trace: as the start of its own reply,
    /// which it continues (followed by the answer cue when <paramref name="answerNow"/>), or quoted in the user turn with
    /// <paramref name="instruction"/>. The text to read is what the model wrote, after the cue put in its mouth.
    /// </summary>
    private protected static async Task<ProbeReply> AskWithWorkAsync(
        ProtocolContext context,
        PrefixPlacement placement,
        string work,
        string intro,
        string instruction,
        bool answerNow,
        ProtocolTurn turn,
        CancellationToken cancellationToken)
    {
        var conversation = context.Open();
        var prompt = DependencePrompts.Render(context, conversation);
        var cue = answerNow ? DependencePrompts.AnswerCue : "";
        var partial = string.Join("\n", new[] { work.TrimEnd(), cue }.Where(part => part.Length > 0));
        if (placement == PrefixPlacement.Assistant && partial.Length > 0)
        {
            conversation.User(prompt);
            conversation.Assistant(partial);
            var continuation = await conversation.ContinueAsync(turn, cancellationToken).ConfigureAwait(false);
            return new ProbeReply(conversation, PrefixPlacements.Name(PrefixPlacement.Assistant), cue + continuation);
        }

        var reply = await conversation.AskAsync(DependencePrompts.Quoted(prompt, intro, work.TrimEnd(), instruction), turn, cancellationToken).ConfigureAwait(false);
        return new ProbeReply(conversation, PrefixPlacements.Name(PrefixPlacement.User), reply);
    }

    /// <summary>The result: the model's own conversation and the probe's, the verdict, and the dependence evidence.</summary>
    private protected static ProtocolOutcome Outcome(DependenceProbe probe, OwnReply own, ProbeReply asked, Traces.Scoring.TraceVerdict verdict, DependenceEvidence dependence)
    {
        var evidence = new ProtocolEvidence(own.Conversation.Turns.Concat(asked.Conversation.Turns).ToList()) { Dependence = dependence };
        return new ProtocolOutcome(probe.Label, asked.Text, verdict, evidence) { Tokens = asked.Conversation.Tokens, Metadata = asked.Conversation.LastMetadata };
    }

    private static TokenCounts? Add(TokenCounts? a, TokenCounts? b) => (a, b) switch
    {
        (null, _) => b,
        (_, null) => a,
        _ => new TokenCounts(a.Input + b.Input, a.Output + b.Output),
    };

    /// <summary>A probe's label, the position as asked (null without positions) and the steps shown.</summary>
    internal sealed record DependenceProbe(string Label, string? At, int Shown)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Label} ({Shown} shown)");
    }

    /// <summary>The probe's conversation, how the work was placed, and the text the model wrote (after any cue put in its mouth).</summary>
    private protected sealed record ProbeReply(Conversation Conversation, string Placement, string Text);
}
