using Faithful.Model;

namespace Faithful.Families;

/// <summary>One program of a <see cref="StudyGrid"/>: its cell coordinates, its spec and the program.</summary>
public sealed record GridProgram(FamilySpec Spec, int Replicate, StepProgram Program);

/// <summary>
/// The study's grid of generated programs: every length × look-back depth × variant, <see cref="ProgramsPerCell"/>
/// programs each, every program with its own seed derived from <see cref="Seed"/> and its coordinates (so adding a
/// length does not change the programs of the others). <see cref="Default"/> is the study's 11 lengths (5, 14, ..., 95)
/// × 5 depths on the mixed <c>long</c> chain; <see cref="Registers"/> is the register family's counterpart.
/// </summary>
public sealed record StudyGrid
{
    /// <summary>Step counts, e.g. 5..95.</summary>
    public required EquatableArray<int> Lengths { get; init; }

    /// <summary>Look-back depths for chains; register counts for register programs.</summary>
    public required EquatableArray<int> Depths { get; init; }

    /// <summary>Variants, each a template whose length, depth and seed the grid fills in.</summary>
    public required EquatableArray<GridVariant> Variants { get; init; }

    public int ProgramsPerCell { get; init; } = 1;

    public ulong Seed { get; init; }

    /// <summary>The study's 55 cells: lengths 5, 14, ..., 95 × depths 1..5, mixed <c>long</c> chains.</summary>
    public static StudyGrid Default { get; } = new()
    {
        Lengths = Enumerable.Range(0, 11).Select(i => 5 + (9 * i)).ToEquatableArray(),
        Depths = Enumerable.Range(1, 5).ToEquatableArray(),
        Variants = new[] { GridVariant.Chain(ValueKind.Int64, OperatorMix.Mixed) }.ToEquatableArray(),
    };

    /// <summary>Register programs: lengths 5, 14, ..., 95 × 3, 5 and 8 registers, one variable queried.</summary>
    public static StudyGrid Registers { get; } = new()
    {
        Lengths = Enumerable.Range(0, 11).Select(i => 5 + (9 * i)).ToEquatableArray(),
        Depths = new[] { 3, 5, 8 }.ToEquatableArray(),
        Variants = new[] { GridVariant.Register(RegisterQuery.OneVariable) }.ToEquatableArray(),
    };

    public int CellCount => Lengths.Count * Depths.Count * Variants.Count;

    public int ProgramCount => CellCount * ProgramsPerCell;

    /// <summary>The specs of every program, in a fixed order: variant, length, depth, replicate.</summary>
    /// <exception cref="ArgumentException">The grid is empty or has a length or depth below 1.</exception>
    public IEnumerable<(FamilySpec Spec, int Replicate)> Specs()
    {
        Validate();
        for (var v = 0; v < Variants.Count; v++)
        {
            foreach (var length in Lengths)
            {
                foreach (var depth in Depths)
                {
                    for (var r = 0; r < ProgramsPerCell; r++)
                    {
                        var seed = SplitMix64.Derive(Seed, v, length, depth, r);
                        yield return (Variants[v].Create(length, depth, seed), r);
                    }
                }
            }
        }
    }

    /// <summary>Generates every program of the grid.</summary>
    public IEnumerable<GridProgram> Programs() => Specs().Select(s => new GridProgram(s.Spec, s.Replicate, s.Spec.Generate()));

    private void Validate()
    {
        if (Lengths.Count == 0 || Depths.Count == 0 || Variants.Count == 0 || ProgramsPerCell < 1)
        {
            throw new ArgumentException($"A study grid needs at least one length, depth and variant and ProgramsPerCell >= 1; got {Lengths.Count} lengths, {Depths.Count} depths, {Variants.Count} variants, {ProgramsPerCell} per cell.");
        }

        if (Lengths.Any(l => l < 1) || Depths.Any(d => d < 1))
        {
            throw new ArgumentException($"Grid lengths and depths must be at least 1; got lengths {Lengths}, depths {Depths}.");
        }
    }
}

/// <summary>A variant of a <see cref="StudyGrid"/>: a family and its fixed options.</summary>
public sealed record GridVariant(string Family, ValueKind Kind, OperatorMix Mix, RegisterQuery Query, RegisterOps Ops)
{
    public static GridVariant Chain(ValueKind kind, OperatorMix mix = OperatorMix.Mixed) => new("chain", kind, mix, default, default);

    public static GridVariant Register(RegisterQuery query, RegisterOps ops = RegisterOps.All) => new("register", ValueKind.Int64, default, query, ops);

    /// <summary>The spec of one program: for chains <paramref name="depth"/> is the look-back depth, for registers the register count.</summary>
    public FamilySpec Create(int length, int depth, ulong seed) => Family == "register"
        ? new RegisterSpec(depth, length, Query, Ops, seed)
        : new ChainSpec(length, depth, Kind, Mix, seed);

    /// <summary>Reads <c>long</c>, <c>double</c>, <c>long-add+mul</c>, <c>register</c>, <c>register-sum</c>.</summary>
    /// <exception cref="FormatException">Not one of those forms; the message lists them.</exception>
    public static GridVariant Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        var head = dash < 0 ? text : text[..dash];
        var tail = dash < 0 ? null : text[(dash + 1)..];
        if (head == "register")
        {
            return tail switch
            {
                null or "one" => Register(RegisterQuery.OneVariable),
                "sum" => Register(RegisterQuery.Sum),
                _ => throw Unknown(text),
            };
        }

        if (ValueKindExtensions.TryParseKeyword(head, out var kind))
        {
            var mix = OperatorMix.Mixed;
            if (tail is not null && !OperatorMixText.TryParse(tail, out mix))
            {
                throw Unknown(text);
            }

            return Chain(kind, mix);
        }

        throw Unknown(text);
    }

    public override string ToString() => Family == "register"
        ? (Query == RegisterQuery.Sum ? "register-sum" : "register")
        : $"{Kind.ToCSharpKeyword()}-{Mix.Label()}";

    private static FormatException Unknown(string text) =>
        new($"Unknown grid variant '{text}'; use long, double, long-<mix> (mix: mixed or add, mul, div, mod joined by '+'), register or register-sum.");
}
