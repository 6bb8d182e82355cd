using Faithful.Model;
using Faithful.Protocols.Turns;
using Faithful.Traces.Parsing;
using Faithful.Traces.Rendering;
using Faithful.Traces.Results;
using Faithful.Traces.Simulation.Protocols;

namespace Faithful.Protocols.Dependence;

/// <summary>
/// The model's own reply to the unaltered case (the instrument's prompt, as under <c>single</c>), asked first by every
/// trace-dependence protocol: the trace it cuts, rewrites or replaces, the style it writes altered steps in, and the
/// answer it compares the later answers with.
/// </summary>
internal sealed class OwnReply
{
    private OwnReply(ProtocolContext context, Conversation conversation, string text)
    {
        var program = context.Program;
        Conversation = conversation;
        Text = text;
        Parsed = TraceParser.Parse(text, program);
        Style = ReplyLineStyle.Detect(program, Parsed, text);
        Answer = Parsed.FirstAnswer?.Value;
        AnswerValue = Answer is { } a ? DependenceValues.Of(a, program.ResultKind) : null;
        AnswerRight = Answer is { } given && context.Truth.Answer is { } right && given.Matches(right);
        var claims = AssembledTrace.ClaimsFor(program, Parsed, 0, program.Steps.Count);
        Values = claims.Select((claim, step) => AssembledTrace.ToValue(claim, program.Steps[step].Kind)).ToArray();
    }

    public Conversation Conversation { get; }

    public string Text { get; }

    public ParsedTrace Parsed { get; }

    public ReplyLineStyle Style { get; }

    /// <summary>Its first answer as read, or null.</summary>
    public ParsedValue? Answer { get; }

    /// <summary>That answer as a value of the program's result kind, or null.</summary>
    public Value? AnswerValue { get; }

    public bool AnswerRight { get; }

    /// <summary>The value it claimed for each step (matched in order), null where it claimed none.</summary>
    public Value?[] Values { get; }

    public static async Task<OwnReply> AskAsync(ProtocolContext context, string protocol, CancellationToken cancellationToken)
    {
        var conversation = context.Open();
        var messages = DependencePrompts.Render(context, conversation);
        var turn = new ProtocolTurn(protocol, TurnTask.Execute, 0, 0, context.Program.Steps.Count, true);
        var reply = await conversation.AskAsync(messages, turn, cancellationToken).ConfigureAwait(false);
        return new OwnReply(context, conversation, reply);
    }

    /// <summary>The evidence fields every trace-dependence result carries about the model's own reply.</summary>
    public DependenceEvidence Evidence(int shown, string placement, string? at) => new(shown, placement)
    {
        At = at,
        OwnAnswer = AnswerValue,
        OwnAnswerRight = AnswerRight,
        OwnStyle = Style.Name,
    };
}
