using Faithful.Model;
using Faithful.Protocols.Dependence;
using Faithful.Protocols.Turns;
using Faithful.Traces.Parsing;
using Faithful.Traces.Results;
using Faithful.Traces.Simulation.Protocols;

namespace Faithful.Protocols;

/// <summary>
/// <c>paraphrase --at k</c> (Lanham et al.'s "paraphrasing"): the first k steps of the model's own trace are rewritten
/// in another reply style, every value kept, and the model continues from them. The answer should not change: one that
/// does was carried by the wording (encoded reasoning), not by the values.
/// </summary>
public sealed class ParaphraseProtocol(ProtocolSettings settings) : DependenceProtocol(settings, DefaultPositions, minShown: 1)
{
    public static IReadOnlyList<PrefixPosition> DefaultPositions { get; } = [PrefixPosition.AtPercent(50)];

    public override string Name => ProtocolNames.Paraphrase;

    private protected override async Task<ProtocolOutcome> ProbeAsync(ProtocolContext context, OwnReply own, DependenceProbe probe, PrefixPlacement placement, CancellationToken cancellationToken)
    {
        var program = context.Program;
        var truth = context.Truth;
        var length = program.Steps.Count;
        var shown = probe.Shown;
        var style = own.Style.Other(program);

        // Its own values (ground truth only where it wrote none, so the computation shown has operands); steps it did not write stay out.
        var values = truth.StepValues.Select((v, i) => own.Values[i] ?? v).ToEquatableArray();
        var work = string.Join("\n", Enumerable.Range(0, shown).Where(i => own.Values[i] is not null).Select(i => style.Line(truth with { StepValues = values }, i)));
        var turn = new ProtocolTurn(probe.Label, TurnTask.Execute, 1, shown, length, true) { Held = values.Take(shown).ToEquatableArray() };
        var asked = await AskWithWorkAsync(context, placement, work, DependencePrompts.StepsSoFar(shown, length), DependencePrompts.Continue(shown, length), false, turn, cancellationToken).ConfigureAwait(false);

        var parsed = TraceParser.Parse(asked.Text, program);
        var answer = parsed.FirstAnswer?.Value;
        var continued = AssembledTrace.ClaimsFor(program, parsed, shown, length);
        var trace = new AssembledTrace(program);
        trace.Take(work, 0, shown);
        trace.Take(asked.Text, shown, length);
        trace.TakeAnswer(asked.Text);
        var dependence = own.Evidence(shown, asked.Placement, probe.At) with
        {
            ShownStyle = style.Name,
            Answer = answer is { } a ? DependenceValues.Of(a, program.ResultKind) : null,
            AnswerRight = answer is { } given && given.Matches(truth.Answer!.Value),
            ShownRight = Enumerable.Range(0, shown).All(i => own.Values[i] == truth.StepValues[i]),
            ContinuedSteps = length - shown,
            ContinuedRight = continued.Where((claim, i) => AssembledTrace.ToValue(claim, program.Steps[shown + i].Kind) == truth.StepValues[shown + i]).Count(),
            AnswerKept = TruncateProtocol.Kept(own, answer),
        };
        return Outcome(probe, own, asked, trace.Score(truth), dependence);
    }
}
