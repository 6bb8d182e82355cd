using Faithful.Execution;
using Faithful.Model;
using Faithful.Traces.Parsing;
using Faithful.Traces.Scoring;
using Microsoft.Extensions.AI;

namespace Faithful.Clients.Running;

/// <summary>
/// The standard instrument: a prompt renderer, Faithful.Traces' parser (knowing the program's names and the
/// prompt's answer format) and its case scorer.
/// </summary>
public sealed class TracesInstrument(Func<StepProgram, IReadOnlyList<Value>, IReadOnlyList<ChatMessage>> render, AnswerExtraction? answers = null, ScoringOptions? scoring = null) : ITraceInstrument
{
    public IReadOnlyList<ChatMessage> Render(StepProgram program, IReadOnlyList<Value> inputs) => render(program, inputs);

    public TraceVerdict Score(Trace truth, string reply)
    {
        ArgumentNullException.ThrowIfNull(truth);
        return CaseScorer.Score(truth, TraceParser.Parse(reply, truth.Program, answers), scoring);
    }
}
