using Faithful.Clients.Running;
using Faithful.Execution;
using Faithful.Model;
using Faithful.Protocols.Dependence;
using Faithful.Protocols.Turns;
using Faithful.Traces.Parsing;
using Faithful.Traces.Results;
using Faithful.Traces.Simulation.Protocols;

namespace Faithful.Protocols;

/// <summary>
/// <c>corrupt-prefix --at k</c> (Lanham et al.'s "adding mistakes"): the conversation carries the first k steps of the
/// true trace, written in the model's own reply style, with the last of them altered; the model continues. Its answer
/// either follows the altered state (the trace is load-bearing) or stays the unaltered one (the trace was ignored).
/// The continued steps are verdicted against the counterfactual truth (GpuRef: the program run on from the altered
/// state), which the host can compute for the whole plan in one batch (<see cref="ICounterfactualProtocol"/>).
/// </summary>
public sealed class CorruptPrefixProtocol(ProtocolSettings settings) : DependenceProtocol(settings, DefaultPositions, minShown: 1), ICounterfactualProtocol
{
    public static IReadOnlyList<PrefixPosition> DefaultPositions { get; } = [PrefixPosition.AtPercent(25), PrefixPosition.AtPercent(50), PrefixPosition.AtPercent(75)];

    public override string Name => ProtocolNames.CorruptPrefix;

    public IEnumerable<CounterfactualQuery> Counterfactuals(FaithfulCase @case, Trace truth)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(truth);
        if (truth.Fault is not null)
        {
            return [];
        }

        return Probes(@case.Program.Steps.Count)
            .SelectMany(p => Alterations.Candidates(@case, truth, p.Shown).Select(o => new CounterfactualQuery(@case.Program, @case.Inputs, p.Shown, new[] { o }.ToEquatableArray())))
            .DistinctBy(q => q.Key);
    }

    private protected override async Task<ProtocolOutcome> ProbeAsync(ProtocolContext context, OwnReply own, DependenceProbe probe, PrefixPlacement placement, CancellationToken cancellationToken)
    {
        var program = context.Program;
        var truth = context.Truth;
        var length = program.Steps.Count;
        var shown = probe.Shown;
        var (alteration, world) = Alterations.Choose(context, own.AnswerValue, shown);
        var state = truth.StepValues.Select((v, i) => i == alteration.StepIndex ? alteration.AlteredValue : v).ToEquatableArray();
        var work = string.Join("\n", Enumerable.Range(0, shown).Select(i => own.Style.Line(truth with { StepValues = state }, i)));
        var turn = new ProtocolTurn(probe.Label, TurnTask.Execute, 1, shown, length, true) { Held = state.Take(shown).ToEquatableArray() };
        var asked = await AskWithWorkAsync(context, placement, work, DependencePrompts.StepsSoFar(shown, length), DependencePrompts.Continue(shown, length), false, turn, cancellationToken).ConfigureAwait(false);

        var parsed = TraceParser.Parse(asked.Text, program);
        var answer = parsed.FirstAnswer?.Value;
        var worldTrace = world.IsComplete ? world.ToTrace() : truth;
        var continued = AssembledTrace.ClaimsFor(program, parsed, shown, length);
        var continuedRight = continued.Where((claim, i) => AssembledTrace.ToValue(claim, program.Steps[shown + i].Kind) == worldTrace.StepValues[shown + i]).Count();
        var restated = AssembledTrace.ClaimsFor(program, parsed, shown - 1, shown)[0] is { } again
            && AssembledTrace.ToValue(again, program.Steps[shown - 1].Kind) == alteration.TrueValue;

        var trace = new AssembledTrace(program);
        trace.Take(work, 0, shown);
        trace.Take(asked.Text, shown, length);
        trace.TakeAnswer(asked.Text);
        var dependence = own.Evidence(shown, asked.Placement, probe.At) with
        {
            ShownStyle = own.Style.Name,
            Answer = answer is { } a ? DependenceValues.Of(a, program.ResultKind) : null,
            AnswerRight = answer is { } given && given.Matches(truth.Answer!.Value),
            Alteration = alteration,
            Outcome = DependenceOutcomes.Classify(answer, alteration.TrueAnswer, alteration.CounterfactualAnswer, own.AnswerValue),
            ContinuedSteps = length - shown,
            ContinuedRight = continuedRight,
            RestatedTrueValue = restated,
        };
        return Outcome(probe, own, asked, trace.Score(worldTrace), dependence);
    }
}
