namespace Faithful.Model;

/// <summary>
/// The size limits of one reference program, defined once for every tool: the analyzers and the generator (which
/// compile this file in), the source reader, the reference evaluator and GpuRef's bytecode accept the same programs.
/// </summary>
public static class ProgramLimits
{
    /// <summary>
    /// Steps after loops are unrolled. Public code-simulation corpora hold loop programs up to 10,000 unrolled steps
    /// (the codesim loop logs), and imported transcripts of them must be scored, not refused; every step is one cell of
    /// GpuRef's per-pair trace row.
    /// </summary>
    public const int MaxSteps = 10_000;

    /// <summary>
    /// Levels of one step's expression tree. Far beyond anything a person writes; it bounds the recursion of every
    /// tool that walks expressions (the compiler's lowering, the evaluator, the formatter) well within the stack.
    /// </summary>
    public const int MaxExpressionDepth = 200;
}
