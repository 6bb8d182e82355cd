namespace Faithful.Analyzers.Arithmetic;

/// <summary>What can go wrong in a long step.</summary>
[Flags]
internal enum StepHazard
{
    None = 0,
    DivideByZero = 1,
    Overflow = 2,
}
