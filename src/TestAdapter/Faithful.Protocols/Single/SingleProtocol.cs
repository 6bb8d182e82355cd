using Faithful.Clients.Running;
using Faithful.Traces.Results;

namespace Faithful.Protocols;

/// <summary>
/// <c>single</c>: one prompt (the instrument's template) and one reply, exactly as <see cref="CaseRunner"/> sends it.
/// The reference the other protocols are compared with.
/// </summary>
public sealed class SingleProtocol : IProtocol
{
    public static SingleProtocol Instance { get; } = new();

    public string Name => ProtocolNames.Single;

    public string Description => ProtocolNames.Single;

    public IReadOnlyList<string> ResultLabels(FaithfulCase @case) => [ProtocolNames.Single];

    /// <summary><see cref="ProtocolRunner"/> sends single cases through <see cref="CaseRunner"/>; this path serves other hosts.</summary>
    public async Task<IReadOnlyList<ProtocolOutcome>> RunAsync(ProtocolContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var conversation = context.Open();
        var messages = context.Instrument.Render(context.Program, context.Case.Inputs);
        foreach (var message in messages.Take(messages.Count - 1))
        {
            conversation.System(message.Text);
        }

        var turn = new Traces.Simulation.Protocols.ProtocolTurn(ProtocolNames.Single, Traces.Simulation.Protocols.TurnTask.Execute, 0, 0, context.Program.Steps.Count, true);
        var reply = await conversation.AskAsync(messages[^1].Text, turn, cancellationToken).ConfigureAwait(false);
        var verdict = context.Instrument.Score(context.Truth, conversation.LastSent, reply);
        return [new ProtocolOutcome(ProtocolNames.Single, reply, verdict, null) { Tokens = conversation.Tokens, Metadata = conversation.LastMetadata }];
    }
}
