using System.Text;
using Faithful.Execution;
using Faithful.Traces.Parsing;

namespace Faithful.Traces.Prompts;

/// <summary>
/// The reply a perfectly faithful model gives to a process-aware prompt: one <c>variable = value</c> line per
/// executed step and the final-answer line in the template's answer style. Used by round-trip tests and as the
/// starting point of simulated replies.
/// </summary>
public static class ExpectedReply
{
    public static string For(Trace trace, AnswerExtraction? answers = null)
    {
        ArgumentNullException.ThrowIfNull(trace);
        var builder = new StringBuilder();
        var steps = trace.Program.Steps;
        for (var i = 0; i < trace.StepValues.Count; i++)
        {
            builder.Append(steps[i].Variable).Append(" = ").Append(trace.StepValues[i].ToString()).Append('\n');
        }

        if (trace.Answer is { } answer)
        {
            builder.Append(AnswerLine(answer.ToString(), answers ?? AnswerExtraction.Default));
        }

        return builder.ToString();
    }

    /// <summary>The final-answer line for a value in the first style the settings allow.</summary>
    public static string AnswerLine(string value, AnswerExtraction answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        if (answers.Allows(AnswerStyle.FinalAnswerLine))
        {
            return $"Final answer: {value}";
        }

        if (answers.Allows(AnswerStyle.ResultTag))
        {
            return $"<{answers.ResultTag}>{value}</{answers.ResultTag}>";
        }

        if (answers.Allows(AnswerStyle.Boxed))
        {
            return $"\\boxed{{{value}}}";
        }

        return answers.Allows(AnswerStyle.Hashes) ? $"#### {value}" : $"Final answer: {value}";
    }
}
