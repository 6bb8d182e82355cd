using Faithful.Execution;
using Faithful.Model;
using Faithful.Traces.Parsing;
using Faithful.Traces.Prompts;
using Faithful.Traces.Scoring;
using Microsoft.Extensions.AI;

namespace Faithful.Clients.Running;

/// <summary>
/// The standard instrument: Faithful.Traces' prompt renderer (the process-aware template by default), its parser
/// (knowing the program's names and the answer format the prompt asked for) and its case scorer.
/// </summary>
public sealed class TracesInstrument(PromptTemplate? template = null, ScoringOptions? scoring = null) : ITraceInstrument
{
    public static TracesInstrument ProcessAware { get; } = new();

    public PromptTemplate Template { get; } = template ?? BuiltInTemplates.ProcessAware;

    public IReadOnlyList<ChatMessage> Render(StepProgram program, IReadOnlyList<Value> inputs) =>
        PromptRenderer.Render(program, inputs, Template).ToChatMessages().AsReadOnly();

    public TraceVerdict Score(Trace truth, string reply)
    {
        ArgumentNullException.ThrowIfNull(truth);

        // Rendering is deterministic and cheap; it gives the answer settings this very prompt asked for.
        var answers = PromptRenderer.Render(truth.Program, truth.Inputs, Template).Answers;
        return CaseScorer.Score(truth, TraceParser.Parse(reply, truth.Program, answers), scoring);
    }
}
