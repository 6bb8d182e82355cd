using System.Text.RegularExpressions;
using Faithful.Model;
using Faithful.Traces.Parsing.Reading;

namespace Faithful.Traces.Parsing;

/// <summary>
/// Reads a model's reply into a <see cref="ParsedTrace"/>: the intermediate values it claims, in order, with the
/// work shown; its final answers (first and last kept); restarts; and what it could not read. Handles chatter,
/// markdown (bold, bullets, numbered lists, tables), LaTeX, code fences and comments, thousands separators,
/// unicode minus, <c>= : -> =></c> variants, variable-named (register) replies and prose.
/// Never throws; reads at most <see cref="TraceParserOptions.MaxCharacters"/> characters in time linear in them.
/// </summary>
public static class TraceParser
{
    /// <summary>Parses a reply with no program in mind (any letters-then-digits identifier is a name).</summary>
    public static ParsedTrace Parse(string? reply) => Parse(reply, TraceParserOptions.Default);

    /// <summary>Parses a reply to <paramref name="program"/>, knowing its names.</summary>
    public static ParsedTrace Parse(string? reply, StepProgram program, AnswerExtraction? answers = null) =>
        Parse(reply, TraceParserOptions.ForProgram(program, answers));

    public static ParsedTrace Parse(string? reply, TraceParserOptions? options)
    {
        options ??= TraceParserOptions.Default;
        if (string.IsNullOrEmpty(reply))
        {
            return ParsedTrace.Empty;
        }

        Regex? pattern;
        try
        {
            pattern = options.Answers.CompilePattern();
        }
        catch (ArgumentException error)
        {
            var issue = new ParseIssue(0, "", error.Message);
            return ParsedTrace.Empty with { Issues = new[] { issue }.ToEquatableArray() };
        }

        try
        {
            return new ParseRun(reply, options, pattern).Run();
        }
#pragma warning disable CA1031 // The parser's contract is to never throw on model output; a bug becomes a reported issue.
        catch (Exception error) when (error is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            var issue = new ParseIssue(0, "", $"internal parser error ({error.GetType().Name}: {error.Message}); please report this reply");
            return ParsedTrace.Empty with { Issues = new[] { issue }.ToEquatableArray() };
        }
    }
}
