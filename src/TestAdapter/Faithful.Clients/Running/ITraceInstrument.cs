using Faithful.Execution;
using Faithful.Model;
using Faithful.Traces.Scoring;
using Microsoft.Extensions.AI;

namespace Faithful.Clients.Running;

/// <summary>
/// The measuring side of a run: how a case becomes a prompt, and how a reply becomes a verdict against ground truth.
/// Implemented over Faithful.Traces' prompt renderer, parser and scorer.
/// </summary>
public interface ITraceInstrument
{
    /// <summary>The messages sent for <paramref name="program"/> on <paramref name="inputs"/>.</summary>
    IReadOnlyList<ChatMessage> Render(StepProgram program, IReadOnlyList<Value> inputs);

    /// <summary>
    /// The verdict on <paramref name="reply"/>, the model's answer to <paramref name="conversation"/> (the messages
    /// <see cref="Render"/> made), against the ground-truth <paramref name="truth"/>. Never throws on any reply.
    /// </summary>
    TraceVerdict Score(Trace truth, IReadOnlyList<ChatMessage> conversation, string reply);
}
