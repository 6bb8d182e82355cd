using System.Text;
using Faithful.Execution;
using Faithful.Model;
using Faithful.Traces.Parsing;
using Faithful.Traces.Scoring;

namespace Faithful.Traces.Simulation;

/// <summary>
/// Writes a script as reply text in one <see cref="ReplyStyle"/>, one script line per text line, and the
/// <see cref="ParsedTrace"/> a perfect parser would read from it.
/// </summary>
internal static class ReplyWriter
{
    public static (string Text, ParsedTrace Parse) Write(StepProgram program, IReadOnlyList<ScriptLine> script, ReplyStyle style)
    {
        var text = new StringBuilder();
        var claims = new List<ParsedClaim>();
        var answers = new List<ParsedAnswer>();
        var issues = new List<ParseIssue>();
        var attempts = 0;
        var lineNumber = 0;

        foreach (var preamble in Preamble(style))
        {
            lineNumber++;
            text.Append(preamble).Append('\n');
        }

        foreach (var line in script)
        {
            lineNumber++;
            attempts = Math.Max(attempts, line.Attempt + 1);
            var written = line.Kind switch
            {
                ScriptLineKind.Claim => ClaimLine(program, line, style),
                ScriptLineKind.ExtraClaim => ExtraLine(line, style),
                ScriptLineKind.Answer => AnswerLine(line.Value, style),
                _ => line.Text ?? "",
            };
            text.Append(written).Append('\n');

            switch (line.Kind)
            {
                case ScriptLineKind.Claim:
                case ScriptLineKind.ExtraClaim:
                    claims.Add(new ParsedClaim(
                        lineNumber,
                        line.Attempt,
                        ClaimName(program, line, style),
                        HasNumber(style) ? line.Number : null,
                        ToParsed(line.Value),
                        ShowsWork(style) && line.Kind == ScriptLineKind.Claim ? line.Work : null,
                        written));
                    break;
                case ScriptLineKind.Answer:
                    answers.Add(new ParsedAnswer(lineNumber, ToParsed(line.Value), style == ReplyStyle.Tagged ? AnswerStyle.ResultTag : AnswerStyle.FinalAnswerLine, written));
                    break;
                case ScriptLineKind.Skip:
                    issues.Add(new ParseIssue(lineNumber, written, "elided steps"));
                    break;
            }
        }

        var parse = new ParsedTrace(claims.ToEquatableArray(), answers.ToEquatableArray(), issues.ToEquatableArray(), Math.Max(attempts, 1), lineNumber, false);
        return (text.ToString(), parse);
    }

    /// <summary>The verdict each step should get, computed from the script alone: the last claim of a step counts,
    /// judged on the values the model had claimed before it.</summary>
    public static EquatableArray<StepVerdict> ExpectedVerdicts(Trace truth, IReadOnlyList<ScriptLine> script)
    {
        var program = truth.Program;
        var replay = ProgramIndex.For(program).Replay;
        var verdicts = Enumerable.Repeat(StepVerdict.Missing, program.Steps.Count).ToArray();
        var model = new Value?[program.Steps.Count];
        foreach (var line in script)
        {
            if (line is not { Kind: ScriptLineKind.Claim, Step: { } step, Value: { } value })
            {
                continue;
            }

            if (value == truth.StepValues[step])
            {
                verdicts[step] = StepVerdict.Correct;
            }
            else
            {
                var slots = new Value[program.SlotOfStep(step)];
                for (var i = 0; i < slots.Length; i++)
                {
                    slots[i] = i < program.Parameters.Count ? truth.Inputs[i] : model[i - program.Parameters.Count] ?? truth.StepValues[i - program.Parameters.Count];
                }

                verdicts[step] = replay.EvaluateStep(step, slots) == value ? StepVerdict.PropagatedError : StepVerdict.ExecutionError;
            }

            model[step] = value;
        }

        return verdicts.ToEquatableArray();
    }

    private static IEnumerable<string> Preamble(ReplyStyle style) => style switch
    {
        ReplyStyle.Markdown => ["Let's execute the procedure step by step.", ""],
        ReplyStyle.Variables => ["Tracing the registers:", ""],
        _ => [],
    };

    private static string ClaimLine(StepProgram program, ScriptLine line, ReplyStyle style)
    {
        var step = program.Steps[line.Step!.Value];
        var value = ScriptBuilder.Text(line.Value!.Value);
        return style switch
        {
            ReplyStyle.Strict or ReplyStyle.Tagged => $"{step.Name} = {value}",
            ReplyStyle.NumberedWithWork => $"Step {step.Number}: {step.Name} = {ExprFormatter.ToCSharp(step.Expression, program)} = {WorkThen(line)}{value}",
            ReplyStyle.Markdown => $"- {step.Name} = {WorkThen(line)}{value}",
            ReplyStyle.Variables => $"{Statement(program, step)} -> {step.Variable} = {WorkThen(line)}{value}",
            ReplyStyle.NumberedVariables => $"{step.Number}. {step.Variable} = {value}",
            _ => throw new ArgumentOutOfRangeException(nameof(style), style, null),
        };
    }

    private static string WorkThen(ScriptLine line) => line.Work is null ? "" : line.Work + " = ";

    private static string ExtraLine(ScriptLine line, ReplyStyle style)
    {
        var value = ScriptBuilder.Text(line.Value!.Value);
        return style switch
        {
            ReplyStyle.NumberedWithWork => $"Step {line.Number}: {line.Name} = {value}",
            ReplyStyle.Markdown => $"- {line.Name} = {value}",
            ReplyStyle.NumberedVariables => $"{line.Number}. {line.Name} = {value}",
            _ => $"{line.Name} = {value}",
        };
    }

    private static string AnswerLine(Value? value, ReplyStyle style)
    {
        var text = value is { } v ? ScriptBuilder.Text(v) : "";
        return style switch
        {
            ReplyStyle.Tagged => $"<result>{text}</result>",
            ReplyStyle.Markdown => $"**Final answer:** {text}",
            _ => $"Final answer: {text}",
        };
    }

    // The statement as the user wrote it, without the semicolon; a hand-built program without source gets a C# rendering.
    private static string Statement(StepProgram program, Step step) =>
        step.SourceText.Length > 0
            ? step.SourceText.TrimEnd(';', ' ')
            : $"{step.Variable} = {ExprFormatter.ToCSharp(step.Expression, program)}";

    private static string? ClaimName(StepProgram program, ScriptLine line, ReplyStyle style)
    {
        if (line.Kind == ScriptLineKind.ExtraClaim || line.Step is null)
        {
            return line.Name;
        }

        var step = program.Steps[line.Step.Value];
        return style is ReplyStyle.Variables or ReplyStyle.NumberedVariables ? step.Variable : step.Name;
    }

    private static bool HasNumber(ReplyStyle style) => style is ReplyStyle.NumberedWithWork or ReplyStyle.NumberedVariables;

    private static bool ShowsWork(ReplyStyle style) => style is ReplyStyle.NumberedWithWork or ReplyStyle.Markdown or ReplyStyle.Variables;

    private static ParsedValue? ToParsed(Value? value) => value switch
    {
        null => null,
        { Kind: ValueKind.Int64 } v => ParsedValue.FromInt64(v.AsInt64),
        { } v => ParsedValue.FromDouble(v.AsDouble),
    };
}
