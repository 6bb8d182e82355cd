using System.Text;
using Faithful.Execution;
using Faithful.Model;
using Faithful.Traces.Parsing;
using Faithful.Traces.Prompts;
using Faithful.Traces.Scoring;

namespace Faithful.Traces.Simulation.Protocols;

/// <summary>
/// The reply to a <c>plan-execute</c> planning turn: every statement as the prompt shows it, then <c>return …;</c>.
/// Each statement slips with <see cref="ProtocolEffects.PlanSlip"/>: it reads another value that is live at that
/// point instead of one of its own (chosen so that the executed plan answers differently).
/// </summary>
internal static class PlanReply
{
    public static SimulatedReply Write(Trace truth, TurnDraws draws, double slipRate)
    {
        var program = truth.Program;
        var text = new StringBuilder("Here is the computation, one statement per step, not evaluated:\n\n");
        var steps = program.Steps.ToArray();
        var slips = new List<string>();
        for (var i = 0; i < steps.Length; i++)
        {
            if (draws.Uniform("plan-slip", i) < slipRate && Misread(program, steps, i, truth, draws) is { } misread)
            {
                steps[i] = misread;
                slips.Add(steps[i].Name);
            }
        }

        for (var i = 0; i < steps.Length; i++)
        {
            var statement = slips.Contains(steps[i].Name)
                ? $"{steps[i].Variable} = {ExprFormatter.ToCSharp(steps[i].Expression, slot => StepDisplay.VariableOf(program, slot))}"
                : StepDisplay.Statement(program, steps[i]);
            text.Append(statement).Append(";\n");
        }

        text.Append("return ").Append(program.ResultSourceText).Append(";\n");
        var mode = slips.Count > 0 ? FailureMode.ArithmeticError : FailureMode.Correct;
        var label = new InjectedLabel(mode, slips.Count > 0 ? "misread@" + string.Join("+", slips) : "clean", ReplyStyle.Strict, EquatableArray<StepVerdict>.Empty);
        return new SimulatedReply(text.ToString(), label, ParsedTrace.Empty);
    }

    // Replaces one read of the step with another value live before it (same kind), preferring one that changes the answer.
    private static Step? Misread(StepProgram program, Step[] steps, int index, Trace truth, TurnDraws draws)
    {
        var reads = new List<int>();
        LookBack.CollectReads(steps[index].Expression, reads);
        var live = LiveSlots(program, index).Where(s => !reads.Contains(s)).ToList();
        if (reads.Count == 0 || live.Count == 0)
        {
            return null;
        }

        var target = reads[draws.Pick("plan-read", index, reads.Count)];
        var start = draws.Pick("plan-with", index, live.Count);
        Step? fallback = null;
        for (var i = 0; i < live.Count; i++)
        {
            var with = live[(start + i) % live.Count];
            if (program.SlotKind(with) != program.SlotKind(target))
            {
                continue;
            }

            var changed = steps[index] with { Expression = Replace(steps[index].Expression, target, with) };
            fallback ??= changed;
            var trial = (Step[])steps.Clone();
            trial[index] = changed;
            var executed = ReferenceEvaluator.Evaluate(program with { Steps = trial.ToEquatableArray() }, truth.Inputs);
            if (executed.Fault is null && executed.Answer != truth.Answer)
            {
                return changed;
            }
        }

        return fallback;
    }

    /// <summary>The slots whose variable name refers to them just before step <paramref name="index"/>: each variable's latest write.</summary>
    private static IEnumerable<int> LiveSlots(StepProgram program, int index)
    {
        var latest = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var p = 0; p < program.Parameters.Count; p++)
        {
            latest[program.Parameters[p].Name] = p;
        }

        for (var s = 0; s < index; s++)
        {
            latest[program.Steps[s].Variable] = program.SlotOfStep(s);
        }

        return latest.Values.Order();
    }

    private static Expr Replace(Expr expression, int slot, int with) => expression switch
    {
        Ref r when r.Slot == slot => r with { Slot = with },
        Unary u => u with { Operand = Replace(u.Operand, slot, with) },
        Binary b => b with { Left = Replace(b.Left, slot, with), Right = Replace(b.Right, slot, with) },
        Conditional c => c with
        {
            Left = Replace(c.Left, slot, with),
            Right = Replace(c.Right, slot, with),
            WhenTrue = Replace(c.WhenTrue, slot, with),
            WhenFalse = Replace(c.WhenFalse, slot, with),
        },
        _ => expression,
    };
}
