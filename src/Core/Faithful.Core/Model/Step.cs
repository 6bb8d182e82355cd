namespace Faithful.Model;

/// <summary>
/// One executed assignment of a reference program. It writes version <see cref="Version"/> of
/// <see cref="Variable"/> (a fresh <c>var s3 = ...</c> writes version 1; <c>a3 += a2</c> on an input writes the next version).
/// </summary>
/// <param name="Index">Zero-based position in execution order; the step's value lives in slot <c>P + Index</c>.</param>
/// <param name="Name">The step's identifier in traces and reports: the variable name when it is written once, else <c>a3#2</c>.</param>
/// <param name="Variable">The C# variable the step writes.</param>
/// <param name="Version">Which write of <see cref="Variable"/> this is (inputs are version 0).</param>
/// <param name="Kind">The step's value kind.</param>
/// <param name="Expression">What the step computes, with reads resolved to slots.</param>
/// <param name="SourceText">The statement as written in the source, e.g. <c>a3 += a2;</c>.</param>
/// <param name="Line">One-based source line, or 0 when the program was not read from source.</param>
/// <param name="IsDistractor">Marked intentional with <see cref="DistractorAttribute"/>: computed but never read.</param>
public sealed record Step(
    int Index,
    string Name,
    string Variable,
    int Version,
    ValueKind Kind,
    Expr Expression,
    string SourceText,
    int Line,
    bool IsDistractor = false)
{
    /// <summary>One-based number, as steps are shown to models and people.</summary>
    public int Number => Index + 1;
}
