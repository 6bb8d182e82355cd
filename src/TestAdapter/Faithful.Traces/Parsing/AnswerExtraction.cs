using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Faithful.Model;

namespace Faithful.Traces.Parsing;

/// <summary>
/// How a suite marks final answers: which of the built-in styles count, an optional user pattern, and what the
/// prompt itself showed as example answers (an answer echoed from the prompt does not count).
/// </summary>
/// <param name="Styles">The answer styles that count, e.g. only <see cref="AnswerStyle.ResultTag"/> for a strict suite.</param>
/// <param name="CustomPattern">
/// A .NET regular expression matched against each line (with <see cref="AnswerStyle.CustomPattern"/> in <paramref name="Styles"/>);
/// the named group <c>answer</c>, else group 1, else the whole match holds the answer.
/// </param>
/// <param name="ResultTag">The tag name of <see cref="AnswerStyle.ResultTag"/> answers: <c>result</c> reads <c>&lt;result&gt;42&lt;/result&gt;</c>.</param>
/// <param name="ExampleAnswers">Answer texts shown as examples (e.g. <c>&lt;result&gt;17&lt;/result&gt;</c> or <c>17</c>); a reply that echoes one does not answer.</param>
public sealed record AnswerExtraction(
    EquatableArray<AnswerStyle> Styles,
    string? CustomPattern = null,
    string ResultTag = "result",
    EquatableArray<string> ExampleAnswers = default)
{
    /// <summary>Every built-in style: final-answer lines, result tags, <c>\boxed{}</c>, <c>####</c> and answers stated in prose.</summary>
    public static AnswerExtraction Default { get; } = new(
        new[] { AnswerStyle.FinalAnswerLine, AnswerStyle.ResultTag, AnswerStyle.Boxed, AnswerStyle.Hashes, AnswerStyle.Prose }.ToEquatableArray());

    /// <summary>Only the user's pattern counts.</summary>
    /// <exception cref="ArgumentException">The pattern is not a valid regular expression; the message says where.</exception>
    public static AnswerExtraction FromPattern(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var extraction = new AnswerExtraction(new[] { AnswerStyle.CustomPattern }.ToEquatableArray(), pattern);
        _ = extraction.CompilePattern();
        return extraction;
    }

    /// <summary>
    /// The one input the prompt asks about ("for n=3"), when it names one: answers a reply gives for another value of
    /// it ("for n=4", "f(4) = ...") answer another question and do not count.
    /// </summary>
    public AskedInput? Asked { get; init; }

    public bool Allows(AnswerStyle style) => Styles.AsSpan().Contains(style);

    /// <summary>
    /// These settings, with the answers that <paramref name="promptText"/> shows taken as examples, and the input it
    /// asks about (<see cref="Asked"/>) when it names exactly one.
    /// </summary>
    public AnswerExtraction WithExamplesFrom(string promptText)
    {
        var found = AnswerReader.ExampleAnswerTexts(promptText ?? "", this);
        return this with
        {
            ExampleAnswers = ExampleAnswers.Concat(found).Distinct(StringComparer.Ordinal).ToEquatableArray(),
            Asked = AskedInput.Find(promptText ?? "") ?? Asked,
        };
    }

    /// <summary>
    /// The user pattern, compiled linear-time (<see cref="RegexOptions.NonBacktracking"/>) when its constructs allow,
    /// else with a match timeout; null when there is none.
    /// </summary>
    /// <exception cref="ArgumentException">The pattern does not parse; the message names the problem.</exception>
    public Regex? CompilePattern()
    {
        if (string.IsNullOrEmpty(CustomPattern))
        {
            return null;
        }

        // Building a linear-time matcher costs milliseconds; suites reuse a handful of patterns.
        if (CompiledPatterns.TryGetValue(CustomPattern, out var cached))
        {
            return cached;
        }

        var compiled = Compile(CustomPattern);
        if (CompiledPatterns.Count < 256)
        {
            CompiledPatterns.TryAdd(CustomPattern, compiled);
        }

        return compiled;
    }

    private static readonly ConcurrentDictionary<string, Regex> CompiledPatterns = new(StringComparer.Ordinal);

    private static Regex Compile(string pattern)
    {
        try
        {
            return new Regex(pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, TimeSpan.FromMilliseconds(200));
        }
        catch (NotSupportedException)
        {
            // Lookarounds and backreferences need the backtracking engine; the timeout bounds it.
        }
        catch (ArgumentException error)
        {
            throw new ArgumentException($"The answer pattern '{pattern}' is not a valid regular expression: {error.Message}. Fix the pattern in the suite's answer extraction settings.", nameof(pattern), error);
        }

        return new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, TimeSpan.FromMilliseconds(200));
    }
}
