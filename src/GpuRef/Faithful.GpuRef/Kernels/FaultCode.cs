namespace Faithful.GpuRef.Kernels;

/// <summary>The per-pair fault code the kernel and the compiled CPU backend write (0 = no fault).</summary>
public static class FaultCode
{
    public const int None = 0;
    public const int DivideByZero = 1;
    public const int Overflow = 2;
    public const int NotFinite = 3;
    /// <summary>Set by the host, never by a kernel: the pair was not evaluated.</summary>
    public const int InputOutOfDomain = 4;
}
