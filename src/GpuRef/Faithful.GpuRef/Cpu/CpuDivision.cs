using System.Runtime.CompilerServices;

namespace Faithful.GpuRef.Cpu;

/// <summary>
/// Long division for compiled programs, kept out of line so the JIT never specialises it on a constant
/// divisor. In one generated program (3 of 8·10^6 checked pairs) .NET 10.0.12's JIT computed
/// <c>long.MinValue / long.MinValue</c> as -1 inside an expression-tree delegate where the divisor was the
/// constant <c>long.MinValue</c>; the reference evaluator, dividing at run time, gives 1.
/// </summary>
public static class CpuDivision
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static long Divide(long left, long right) => left / right;

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static long Remainder(long left, long right) => left % right;
}
