using Faithful.Model;

namespace Faithful.Traces.Parsing;

/// <summary>
/// What the parser knows and how much it reads. With a program (<see cref="ForProgram"/>) it knows the names of
/// inputs, variables and steps, so prose words are never mistaken for names and a single-assignment step claimed
/// again with another value starts a new attempt.
/// </summary>
/// <param name="Answers">How final answers are marked.</param>
/// <param name="KnownNames">Input, variable and step names; null reads any letters-then-digits identifier as a name.</param>
/// <param name="SingleWriteNames">Names written exactly once (<c>s3</c>); a second, different value for one is a restart.</param>
/// <param name="MaxCharacters">Characters read; the rest is ignored and the trace marked truncated.</param>
/// <param name="MaxLines">Lines read; the rest is ignored and the trace marked truncated.</param>
/// <param name="MaxLineLength">Characters read per line; a longer line is cut and reported.</param>
/// <param name="MaxIssues">Issues listed; further ones are counted in one closing issue.</param>
public sealed record TraceParserOptions(
    AnswerExtraction Answers,
    EquatableArray<string>? KnownNames = null,
    EquatableArray<string> SingleWriteNames = default,
    int MaxCharacters = 256 * 1024,
    int MaxLines = 8192,
    int MaxLineLength = 2048,
    int MaxIssues = 200)
{
    public static TraceParserOptions Default { get; } = new(AnswerExtraction.Default);

    /// <summary>Options for replies to <paramref name="program"/>, with the given answer settings (default: every built-in style).</summary>
    public static TraceParserOptions ForProgram(StepProgram program, AnswerExtraction? answers = null)
    {
        ArgumentNullException.ThrowIfNull(program);
        var known = new List<string>();
        known.AddRange(program.Parameters.Select(p => p.Name));
        foreach (var step in program.Steps)
        {
            known.Add(step.Variable);
            known.Add(step.Name);
        }

        var single = program.Steps.Where(s => s.Name == s.Variable).Select(s => s.Name);
        return new TraceParserOptions(
            answers ?? AnswerExtraction.Default,
            known.Distinct(StringComparer.Ordinal).ToEquatableArray(),
            single.ToEquatableArray());
    }
}
