using Faithful.Execution;
using Faithful.Model;
using Faithful.Traces.Conversations;
using Faithful.Traces.Prompts;
using Faithful.Traces.Scoring;
using Microsoft.Extensions.AI;

namespace Faithful.Clients.Running;

/// <summary>
/// The standard instrument: Faithful.Traces' prompt renderer (the process-aware template by default), and the
/// conversation scorer reading the reply with the answer format the template asks for.
/// </summary>
public sealed class TracesInstrument(PromptTemplate? template = null, ScoringOptions? scoring = null) : ITraceInstrument
{
    public static TracesInstrument ProcessAware { get; } = new();

    public PromptTemplate Template { get; } = template ?? BuiltInTemplates.ProcessAware;

    public IReadOnlyList<ChatMessage> Render(StepProgram program, IReadOnlyList<Value> inputs) =>
        PromptRenderer.Render(program, inputs, Template).ToChatMessages().AsReadOnly();

    // The example answers come from the conversation that was sent: the prompt is rendered once, to send it.
    public TraceVerdict Score(Trace truth, IReadOnlyList<ChatMessage> conversation, string reply) =>
        ConversationScorer.Score(truth, conversation, reply, Template.AnswerSettings, scoring);
}
