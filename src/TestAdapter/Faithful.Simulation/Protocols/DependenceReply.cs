using System.Text;
using Faithful.Execution;
using Faithful.Model;
using Faithful.Traces.Parsing;
using Faithful.Traces.Rendering;
using Faithful.Traces.Results;
using Faithful.Traces.Scoring;

namespace Faithful.Traces.Simulation.Protocols;

/// <summary>
/// The simulated model's replies under the trace-dependence protocols, with the behaviour documented in
/// <see cref="DependenceEffects"/>: its own reply to the unaltered case is the ordinary simulated reply; after that, a
/// case drawn as computed follows what it is shown and a post-hoc case keeps its own answer.
/// </summary>
internal static class DependenceReply
{
    private static readonly long[] Deltas = [1, -1, 2, -2, 3, -3, 5, -5, 7, -7, 10, -10, 11, -11];

    public static bool Handles(string family) =>
        family is ProtocolNames.CorruptPrefix or ProtocolNames.Truncate or ProtocolNames.Filler or ProtocolNames.Paraphrase;

    public static SimulatedReply Write(ReplySimulator single, Trace truth, int sample, ProtocolTurn turn)
    {
        var program = truth.Program;
        var length = program.Steps.Count;
        var own = single.Simulate(program, truth.Inputs, sample);
        if (turn.FromStep <= 0 && turn.ToStep >= length && turn.Held.Count == 0 && !turn.ContinuesAssistant)
        {
            // The first request of every such protocol: the model's own reply to the case, as under single.
            return own;
        }

        var profile = single.Profile;
        var family = ProtocolNames.Family(turn.Protocol);
        var computed = new TurnDraws(single.Seed, profile.Name, "trace-dependence", program.Id, truth.Inputs, sample).Uniform("computed")
            < DependenceEffects.Dependence(profile, length);
        var draws = new TurnDraws(single.Seed, profile.Name, family, program.Id, truth.Inputs, sample);
        var ownParse = TraceParser.Parse(own.Text, program);
        var ownAnswer = new OwnAnswer(ownParse.FirstAnswer?.Value, truth);
        var (text, slipped) = family switch
        {
            ProtocolNames.CorruptPrefix => Continue(truth, turn, draws, computed, ownAnswer, profile),
            ProtocolNames.Paraphrase => (Replay(own.Text, ownParse, truth, turn, ownAnswer), false),
            _ => AnswerNow(truth, turn, draws, computed, ownAnswer, profile),
        };
        var variant = (computed ? "computed" : "post-hoc") + (slipped ? "+slip" : "");
        var label = new InjectedLabel(slipped ? FailureMode.ArithmeticError : FailureMode.Correct, variant, ReplyStyle.Strict, EquatableArray<StepVerdict>.Empty);
        return new SimulatedReply(text, label, ParsedTrace.Empty);
    }

    // corrupt-prefix: continue from the state shown; a computed case answers where its steps lead, a post-hoc one its own answer.
    private static (string Text, bool Slipped) Continue(Trace truth, ProtocolTurn turn, TurnDraws draws, bool computed, OwnAnswer own, SimulationProfile profile)
    {
        var program = truth.Program;
        var replay = StepReplay.For(program);
        var slots = ExecutionTurnReply.HeldState(truth, turn);
        var from = Math.Clamp(turn.FromStep, 0, program.Steps.Count);
        var counterfactual = replay.Forward(from, (Value[])slots.Clone());
        var slip = ProtocolEffects.StepSlip(profile, program.Steps.Count);
        var text = new StringBuilder(turn.ContinuesAssistant ? "\n" : "");
        var slipped = false;
        for (var step = from; step < program.Steps.Count; step++)
        {
            var value = replay.Step(step, slots) ?? truth.StepValues[step];
            if (draws.Uniform("slip", step) < slip)
            {
                value = Shift(value, Deltas[draws.Pick("delta", step, Deltas.Length)]);
                slipped = true;
            }

            slots[program.SlotOfStep(step)] = value;
            text.Append(program.Steps[step].Variable).Append(" = ").Append(value).Append('\n');
        }

        string answer;
        if (computed)
        {
            var reached = replay.Answer(slots) ?? counterfactual ?? truth.Answer!.Value;

            // A slip moves the answer somewhere new, never back onto the unaltered answer.
            answer = (slipped ? AwayFrom(reached, [truth.Answer, own.Value, counterfactual], draws) : reached).ToString();
        }
        else
        {
            answer = own.Text;
        }

        return (text.Append("Final answer: ").Append(answer).Append('\n').ToString(), slipped && computed);
    }

    // truncate and filler: answer at once; a computed case does the steps it was not shown in its head.
    private static (string Text, bool Slipped) AnswerNow(Trace truth, ProtocolTurn turn, TurnDraws draws, bool computed, OwnAnswer own, SimulationProfile profile)
    {
        var program = truth.Program;
        var answer = own.Text;
        var slipped = false;
        if (computed)
        {
            var from = Math.Clamp(turn.FromStep, 0, program.Steps.Count);
            var reached = StepReplay.For(program).Forward(from, ExecutionTurnReply.HeldState(truth, turn)) ?? truth.Answer!.Value;
            var mental = DependenceEffects.MentalSlip(profile);
            slipped = Enumerable.Range(from, program.Steps.Count - from).Any(step => draws.Uniform("mental", step) < mental);
            answer = (slipped ? AwayFrom(Shift(reached, Deltas[draws.Pick("mental-delta", from, Deltas.Length)]), [truth.Answer], draws) : reached).ToString();
        }

        return ((turn.ContinuesAssistant ? " " : "Final answer: ") + answer + "\n", slipped);
    }

    // paraphrase: the wording carries nothing, so the model writes the rest of its own steps and its own (first) answer.
    private static string Replay(string ownText, ParsedTrace ownParse, Trace truth, ProtocolTurn turn, OwnAnswer own)
    {
        var cut = TraceCut.After(truth.Program, ownText, ownParse, turn.FromStep);
        var answerLines = ownParse.Answers.Select(a => a.Line).ToHashSet();
        var rest = cut.Rest.Split('\n').Where((_, i) => !answerLines.Contains(cut.CutLine + i));
        var text = new StringBuilder(turn.ContinuesAssistant ? "\n" : "");
        foreach (var line in rest.Where(l => l.Length > 0))
        {
            text.Append(line).Append('\n');
        }

        return text.Append("Final answer: ").Append(own.Text).Append('\n').ToString();
    }

    private static Value AwayFrom(Value value, IReadOnlyList<Value?> avoid, TurnDraws draws)
    {
        var start = draws.Pick("away", 0, Deltas.Length);
        for (var i = 0; i <= Deltas.Length && avoid.Contains(value); i++)
        {
            value = Shift(value, Deltas[(start + i) % Deltas.Length]);
        }

        return value;
    }

    private static Value Shift(Value value, long delta) => value.Kind == ValueKind.Int64
        ? Value.FromInt64(unchecked(value.AsInt64 + delta))
        : Value.FromDouble(value.AsDouble + (delta * 0.5));

    /// <summary>The first answer of the model's own reply (its text as written, and as a value when it reads as one), else the true answer.</summary>
    private sealed class OwnAnswer
    {
        public OwnAnswer(ParsedValue? parsed, Trace truth)
        {
            var kind = truth.Program.ResultKind;
            Text = parsed?.Text ?? truth.Answer!.Value.ToString();
            Value = parsed is not { } p ? truth.Answer
                : kind == ValueKind.Int64 ? p.Int64 is { } whole ? Model.Value.FromInt64(whole) : null
                : Model.Value.FromDouble(p.Real);
        }

        public string Text { get; }

        public Value? Value { get; }
    }
}
