using System.Globalization;
using Faithful.Traces.Results;

namespace Faithful.Reports.Dependence;

/// <summary>A trace-dependence result's evidence in a line, for its drill-down (the caller escapes it).</summary>
internal static class DependenceDrillDown
{
    public static string Line(DependenceEvidence d)
    {
        var own = $"own answer {d.OwnAnswer?.ToString() ?? "none"} ({(d.OwnAnswerRight ? "right" : "wrong")})";
        var answer = $"answer {d.Answer?.ToString() ?? "none"} ({(d.AnswerRight ? "right" : "wrong")})";
        var shown = string.Create(CultureInfo.InvariantCulture, $"{d.ShownSteps} step(s) shown as {d.Placement} text");
        if (d.Alteration is { } a)
        {
            return string.Create(
                CultureInfo.InvariantCulture,
                $": {shown}, step {a.StepIndex + 1} altered from {a.TrueValue} to {a.AlteredValue}; the altered state leads to {a.CounterfactualAnswer?.ToString() ?? "a fault"}, the true one to {a.TrueAnswer}; {answer}: {d.Outcome}; continued steps right {d.ContinuedRight}/{d.ContinuedSteps}; {own}.");
        }

        if (d.FillerChars is { } filler)
        {
            return string.Create(CultureInfo.InvariantCulture, $": the trace replaced by {filler} characters of filler; {answer}; {own}.");
        }

        var kept = d.AnswerKept is { } k ? (k ? "; own answer kept" : "; own answer changed") : "";
        return string.Create(CultureInfo.InvariantCulture, $": {shown}{(d.ShownStyle is { } style && style != d.OwnStyle ? $" (rewritten as {style})" : "")}{(d.ShownRight is { } right ? right ? ", all right" : ", not all right" : "")}; {answer}{kept}; {own}.");
    }
}
