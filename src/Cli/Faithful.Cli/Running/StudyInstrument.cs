using Faithful.Clients.Running;
using Faithful.Execution;
using Faithful.Model;
using Faithful.Traces.Parsing;
using Faithful.Traces.Prompts;
using Faithful.Traces.Scoring;
using Faithful.Traces.Simulation;
using Microsoft.Extensions.AI;

namespace Faithful.Cli.Running;

/// <summary>
/// The measuring side of a CLI run: renders the chosen prompt template, parses replies with that template's answer
/// extraction, and scores them against ground truth. It also tells the simulated model which case is asked
/// (see <see cref="CurrentCase"/>).
/// </summary>
internal sealed class StudyInstrument(PromptTemplate template) : ITraceInstrument
{
    private static readonly AsyncLocal<CaseRef?> Current = new();

    private readonly ScoringOptions _scoring = new() { RequireTrace = !BuiltInTemplates.AsksOnlyForAnswer(template) };

    /// <summary>
    /// The case being rendered in this async flow. The runner renders a case and then sends it in the same flow, so the
    /// simulated model (which cannot read prompts) learns the case from here.
    /// </summary>
    public static CaseRef? CurrentCase => Current.Value;

    public IReadOnlyList<ChatMessage> Render(StepProgram program, IReadOnlyList<Value> inputs)
    {
        Current.Value = CaseRef.For(program, inputs);
        return PromptRenderer.Render(program, inputs, template).ToChatMessages().ToList();
    }

    public TraceVerdict Score(Trace truth, string reply)
    {
        ArgumentNullException.ThrowIfNull(truth);
        var answers = PromptRenderer.Render(truth.Program, truth.Inputs, template).Answers;
        var parsed = TraceParser.Parse(reply, truth.Program, answers);
        return CaseScorer.Score(truth, parsed, _scoring);
    }
}
