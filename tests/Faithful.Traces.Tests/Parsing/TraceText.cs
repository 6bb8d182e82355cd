using System.Text;
using Faithful.Traces.Parsing;

namespace Faithful.Traces.Tests.Parsing;

/// <summary>Compact, readable forms of a parse result, so a failing case shows the whole difference at once.</summary>
internal static class TraceText
{
    /// <summary>"s1=7 s2=21 | s1=8": claims in order, attempts separated by " | ", a step-number-only claim as "#3=42", no value as "?".</summary>
    public static string Claims(ParsedTrace trace)
    {
        var builder = new StringBuilder();
        var attempt = 0;
        foreach (var claim in trace.Claims)
        {
            if (builder.Length > 0)
            {
                builder.Append(claim.Attempt != attempt ? " | " : " ");
            }

            attempt = claim.Attempt;
            builder.Append(claim.Name ?? $"#{claim.StepNumber}").Append('=').Append(claim.Value?.Text ?? "?");
        }

        return builder.ToString();
    }

    /// <summary>"3,5": every answer's value in order, "?" for an answer without a readable value.</summary>
    public static string Answers(ParsedTrace trace) => string.Join(",", trace.Answers.Select(a => a.Value?.Text ?? "?"));
}
