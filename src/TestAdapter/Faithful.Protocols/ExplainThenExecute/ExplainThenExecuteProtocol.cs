using Faithful.Clients.Running;
using Faithful.Protocols.ExplainThenExecute;
using Faithful.Protocols.Prompts;
using Faithful.Traces.Prompts;
using Faithful.Traces.Results;
using Faithful.Traces.Simulation.Protocols;

namespace Faithful.Protocols;

/// <summary>
/// <c>explain-then-execute</c> (the knowing–doing gap): the model first says what each step does and which earlier
/// values it reads, then, in the same conversation, executes the procedure in the process-aware format. The rationale
/// is judged step by step on its reads, the execution as any reply; the report sets them side by side per case with
/// their agreement. The finding it tests: 87% correct rationales against 64% matching actions in the literature.
/// </summary>
public sealed class ExplainThenExecuteProtocol : IProtocol
{
    public const string PromptVersion = "v1";

    private static readonly PromptTemplate ExecuteTemplate = PromptTemplate.Custom(
        "Now execute the procedure by hand, exactly as written, one step at a time, in order.\n\n{{format}}\n",
        "explain-then-execute-execute/v1");

    public string Name => ProtocolNames.ExplainThenExecute;

    public string Description => $"{Name}/{PromptVersion}";

    public IReadOnlyList<string> ResultLabels(FaithfulCase @case) => [Name];

    public async Task<IReadOnlyList<ProtocolOutcome>> RunAsync(ProtocolContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var program = context.Program;
        var length = program.Steps.Count;
        var conversation = context.Open();
        var explain = ProtocolPrompts.Procedure("Here is a procedure. Before executing it, explain it.", program, context.Case.Inputs)
            + "\n\nFor each step, write one line, in order, as `<number>. <variable>: reads <the inputs and variables it uses, comma-separated>; computes <what it computes>`. Do not compute any value yet.";
        var rationaleReply = await conversation.AskAsync(explain, new ProtocolTurn(Name, TurnTask.Explain, 0, 0, length, false), cancellationToken).ConfigureAwait(false);
        var rationale = RationaleReader.Judge(rationaleReply, program);

        var execute = PromptRenderer.Render(program, context.Case.Inputs, ExecuteTemplate).User;
        var reply = await conversation.AskAsync(execute, new ProtocolTurn(Name, TurnTask.Execute, 1, 0, length, true), cancellationToken).ConfigureAwait(false);
        var verdict = context.Instrument.Score(context.Truth, conversation.LastSent, reply);
        var evidence = new ProtocolEvidence(conversation.Turns) { Rationale = rationale };
        return [new ProtocolOutcome(Name, reply, verdict, evidence) { Tokens = conversation.Tokens, Metadata = conversation.LastMetadata }];
    }
}
