using System.Globalization;
using Faithful.Model;

namespace Faithful.Families;

/// <summary>
/// The study's family: a straight-line chain of <see cref="Length"/> steps over two inputs <c>a</c> and <c>b</c>.
/// <para>
/// <b>Look-back structure.</b> Step <c>i</c> (1-based, written <c>s{i}</c>) reads exactly two values:
/// <c>p</c>, the previous step <c>s{i-1}</c> (input <c>a</c> for step 1), and <c>q</c>, the step <see cref="Depth"/>
/// back, <c>s{i-d}</c>. Where that step does not exist (<c>i - d &lt; 1</c>) or <c>d = 1</c> (the step back would be
/// <c>p</c> itself), <c>q</c> is input <c>b</c>. So every step past the first <c>d</c> has a step-to-step
/// look-back of exactly <c>d</c> (and 1), and <see cref="LookBack.MaxDepth"/> of the program is <c>d</c>
/// (for <c>d ≤ 1</c>, 1) when the chain is longer than <c>d</c>.
/// </para>
/// <para>
/// <b>Operators.</b> Each step takes one form of <see cref="Mix"/>, combining <c>p</c> and <c>q</c> with a small literal
/// <c>k</c>: <c>long</c> literals are 2..9; <c>double</c> multipliers are 0.5, 1.5, 2, 2.5, 3, divisors 2 and 4, moduli 2..9.
/// </para>
/// <para>
/// <b>Small values by design.</b> The generator propagates each value's range over the whole input domain
/// (<c>[-InputBound, InputBound]</c>, declared on the parameters) and picks only forms whose result stays within
/// <c>[-Bound, Bound]</c>; doubles additionally stay multiples of 1/8 (inputs are sampled as multiples of 1/4),
/// so every value is exact in binary and short in decimal. When no form of the mix fits, the step takes the
/// reduction form <c>(p ± q) % 100</c>, which always fits. Steps therefore never fault and never lose precision.
/// </para>
/// </summary>
public sealed record ChainSpec(
    int Steps,
    int LookBackDepth,
    ValueKind Kind = ValueKind.Int64,
    OperatorMix Mix = OperatorMix.Mixed,
    ulong ProgramSeed = 0) : FamilySpec
{
    /// <summary>Largest magnitude any step may reach.</summary>
    public int Bound { get; init; } = 999;

    /// <summary>Inputs are declared <c>[Domain(-InputBound, InputBound)]</c>.</summary>
    public int InputBound { get; init; } = 20;

    /// <summary>The modulus of the fallback reduction form.</summary>
    public const int ReductionModulus = 100;

    /// <summary>Doubles stay multiples of <c>2^-MaxFractionBits</c> (1/8).</summary>
    public const int MaxFractionBits = 3;

    /// <summary>Sampled double inputs are multiples of <c>2^-InputFractionBits</c> (1/4), matching <see cref="InputSampler"/>'s default.</summary>
    public const int InputFractionBits = 2;

    public override string Family => "chain";

    public override int Length => Steps;

    public override int Depth => LookBackDepth;

    public override string Variant => $"{Kind.ToCSharpKeyword()}-{Mix.Label()}";

    public override ulong Seed => ProgramSeed;

    /// <summary>The method name: <c>Chain_L25_D3_Long_Mixed_S42</c>.</summary>
    public string ProgramName => string.Create(
        CultureInfo.InvariantCulture,
        $"Chain_L{Steps}_D{LookBackDepth}_{(Kind == ValueKind.Int64 ? "Long" : "Double")}_{Mix.Label().Replace("+", "", StringComparison.Ordinal)}_S{ProgramSeed}");

    public override StepProgram Generate() => ChainGenerator.Generate(this);

    public override string ToString() => FamilySpecText.Format(this);
}
