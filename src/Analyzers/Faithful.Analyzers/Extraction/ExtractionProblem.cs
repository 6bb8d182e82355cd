namespace Faithful.Analyzers.Extraction;

/// <summary>
/// Why a method cannot be extracted. The numeric values are stable: diagnostics and tools key on them.
/// </summary>
public enum ProblemKind
{
    /// <summary>The method is not static, is generic, or has no body.</summary>
    UnsupportedMethodShape = 1,

    /// <summary>A parameter is not a by-value <c>long</c> or <c>double</c>.</summary>
    UnsupportedParameter = 2,

    /// <summary>The method does not return <c>long</c> or <c>double</c>.</summary>
    UnsupportedReturnType = 3,

    /// <summary>A statement other than a declaration, assignment, increment, constant <c>for</c> loop, <c>checked</c> block or final return.</summary>
    UnsupportedStatement = 4,

    /// <summary>An expression form the model cannot hold (calls, side effects, logical operators, ...).</summary>
    UnsupportedExpression = 5,

    /// <summary>A value or local of a type other than <c>long</c>/<c>double</c> (int only as a constant or shift count).</summary>
    UnsupportedType = 6,

    /// <summary>No final <c>return expr;</c>, or a return that is not the last statement.</summary>
    MissingOrMisplacedReturn = 7,

    /// <summary>A <c>for</c> loop whose bounds are not compile-time constants, or whose variable the body writes.</summary>
    NonConstantLoop = 8,

    /// <summary>An unrolled loop would produce too many steps.</summary>
    LoopTooLong = 9,

    /// <summary>A <c>[Distractor]</c> names no step of the program.</summary>
    UnknownDistractor = 10,

    /// <summary>The code does not compile; extraction needs a well-typed body.</summary>
    CompilationError = 11,

    /// <summary>A constant computation in a loop faults at compile time (division by zero, checked overflow).</summary>
    ConstantFault = 12,

    /// <summary>A <c>[Domain(min, max)]</c> that holds no value (min above max) or that a decimal cannot hold (NaN, ±1e308).</summary>
    InvalidDomain = 13,
}

/// <summary>One reason a program cannot be extracted, with where and what is supported instead.</summary>
internal sealed record ExtractionProblem(ProblemKind Kind, LocationInfo Location, string Message);
