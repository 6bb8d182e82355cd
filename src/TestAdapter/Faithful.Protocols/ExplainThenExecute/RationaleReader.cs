using System.Text.RegularExpressions;
using Faithful.Model;
using Faithful.Traces.Prompts;
using Faithful.Traces.Results;

namespace Faithful.Protocols.ExplainThenExecute;

/// <summary>
/// Judges a rationale (<c>3. s3: reads s2, s1; computes s2 - s1</c>) step by step: which earlier values does the model
/// say each step reads, against the values it does read (by variable name; literals do not count). A line belongs to
/// the step it numbers, else to the next step in order. Never throws on any reply.
/// </summary>
public static partial class RationaleReader
{
    public static RationaleEvidence Judge(string reply, StepProgram program)
    {
        ArgumentNullException.ThrowIfNull(program);
        var known = program.Parameters.Select(p => p.Name).Concat(program.Steps.Select(s => s.Variable)).ToHashSet(StringComparer.Ordinal);
        var stated = new List<string>?[program.Steps.Count];
        var next = 0;
        foreach (var raw in (reply ?? "").Split('\n').Take(8192))
        {
            var line = raw.Replace("`", "", StringComparison.Ordinal).Replace("*", "", StringComparison.Ordinal);
            if (ReadsClause().Match(line) is not { Success: true } match)
            {
                continue;
            }

            var step = Number().Match(line) is { Success: true } n && int.TryParse(n.Groups[1].Value, out var number) && number >= 1 && number <= program.Steps.Count
                ? number - 1
                : next;
            if (step >= program.Steps.Count)
            {
                continue;
            }

            stated[step] = Names().Matches(match.Groups["reads"].Value).Select(m => m.Value).Where(known.Contains).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            next = step + 1;
        }

        var mismatches = new List<RationaleMismatch>();
        var correct = 0;
        for (var i = 0; i < program.Steps.Count; i++)
        {
            var expected = ExpectedReads(program, i);
            if (stated[i] is { } names && names.SequenceEqual(expected, StringComparer.Ordinal))
            {
                correct++;
            }
            else if (mismatches.Count < 50)
            {
                mismatches.Add(new RationaleMismatch(i, expected, stated[i]));
            }
        }

        return new RationaleEvidence(program.Steps.Count, stated.Count(s => s is not null), correct, mismatches);
    }

    /// <summary>The variable names a step reads, sorted.</summary>
    public static IReadOnlyList<string> ExpectedReads(StepProgram program, int step)
    {
        ArgumentNullException.ThrowIfNull(program);
        var slots = new List<int>();
        LookBack.CollectReads(program.Steps[step].Expression, slots);
        return slots.Select(s => StepDisplay.VariableOf(program, s)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    // "reads a, s2 and s1" up to the end of the clause (";", "computes", "to ", a full stop).
    [GeneratedRegex(@"\breads?\b:?\s*(?<reads>.*?)(?:;|\bcomputes?\b|\bto\b|\.\s|\.$|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReadsClause();

    [GeneratedRegex(@"^\s*(?:step\s+)?(\d+)\s*[.):]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Number();

    [GeneratedRegex(@"[A-Za-z_][A-Za-z0-9_]*", RegexOptions.CultureInvariant)]
    private static partial Regex Names();
}
