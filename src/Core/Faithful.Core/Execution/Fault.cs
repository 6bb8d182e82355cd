using Faithful.Model;

namespace Faithful.Execution;

/// <summary>Why a program could not run to its answer on given inputs.</summary>
public enum FaultKind
{
    /// <summary>Integer <c>/</c> or <c>%</c> by zero (C# throws DivideByZeroException).</summary>
    DivideByZero,

    /// <summary><c>long.MinValue / -1</c>, <c>Math.Abs(long.MinValue)</c>, or overflow in a checked context (C# throws OverflowException).</summary>
    Overflow,

    /// <summary>A double step produced NaN or an infinity and the program does not allow it.</summary>
    NotFinite,

    /// <summary>An input lies outside its declared <see cref="Domain"/>.</summary>
    InputOutOfDomain,
}

/// <summary>
/// A typed fault naming where it happened. <see cref="StepIndex"/> is the faulting step,
/// <c>Steps.Count</c> for the answer expression, or -1 for an input.
/// </summary>
public sealed record Fault(FaultKind Kind, int StepIndex, string Location, string Message)
{
    public override string ToString() => $"{Kind} at {Location}: {Message}";
}
