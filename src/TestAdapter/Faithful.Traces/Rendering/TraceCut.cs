using Faithful.Model;
using Faithful.Traces.Parsing;

namespace Faithful.Traces.Rendering;

/// <summary>
/// A reply cut after its first k steps: the text before the first claim of a later step (answer lines taken out, so
/// the cut trace gives no answer away), and the text from there on. Claims are matched to steps in order, by step
/// name or variable (by number when a line gives no name), as a multi-turn protocol reads a turn.
/// </summary>
/// <param name="Prefix">The reply up to the cut, without its answer lines or trailing blank lines.</param>
/// <param name="Rest">The reply from the cut on (empty when no claim of a later step follows).</param>
/// <param name="CutLine">One-based line the rest starts at (one past the last line when there is no rest).</param>
public sealed record TraceCut(string Prefix, string Rest, int CutLine)
{
    /// <summary>Cuts <paramref name="reply"/> (parsed as <paramref name="parsed"/>) after <paramref name="steps"/> steps of <paramref name="program"/>.</summary>
    public static TraceCut After(StepProgram program, string reply, ParsedTrace parsed, int steps)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentNullException.ThrowIfNull(parsed);
        var lines = reply.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var cut = lines.Length + 1;
        foreach (var (step, line) in ClaimLines(program, parsed))
        {
            if (step >= steps)
            {
                cut = Math.Min(cut, line);
            }
        }

        var answerLines = parsed.Answers.Select(a => a.Line).ToHashSet();
        var kept = new List<string>();
        for (var line = 1; line < cut && line <= lines.Length; line++)
        {
            if (!answerLines.Contains(line))
            {
                kept.Add(lines[line - 1]);
            }
        }

        while (kept.Count > 0 && string.IsNullOrWhiteSpace(kept[^1]))
        {
            kept.RemoveAt(kept.Count - 1);
        }

        var rest = cut <= lines.Length ? string.Join("\n", lines[(cut - 1)..]) : "";
        return new TraceCut(string.Join("\n", kept), rest, cut);
    }

    /// <summary>The line of each step's first claim, matched in order (a step without a claim is left out).</summary>
    public static IEnumerable<(int Step, int Line)> ClaimLines(StepProgram program, ParsedTrace parsed)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(parsed);
        var claims = parsed.Claims;
        var next = 0;
        for (var step = 0; step < program.Steps.Count; step++)
        {
            for (var k = next; k < claims.Count; k++)
            {
                if (Names(program.Steps[step], claims[k]))
                {
                    yield return (step, claims[k].Line);
                    next = k + 1;
                    break;
                }
            }
        }
    }

    private static bool Names(Step step, ParsedClaim claim) =>
        claim.Name is { } name ? name == step.Name || name == step.Variable : claim.StepNumber == step.Number;
}
