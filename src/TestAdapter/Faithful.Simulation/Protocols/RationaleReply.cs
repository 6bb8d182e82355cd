using System.Globalization;
using System.Text;
using Faithful.Execution;
using Faithful.Model;
using Faithful.Traces.Parsing;
using Faithful.Traces.Prompts;
using Faithful.Traces.Scoring;

namespace Faithful.Traces.Simulation.Protocols;

/// <summary>
/// The reply to an <c>explain-then-execute</c> explanation turn: one line per step,
/// <c>3. s3: reads s2, s1; computes s2 - s1</c>. With chance 1 − <see cref="ProtocolEffects.RationaleRight"/> one
/// step (drawn) names a wrong value among its reads, the knowing side of the knowing–doing gap.
/// </summary>
internal static class RationaleReply
{
    public static SimulatedReply Write(Trace truth, TurnDraws draws, double rightChance)
    {
        var program = truth.Program;
        var wrongStep = program.Steps.Count > 0 && draws.Uniform("rationale") >= rightChance
            ? draws.Pick("rationale-step", 0, program.Steps.Count)
            : -1;
        var text = new StringBuilder("What each step does:\n\n");
        for (var i = 0; i < program.Steps.Count; i++)
        {
            var step = program.Steps[i];
            var reads = Reads(program, i);
            if (i == wrongStep)
            {
                reads = Misstate(program, i, reads, draws);
            }

            var readText = reads.Count == 0 ? "nothing (only constants)" : string.Join(", ", reads);
            var computes = ExprFormatter.ToCSharp(step.Expression, slot => StepDisplay.VariableOf(program, slot));
            text.Append(string.Create(CultureInfo.InvariantCulture, $"{step.Number}. {step.Variable}: reads {readText}; computes {computes}\n"));
        }

        var mode = wrongStep >= 0 ? FailureMode.ArithmeticError : FailureMode.Correct;
        var label = new InjectedLabel(mode, wrongStep >= 0 ? $"rationale@{program.Steps[wrongStep].Name}" : "clean", ReplyStyle.NumberedVariables, EquatableArray<StepVerdict>.Empty);
        return new SimulatedReply(text.ToString(), label, ParsedTrace.Empty);
    }

    /// <summary>The variable names step <paramref name="index"/> reads, in first-read order.</summary>
    public static List<string> Reads(StepProgram program, int index)
    {
        var slots = new List<int>();
        LookBack.CollectReads(program.Steps[index].Expression, slots);
        return slots.Select(s => StepDisplay.VariableOf(program, s)).Distinct(StringComparer.Ordinal).ToList();
    }

    // One read replaced by another name the program has by then (or dropped when there is none).
    private static List<string> Misstate(StepProgram program, int index, List<string> reads, TurnDraws draws)
    {
        var others = program.Parameters.Select(p => p.Name)
            .Concat(program.Steps.Take(index).Select(s => s.Variable))
            .Distinct(StringComparer.Ordinal)
            .Where(n => !reads.Contains(n, StringComparer.Ordinal))
            .ToList();
        var changed = new List<string>(reads);
        if (changed.Count == 0 && others.Count > 0)
        {
            changed.Add(others[draws.Pick("rationale-with", index, others.Count)]);
        }
        else if (others.Count == 0)
        {
            changed.RemoveAt(draws.Pick("rationale-drop", index, changed.Count));
        }
        else
        {
            changed[draws.Pick("rationale-read", index, changed.Count)] = others[draws.Pick("rationale-with", index, others.Count)];
        }

        return changed;
    }
}
