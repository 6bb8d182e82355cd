using Faithful.Analyzers.Extraction;
using Faithful.Model;

namespace Faithful.SourcePrograms.Limits;

/// <summary>
/// How much program text the reader accepts before it compiles anything. Program text may come from untrusted
/// transcripts, and Roslyn's parser and binder recurse on nesting: text past these limits is refused as a problem,
/// cheaply, instead of overflowing the stack or taking minutes. Documented in docs/transcripts.md.
/// </summary>
public sealed record ProgramReadLimits
{
    public static ProgramReadLimits Default { get; } = new();

    /// <summary>Longest text read, in characters.</summary>
    public int MaxSourceLength { get; init; } = 1 << 20;

    /// <summary>Deepest nesting of <c>( [ {</c>, counted on the raw text before parsing.</summary>
    public int MaxBracketDepth { get; init; } = 256;

    /// <summary>Most names and numbers one program may hold.</summary>
    public int MaxTerms { get; init; } = 50_000;

    /// <summary>
    /// Deepest operator nesting of one expression (parentheses do not count): the depth the evaluator accepts
    /// (<see cref="ProgramValidator.MaxExpressionDepth"/>), below the extractor's own limit, so that every program read
    /// can be evaluated.
    /// </summary>
    public int MaxExpressionDepth { get; init; } = ProgramValidator.MaxExpressionDepth;

    /// <summary>Deepest nesting of statements (blocks, loops, ifs).</summary>
    public int MaxStatementDepth { get; init; } = 32;

    /// <summary>Most statements one program may hold; it could not unroll to fewer steps than this anyway.</summary>
    public int MaxStatements { get; init; } = ProgramLimits.MaxSteps;

    /// <summary>Longest time spent reading one program (parsing, binding, extracting); past it the read is cancelled.</summary>
    public TimeSpan TimeBudget { get; init; } = TimeSpan.FromSeconds(10);
}
