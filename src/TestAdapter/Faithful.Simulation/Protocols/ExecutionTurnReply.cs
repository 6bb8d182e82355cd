using System.Globalization;
using System.Text;
using Faithful.Execution;
using Faithful.Model;
using Faithful.Traces.Parsing;
using Faithful.Traces.Scoring;

namespace Faithful.Traces.Simulation.Protocols;

/// <summary>
/// The reply to one execution turn of a step-wise protocol: steps <c>[FromStep, ToStep)</c> computed from the values
/// the conversation holds, each slipping with the protocol's per-step chance; a slip is a nearby wrong value chosen so
/// that it changes the answer where the program allows (else the answer is miscomputed), and later steps are computed from it. Written as <c>s3 = 42</c> lines or
/// <c>Step 3: s3 = s2 - s1 = 44 - 2 = 42</c> lines (drawn per case), then <c>Final answer: …</c> when the turn asks.
/// </summary>
internal static class ExecutionTurnReply
{
    private static readonly long[] Deltas = [1, -1, 2, -2, 3, -3, 5, -5, 7, -7, 10, -10, 11, -11];

    public static SimulatedReply Write(Trace truth, ProtocolTurn turn, TurnDraws draws, double slipRate)
    {
        var program = truth.Program;
        var replay = StepReplay.For(program);
        var slots = HeldState(truth, turn);
        var worked = draws.Uniform("style") < 0.5;
        var text = new StringBuilder();
        var slips = new List<string>();
        var to = Math.Min(turn.ToStep, program.Steps.Count);
        for (var step = Math.Max(0, turn.FromStep); step < to; step++)
        {
            var computed = replay.Step(step, slots) ?? truth.StepValues[step];
            var value = computed;
            if (draws.Uniform("slip", step) < slipRate)
            {
                value = Slip(truth, replay, slots, step, computed, draws);
                slips.Add(program.Steps[step].Name);
            }

            text.Append(Line(program, step, slots, value, worked)).Append('\n');
            slots[program.SlotOfStep(step)] = value;
        }

        if (turn.AsksAnswer)
        {
            var answer = (to == program.Steps.Count ? replay.Answer(slots) : replay.Forward(to, slots)) ?? truth.Answer;

            // A slip the model still carries always costs the answer: where the program absorbs it, the answer is miscomputed.
            var carriesSlip = slips.Count > 0 || Enumerable.Range(0, Math.Min(turn.Held.Count, program.Steps.Count)).Any(s => turn.Held[s] != truth.StepValues[s]);
            if (carriesSlip && answer == truth.Answer && answer is { } right)
            {
                answer = Shift(right, Deltas[draws.Pick("answer-delta", 0, Deltas.Length)]);
                slips.Add("answer");
            }

            text.Append("Final answer: ").Append(answer?.ToString() ?? "").Append('\n');
        }

        var mode = slips.Count > 0 ? FailureMode.ArithmeticError : FailureMode.Correct;
        var variant = slips.Count > 0 ? "slip@" + string.Join("+", slips) : "clean";
        var label = new InjectedLabel(mode, variant, worked ? ReplyStyle.NumberedWithWork : ReplyStyle.Strict, EquatableArray<StepVerdict>.Empty);
        return new SimulatedReply(text.ToString(), label, ParsedTrace.Empty);
    }

    /// <summary>The slot vector at the turn's start: inputs, the held values, ground truth for anything not held.</summary>
    public static Value[] HeldState(Trace truth, ProtocolTurn turn)
    {
        var program = truth.Program;
        var slots = new Value[program.SlotCount];
        for (var i = 0; i < program.Parameters.Count; i++)
        {
            slots[i] = truth.Inputs[i];
        }

        for (var step = 0; step < program.Steps.Count; step++)
        {
            slots[program.SlotOfStep(step)] = step < turn.Held.Count ? turn.Held[step] : truth.StepValues[step];
        }

        return slots;
    }

    // A value near the right one that changes where the model ends up: a slip the answer cannot absorb.
    private static Value Slip(Trace truth, StepReplay replay, Value[] slots, int step, Value computed, TurnDraws draws)
    {
        var start = draws.Pick("delta", step, Deltas.Length);
        Value? first = null;
        for (var i = 0; i < Deltas.Length; i++)
        {
            var candidate = Shift(computed, Deltas[(start + i) % Deltas.Length]);
            if (candidate == computed)
            {
                continue;
            }

            first ??= candidate;
            var probe = (Value[])slots.Clone();
            probe[truth.Program.SlotOfStep(step)] = candidate;
            var answer = replay.Forward(step + 1, probe);
            if (answer != truth.Answer)
            {
                return candidate;
            }
        }

        return first ?? computed;
    }

    private static Value Shift(Value value, long delta) => value.Kind == ValueKind.Int64
        ? Value.FromInt64(unchecked(value.AsInt64 + delta))
        : Value.FromDouble(value.AsDouble + (delta * 0.5));

    private static string Line(StepProgram program, int index, Value[] slots, Value value, bool worked)
    {
        var step = program.Steps[index];
        if (!worked)
        {
            return $"{step.Variable} = {value}";
        }

        var work = step.Expression is Ref or Constant ? "" : ExprFormatter.ToCSharp(step.Expression, slot => Show(slots[slot])) + " = ";

        // Register programs are traced by variable name after the statement, as people write them: a3 -= a2 -> a3 = 5 - 2 = 3.
        if (Prompts.StepDisplay.IsRegisterStyle(program))
        {
            return $"{Prompts.StepDisplay.Statement(program, step)} -> {step.Variable} = {work}{value}";
        }

        var formula = ExprFormatter.ToCSharp(step.Expression, slot => Prompts.StepDisplay.VariableOf(program, slot));
        return string.Create(CultureInfo.InvariantCulture, $"Step {step.Number}: {step.Variable} = {formula} = {work}{value}");
    }

    private static string Show(Value value)
    {
        var text = value.ToString();
        return text.StartsWith('-') ? $"({text})" : text;
    }
}
