using Faithful.Model;

namespace Faithful.GpuRef.Bytecode;

/// <summary>
/// The documented limits of one compiled program. The study's programs (5–95 steps, small expressions)
/// sit far inside them; a program beyond any of them is rejected with a <see cref="BytecodeLimitException"/>.
/// </summary>
public static class BytecodeLimits
{
    /// <summary>Steps per program (each writes one trace cell): <see cref="ProgramLimits.MaxSteps"/>, the limit every Faithful tool shares.</summary>
    public const int MaxSteps = ProgramLimits.MaxSteps;

    /// <summary>Inputs per program.</summary>
    public const int MaxParameters = 256;

    /// <summary>
    /// Evaluation stack depth. The kernel keeps the stack in a fixed per-thread local array of this size,
    /// so it must be a compile-time constant.
    /// </summary>
    public const int MaxStackDepth = 16;

    /// <summary>Distinct constants per program: enough for a program at the step limit with a new literal in every step.</summary>
    public const int MaxConstants = 4 * MaxSteps;

    /// <summary>Instructions per program (all steps and the answer together): room for small expressions in every step.</summary>
    public const int MaxInstructions = 32 * MaxSteps;
}
