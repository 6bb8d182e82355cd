using System.Globalization;
using Faithful.Clients.Running;
using Faithful.Model;
using Faithful.Protocols.Prompts;
using Faithful.Protocols.Turns;
using Faithful.Traces.Results;
using Faithful.Traces.Simulation.Protocols;

namespace Faithful.Protocols;

/// <summary>
/// <c>gradual</c>: the procedure is revealed <see cref="ProtocolSettings.Reveal"/> steps per turn in one conversation;
/// the model keeps every value itself and gives the answer after the last steps. Nothing is checked between turns.
/// The finding it tests: multi-turn gradual reveal costs about 39% on average against the whole task at once; the
/// evidence says in which turn the first wrong value appeared.
/// </summary>
public sealed class GradualProtocol(ProtocolSettings settings) : IProtocol
{
    public const string PromptVersion = "v1";

    private readonly ProtocolSettings _settings = settings ?? throw new ArgumentNullException(nameof(settings));

    public string Name => ProtocolNames.Gradual;

    public string Description => string.Create(CultureInfo.InvariantCulture, $"{Name}/{PromptVersion}(reveal={_settings.Reveal})");

    public IReadOnlyList<string> ResultLabels(FaithfulCase @case) => [Name];

    public async Task<IReadOnlyList<ProtocolOutcome>> RunAsync(ProtocolContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var program = context.Program;
        var length = program.Steps.Count;
        var reveal = _settings.Reveal;
        var conversation = context.Open();
        var trace = new AssembledTrace(program);
        var turns = 0;
        for (var from = 0; from < length || turns == 0; from += reveal, turns++)
        {
            var to = Math.Min(length, from + reveal);
            var last = to >= length;
            var user = (turns == 0 ? Intro(context) : "") + Reveal(program, from, to, last);
            var turn = new ProtocolTurn(Name, TurnTask.Execute, turns, from, to, last) { Held = Held(context, trace, from) };
            var reply = await conversation.AskAsync(user, turn, cancellationToken).ConfigureAwait(false);
            trace.Take(reply, from, to);
            if (last)
            {
                trace.TakeAnswer(reply);
            }
        }

        var verdict = trace.Score(context.Truth);
        var firstWrong = verdict.FirstDivergence;
        var evidence = new ProtocolEvidence(conversation.Turns)
        {
            Gradual = new GradualEvidence(reveal, turns, firstWrong / reveal, firstWrong),
        };
        return [new ProtocolOutcome(Name, conversation.Transcript(), verdict, evidence) { Tokens = conversation.Tokens, Metadata = conversation.LastMetadata }];
    }

    private static string Intro(ProtocolContext context) =>
        "I will give you a procedure a few steps at a time. Execute each step as it arrives, exactly as written and in order, keeping track of every value yourself.\n"
        + ProtocolPrompts.Semantics + "\n\nInputs:\n" + ProtocolPrompts.Inputs(context.Program, context.Case.Inputs) + "\n\n";

    private static string Reveal(StepProgram program, int from, int to, bool last)
    {
        var header = char.ToUpperInvariant(ProtocolPrompts.Range(from, to)[0]) + ProtocolPrompts.Range(from, to)[1..];
        var steps = ProtocolPrompts.Steps(program, from, to);
        return last
            ? $"{header} (the last):\n{steps}\n{ProtocolPrompts.Return(program)}\n\nExecute {(to - from == 1 ? "this step" : "these steps")} now. {ProtocolPrompts.LineFormat} Then write the final answer on its own line:\n{ProtocolPrompts.AnswerLine}"
            : $"{header}:\n{steps}\n\nExecute {(to - from == 1 ? "this step" : "these steps")} now. {ProtocolPrompts.LineFormat} Then stop and wait for the next steps.";
    }

    // The values the model holds before this turn as the tool read them (ground truth where it wrote none), for a simulated model.
    private static EquatableArray<Value> Held(ProtocolContext context, AssembledTrace trace, int from) =>
        Enumerable.Range(0, from).Select(step => trace.ValueOf(step) ?? context.Truth.StepValues[step]).ToEquatableArray();
}
