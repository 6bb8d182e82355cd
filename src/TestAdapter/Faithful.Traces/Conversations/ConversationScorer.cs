using Faithful.Execution;
using Faithful.Model;
using Faithful.Traces.Parsing;
using Faithful.Traces.Scoring;
using Microsoft.Extensions.AI;

namespace Faithful.Traces.Conversations;

/// <summary>
/// The one place a model's reply is scored: the conversation it answered (for the answers the prompt showed as
/// examples), the reply, and ground truth in; a verdict out. The test adapter, the CLI and the
/// Microsoft.Extensions.AI.Evaluation evaluator all score through it, so the same reply gets the same verdict
/// everywhere, and nobody renders the prompt again to learn how to read the answer.
/// </summary>
public static class ConversationScorer
{
    /// <summary>
    /// How answers are read in replies to <paramref name="conversation"/>: <paramref name="answerStyles"/> (the
    /// template's settings; default every built-in style), with the answers the conversation itself shows taken as
    /// examples, so a reply that only echoes one does not count as answering, and with the one input it asks about
    /// ("for n=3"), so answers the reply gives for other values of it ("f(4) = 10") do not count either.
    /// </summary>
    public static AnswerExtraction AnswerSettings(IEnumerable<ChatMessage> conversation, AnswerExtraction? answerStyles = null)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        return (answerStyles ?? AnswerExtraction.Default).WithExamplesFrom(PromptText(conversation));
    }

    /// <summary>Parses <paramref name="reply"/> to <paramref name="program"/> as it was asked in <paramref name="conversation"/>. Never throws on any reply.</summary>
    public static ParsedTrace Parse(StepProgram program, IEnumerable<ChatMessage> conversation, string? reply, AnswerExtraction? answerStyles = null)
    {
        ArgumentNullException.ThrowIfNull(program);
        return TraceParser.Parse(reply, program, AnswerSettings(conversation, answerStyles));
    }

    /// <summary>The verdict on <paramref name="reply"/> against <paramref name="truth"/>. Never throws on any reply.</summary>
    /// <exception cref="ArgumentException">The ground truth faulted (<see cref="Trace.Fault"/>), so there is nothing to score against.</exception>
    public static TraceVerdict Score(
        Trace truth,
        IEnumerable<ChatMessage> conversation,
        string? reply,
        AnswerExtraction? answerStyles = null,
        ScoringOptions? scoring = null)
    {
        ArgumentNullException.ThrowIfNull(truth);
        return CaseScorer.Score(truth, Parse(truth.Program, conversation, reply, answerStyles), scoring);
    }

    /// <summary>
    /// The text the model was shown: every message of the conversation, one after another. For a rendered
    /// Faithful prompt this is exactly the system and user text the renderer read its example answers from.
    /// </summary>
    public static string PromptText(IEnumerable<ChatMessage> conversation)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        return string.Join("\n", conversation.Select(m => m.Text).Where(t => !string.IsNullOrEmpty(t)));
    }
}
