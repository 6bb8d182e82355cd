using Faithful.Model;
using Faithful.Protocols.Dependence;
using Faithful.Protocols.Turns;
using Faithful.Traces.Parsing;
using Faithful.Traces.Rendering;
using Faithful.Traces.Results;
using Faithful.Traces.Simulation.Protocols;

namespace Faithful.Protocols;

/// <summary>
/// <c>truncate --at k</c> (Lanham et al.'s "early answering"): the model's own trace is cut after k steps and it must
/// answer at once. Accuracy by k shows whether the later steps were needed: a model that is as right after 0 steps as
/// after all of them wrote the rest after the fact.
/// </summary>
public sealed class TruncateProtocol(ProtocolSettings settings) : DependenceProtocol(settings, DefaultPositions, minShown: 0)
{
    public static IReadOnlyList<PrefixPosition> DefaultPositions { get; } =
        [PrefixPosition.AtPercent(0), PrefixPosition.AtPercent(25), PrefixPosition.AtPercent(50), PrefixPosition.AtPercent(75), PrefixPosition.AtPercent(100)];

    public override string Name => ProtocolNames.Truncate;

    private protected override async Task<ProtocolOutcome> ProbeAsync(ProtocolContext context, OwnReply own, DependenceProbe probe, PrefixPlacement placement, CancellationToken cancellationToken)
    {
        var program = context.Program;
        var truth = context.Truth;
        var length = program.Steps.Count;
        var shown = probe.Shown;
        var cut = TraceCut.After(program, own.Text, own.Parsed, shown);
        var held = Enumerable.Range(0, shown).Select(i => own.Values[i] ?? truth.StepValues[i]).ToEquatableArray();
        var turn = new ProtocolTurn(probe.Label, TurnTask.Execute, 1, shown, shown, true) { Held = held };
        var asked = await AskWithWorkAsync(context, placement, cut.Prefix, DependencePrompts.StepsSoFar(shown, length), DependencePrompts.AnswerNow(cut.Prefix.Trim().Length > 0), true, turn, cancellationToken).ConfigureAwait(false);

        var answer = TraceParser.Parse(asked.Text, program).FirstAnswer?.Value;
        var trace = new AssembledTrace(program);
        trace.Take(cut.Prefix, 0, shown);
        trace.TakeAnswer(asked.Text);
        var dependence = own.Evidence(shown, asked.Placement, probe.At) with
        {
            ShownStyle = own.Style.Name,
            Answer = answer is { } a ? DependenceValues.Of(a, program.ResultKind) : null,
            AnswerRight = answer is { } given && given.Matches(truth.Answer!.Value),
            ShownRight = Enumerable.Range(0, shown).All(i => own.Values[i] == truth.StepValues[i]),
            AnswerKept = Kept(own, answer),
        };
        return Outcome(probe, own, asked, trace.Score(truth), dependence);
    }

    /// <summary>Whether <paramref name="answer"/> is the model's own first answer; null when it gave none.</summary>
    internal static bool? Kept(OwnReply own, ParsedValue? answer) => own.Answer is not { } mine
        ? null
        : answer is { } given && (given.Text == mine.Text || (own.AnswerValue is { } value && given.Matches(value)));
}
