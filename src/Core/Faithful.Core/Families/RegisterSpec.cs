using System.Globalization;
using Faithful.Model;

namespace Faithful.Families;

/// <summary>What a register program returns.</summary>
public enum RegisterQuery
{
    /// <summary>One register, drawn from the seed among those written at least once.</summary>
    OneVariable,

    /// <summary>The sum of all registers: <c>a0 + a1 + ...</c>.</summary>
    Sum,
}

/// <summary>Which compound assignments a <see cref="RegisterSpec"/> program may use.</summary>
[Flags]
public enum RegisterOps
{
    /// <summary><c>+= -= *=</c> by another register.</summary>
    Arithmetic = 1,

    /// <summary><c>&amp;= |= ^=</c> by another register.</summary>
    Bitwise = 2,

    /// <summary><c>&lt;&lt;= &gt;&gt;=</c> by a literal count 1..3.</summary>
    Shift = 4,

    /// <summary><c>=</c>: copy another register.</summary>
    Copy = 8,

    /// <summary><c>/= %=</c> by a literal 2..9 (never zero).</summary>
    Divide = 16,

    /// <summary><c>++ --</c>.</summary>
    Increment = 32,

    All = Arithmetic | Bitwise | Shift | Copy | Divide | Increment,
}

/// <summary>
/// The register family (code-simulation style): <see cref="Registers"/> <c>long</c> parameters <c>a0..a{k-1}</c>,
/// declared <c>[Domain(0, InputBound)]</c>, mutated by <see cref="Steps"/> statements such as <c>a2 -= a3;</c>,
/// <c>a1 = a0;</c>, <c>a0 &lt;&lt;= 2;</c>, <c>a3 /= 4;</c>, <c>a1 %= 7;</c>, <c>a2++;</c>. Each statement reads its target's
/// latest value and one other register's (or a literal: a shift count, a non-zero divisor, the 1 of <c>++</c>/<c>--</c>) and writes the target's next version, named <c>a2#1</c>, <c>a2#2</c>, ... (SSA).
/// <para>
/// <b>Small values by design:</b> the generator propagates every register's range over the input domain and uses only
/// statements whose result stays within <c>[-Bound-1, Bound]</c> (default 11-bit two's complement); when no drawn statement
/// fits, it copies another register, which always fits. Nothing can fault.
/// </para>
/// </summary>
public sealed record RegisterSpec(
    int Registers,
    int Steps,
    RegisterQuery Query = RegisterQuery.OneVariable,
    RegisterOps Ops = RegisterOps.All,
    ulong ProgramSeed = 0) : FamilySpec
{
    public int Bound { get; init; } = 1023;

    public int InputBound { get; init; } = 20;

    public override string Family => "register";

    public override int Length => Steps;

    /// <summary>Register programs have no fixed depth; results group by register count instead.</summary>
    public override int Depth => Registers;

    public override string Variant => $"k{Registers}-{(Query == RegisterQuery.Sum ? "sum" : "one")}";

    public override ulong Seed => ProgramSeed;

    public string ProgramName => string.Create(
        CultureInfo.InvariantCulture,
        $"Registers_K{Registers}_L{Steps}_{(Query == RegisterQuery.Sum ? "Sum" : "One")}_S{ProgramSeed}");

    public override StepProgram Generate() => RegisterGenerator.Generate(this);

    public override string ToString() => FamilySpecText.Format(this);
}
