using System.Globalization;
using System.Text.Json.Serialization;
using Faithful.Model;

namespace Faithful.Traces.Parsing;

/// <summary>A number as a model wrote it: the text, and its integer and real readings.</summary>
/// <param name="Text">The number as written, after removing separators and markup (e.g. <c>-1234.5</c>).</param>
/// <param name="Int64">The exact integer when the text is one and fits a long, else null.</param>
/// <param name="Real">The real value (for integers too).</param>
public readonly record struct ParsedValue(string Text, long? Int64, double Real)
{
    public static ParsedValue FromInt64(long value) => new(value.ToString(CultureInfo.InvariantCulture), value, value);

    public static ParsedValue FromDouble(double value) => new(value.ToString("R", CultureInfo.InvariantCulture), null, value);

    /// <summary>Whether this reading equals the ground-truth value (integers exactly; doubles to the printed precision).</summary>
    public bool Matches(Value expected) => expected.Kind == ValueKind.Int64
        ? Int64 == expected.AsInt64
        : DoubleMatches(expected.AsDouble);

    private bool DoubleMatches(double expected)
    {
        if (double.IsNaN(expected) || double.IsNaN(Real))
        {
            return double.IsNaN(expected) && double.IsNaN(Real);
        }

        if (Real == expected || Math.Abs(Real - expected) <= Math.Abs(expected) * 1e-9)
        {
            return true;
        }

        // A model prints a rounded decimal: accept it when ground truth rounds to what was printed.
        var dot = Text.IndexOf('.', StringComparison.Ordinal);
        var decimals = dot < 0 ? 0 : Text.Length - dot - 1;
        return decimals >= 2 && Math.Abs(Real - expected) <= 0.5 * Math.Pow(10, -Math.Min(decimals, 15));
    }

    public override string ToString() => Text;
}

/// <summary>
/// One value a reply states for a step or variable, typed by what it does (<see cref="Kind"/>): an execution
/// (<c>s3 = 42</c>, <c>a3 -= a2 -> a3 = 9</c>, <c>Step 3: ... = 42</c>), a no-change execution, an input echo, a state
/// snapshot or a closing readout. Only executions carry out steps; the others are observations of the values the reply holds.
/// </summary>
/// <param name="Line">One-based line in the reply.</param>
/// <param name="Attempt">Zero-based attempt; a restart ("let me redo this") begins the next attempt.</param>
/// <param name="Name">The step or variable name as written (e.g. <c>s3</c>, <c>a3</c>), or null when only a number is given.</param>
/// <param name="StepNumber">The step number when the line gives one (<c>Step 3:</c>, <c>3.</c>), else null.</param>
/// <param name="Value">The claimed value, or null when the line names a step but gives no readable value.</param>
/// <param name="Work">The computation shown before the value (<c>2 - (-7)</c>), or null when the value stands alone.</param>
/// <param name="Text">The line as written (bounded in length).</param>
public sealed record ParsedClaim(
    int Line,
    int Attempt,
    string? Name,
    int? StepNumber,
    ParsedValue? Value,
    string? Work,
    string Text)
{
    /// <summary>What the statement does; <see cref="ReadingKind.Execution"/> unless the reader saw otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public ReadingKind Kind { get; init; } = ReadingKind.Execution;

    /// <summary>
    /// A loop summary ("after the loop n_0 = -7", "n_1 remains 0 in every iteration") or a merged chain: it claims only the
    /// value it states, for the last write of its loop, and says nothing of the writes before it.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Shortcut { get; init; }

    /// <summary>An observation (snapshot or readout) whose value differs from the value the reply itself last gave the variable.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Contradicts { get; init; }

    /// <summary>
    /// A bare entry (<c>n_0 = 1</c>) that repeats the value the reply already holds for the variable: it executes a step
    /// only where that step leaves the value unchanged, otherwise it restates.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Repeats { get; init; }

    /// <summary>Whether the statement carries out a step (an execution or a no-change execution).</summary>
    public bool Executes => Kind is ReadingKind.Execution or ReadingKind.NoChangeExecution;
}

/// <summary>How a final answer was marked.</summary>
public enum AnswerStyle
{
    FinalAnswerLine,
    ResultTag,
    Boxed,
    Hashes,
    CustomPattern,

    /// <summary>A sentence that states the result: "the output of the function is -5", "the function returns 8", <c>sum([7, 1]) = 8</c>.</summary>
    Prose,
}

/// <summary>A final answer the reply gives. Empty or non-numeric answers have a null <see cref="Value"/>.</summary>
public sealed record ParsedAnswer(int Line, ParsedValue? Value, AnswerStyle Style, string Text)
{
    /// <summary>The computation shown before the value (<c>7 + 1</c> in <c>sum([7, 1]) = 7 + 1 = 8</c>), or null.</summary>
    public string? Work { get; init; }
}

/// <summary>One typed reading of a line, in reply order: what the reader took the line (or a span of it) to be.</summary>
public readonly record struct ParsedReading(int Line, ReadingKind Kind);

/// <summary>Something the parser saw but could not read, reported instead of thrown.</summary>
public sealed record ParseIssue(int Line, string Text, string Reason);

/// <summary>
/// What a reply says, in order: the claimed intermediate values, the final answers (first and last kept),
/// and what could not be read. Produced for any input; never throws.
/// </summary>
public sealed record ParsedTrace(
    EquatableArray<ParsedClaim> Claims,
    EquatableArray<ParsedAnswer> Answers,
    EquatableArray<ParseIssue> Issues,
    int Attempts,
    int LineCount,
    bool Truncated)
{
    public static ParsedTrace Empty { get; } = new(
        EquatableArray<ParsedClaim>.Empty,
        EquatableArray<ParsedAnswer>.Empty,
        EquatableArray<ParseIssue>.Empty,
        0,
        0,
        false);

    /// <summary>
    /// Statements the reply restates without a value (<c>a3 -= a2;</c>, <c>s3 = s2 - s1</c> never completed): a re-print
    /// of the code executes nothing. Each is also listed in <see cref="Issues"/>.
    /// </summary>
    public int StatementsWithoutValues { get; init; }

    /// <summary>Every reading of the reply in order, one per span of each non-empty line (chatter included).</summary>
    public EquatableArray<ParsedReading> Readings { get; init; } = EquatableArray<ParsedReading>.Empty;

    /// <summary>The claims that carry out steps (executions and no-change executions), in reply order.</summary>
    public IEnumerable<ParsedClaim> Executions => Claims.Where(c => c.Executes);

    public ParsedAnswer? FirstAnswer => Answers.Count > 0 ? Answers[0] : null;

    public ParsedAnswer? LastAnswer => Answers.Count > 0 ? Answers[^1] : null;
}
