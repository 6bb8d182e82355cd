using System.Globalization;
using Faithful.Execution;
using Faithful.Families;
using Faithful.Model;

namespace Faithful.Protocols.Metamorphic;

/// <summary>An equivalent variant of a case: the variant program, the inputs to send, and what was changed.</summary>
public sealed record ProgramVariant(string Name, StepProgram Program, EquatableArray<Value> Inputs, string Description);

/// <summary>
/// Equivalent variants of a program with the same dependency shape, for the <c>metamorphic</c> protocol:
/// <list type="bullet">
/// <item><c>original</c>: the case as it is.</item>
/// <item><c>renamed</c>: every input and variable gets a fresh, patternless name (<c>k7</c>, <c>m3</c>).</item>
/// <item><c>reordered</c>: adjacent independent steps swapped (only programs that have such steps; chains do not).</item>
/// <item><c>shifted</c>: other inputs and other small constants, same operators and reads (every value stays as small).</item>
/// <item><c>scheme</c>: names from another scheme, <c>v1, v2, …</c> in order of appearance, so step numbers no longer show in names.</item>
/// </list>
/// Each variant is a function of the program, the inputs and the variant's name; one that does not apply gives null.
/// </summary>
public static class ProgramVariants
{
    public const string Original = "original";
    public const string Renamed = "renamed";
    public const string Reordered = "reordered";
    public const string Shifted = "shifted";
    public const string Scheme = "scheme";

    public static IReadOnlyList<string> All { get; } = [Original, Renamed, Reordered, Shifted, Scheme];

    private const string Letters = "cdfghjkmnpqrtuvwxyz";

    /// <summary>The variant, or null when it does not apply to this program (nothing independent to reorder, ...).</summary>
    public static ProgramVariant? Create(StepProgram program, IReadOnlyList<Value> inputs, string variant)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(inputs);
        // Renamings and reorderings depend on the program alone, so every case of a program shares one variant program
        // (one id, one program); a shift depends on the inputs too and names its program after them.
        var seed = Seed(program, variant == Shifted ? string.Join(",", inputs) : "", variant);
        try
        {
            return variant switch
            {
                Original => new ProgramVariant(Original, program, inputs.ToEquatableArray(), "the case as it is"),
                Renamed => Rename(program, inputs, FreshNames(program, seed), Renamed, "inputs and variables renamed"),
                Scheme => Rename(program, inputs, SchemeNames(program), Scheme, "names from another scheme (v1, v2, ... in order of appearance)"),
                Reordered => Reorder(program, inputs, seed),
                Shifted => Shift(program, inputs, seed),
                _ => throw new ArgumentException($"'{variant}' is not a metamorphic variant; use {string.Join(", ", All)}.", nameof(variant)),
            };
        }
        catch (InvalidOperationException)
        {
            // The variant cannot be written as straight-line C# (or sampled): it does not apply.
            return null;
        }
    }

    private static ProgramVariant? Rename(StepProgram program, IReadOnlyList<Value> inputs, Dictionary<string, string> names, string variant, string what)
    {
        var parameters = program.Parameters.Select(p => p with { Name = names[p.Name] }).ToEquatableArray();
        var steps = program.Steps.Select(s =>
        {
            var variable = names[s.Variable];
            var versioned = s.Name != s.Variable;
            return s with { Variable = variable, Name = versioned ? $"{variable}#{s.Version}" : variable, SourceText = "" };
        }).ToEquatableArray();
        var renamed = Annotate(program with { Name = VariantName(program, variant), Parameters = parameters, Steps = steps });
        var map = string.Join(", ", names.Where(n => n.Key != n.Value).Take(8).Select(n => $"{n.Key}→{n.Value}"));
        return new ProgramVariant(variant, renamed, inputs.ToEquatableArray(), $"{what}: {map}{(names.Count > 8 ? ", …" : "")}");
    }

    private static ProgramVariant? Reorder(StepProgram program, IReadOnlyList<Value> inputs, ulong seed)
    {
        var random = new SplitMix64(seed);
        var order = Enumerable.Range(0, program.Steps.Count).ToArray();
        var swaps = new List<int>();
        for (var i = 0; i + 1 < order.Length; i++)
        {
            if (Independent(program, order[i], order[i + 1]) && (random.Chance(0.5) || (swaps.Count == 0 && !AnyIndependentAfter(program, order, i + 1))))
            {
                (order[i], order[i + 1]) = (order[i + 1], order[i]);
                swaps.Add(i);
                i++;
            }
        }

        if (swaps.Count == 0)
        {
            return null;
        }

        // Step k of the variant is step order[k] of the program; slots follow their steps.
        var parameterCount = program.Parameters.Count;
        var newSlot = new int[program.SlotCount];
        for (var p = 0; p < parameterCount; p++)
        {
            newSlot[p] = p;
        }

        for (var k = 0; k < order.Length; k++)
        {
            newSlot[parameterCount + order[k]] = parameterCount + k;
        }

        var steps = order.Select((old, k) => program.Steps[old] with { Index = k, Expression = Remap(program.Steps[old].Expression, newSlot), SourceText = "" }).ToEquatableArray();
        var reordered = Annotate(program with { Name = VariantName(program, Reordered), Steps = steps, Result = Remap(program.Result, newSlot) });
        var before = ReferenceEvaluator.Evaluate(program, inputs);
        var after = ReferenceEvaluator.Evaluate(reordered, inputs);
        if (after.Fault is not null || after.Answer != before.Answer)
        {
            return null;
        }

        var described = string.Join(", ", swaps.Take(8).Select(i => string.Create(CultureInfo.InvariantCulture, $"steps {i + 1}↔{i + 2}")));
        return new ProgramVariant(Reordered, reordered, inputs.ToEquatableArray(), $"independent steps swapped: {described}{(swaps.Count > 8 ? ", …" : "")}");
    }

    private static ProgramVariant? Shift(StepProgram program, IReadOnlyList<Value> inputs, ulong seed)
    {
        var original = ReferenceEvaluator.Evaluate(program, inputs);
        var bound = Math.Max(999, original.StepValues.Select(v => Math.Abs(v.ToDouble())).DefaultIfEmpty(0).Max());
        var random = new SplitMix64(seed);
        var newInputs = Sampled(program, inputs, seed);
        for (var attempt = 0; attempt < 25; attempt++)
        {
            var changed = 0;
            var steps = program.Steps.Select(s => s with { Expression = ShiftConstants(s.Expression, ref random, ref changed), SourceText = "" }).ToEquatableArray();
            var candidate = program with { Name = ShiftedName(program, seed), Steps = steps };
            if (Acceptable(candidate, newInputs, bound))
            {
                return new ProgramVariant(Shifted, Annotate(candidate), newInputs, string.Create(CultureInfo.InvariantCulture, $"inputs {string.Join(", ", inputs)} → {string.Join(", ", newInputs)}; {changed} constant(s) changed"));
            }
        }

        // No constant draw kept the values small: shift the inputs alone.
        var inputsOnly = Annotate(program with { Name = ShiftedName(program, seed), Steps = program.Steps.Select(s => s with { SourceText = "" }).ToEquatableArray() });
        return Acceptable(inputsOnly, newInputs, bound) && !newInputs.SequenceEqual(inputs)
            ? new ProgramVariant(Shifted, inputsOnly, newInputs, $"inputs {string.Join(", ", inputs)} → {string.Join(", ", newInputs)}; constants kept")
            : null;
    }

    private static EquatableArray<Value> Sampled(StepProgram program, IReadOnlyList<Value> inputs, ulong seed)
    {
        foreach (var sampled in InputSampler.SampleMany(program, 4, seed))
        {
            if (!sampled.Inputs.SequenceEqual(inputs))
            {
                return sampled.Inputs;
            }
        }

        return inputs.ToEquatableArray();
    }

    // Fault-free, no value larger than the original's (or 999), and doubles exact in a few binary digits.
    private static bool Acceptable(StepProgram program, IReadOnlyList<Value> inputs, double bound)
    {
        var trace = ReferenceEvaluator.Evaluate(program, inputs);
        return trace.Fault is null
            && trace.StepValues.All(v => Math.Abs(v.ToDouble()) <= bound && (v.Kind == ValueKind.Int64 || v.AsDouble * 64 == Math.Round(v.AsDouble * 64)));
    }

    private static Expr ShiftConstants(Expr expression, ref SplitMix64 random, ref int changed)
    {
        switch (expression)
        {
            case Constant { Value: var v } when random.Chance(0.5) && ShiftedConstant(v, ref random) is { } shifted && shifted != v:
                changed++;
                return new Constant(shifted);
            case Unary u:
                return u with { Operand = ShiftConstants(u.Operand, ref random, ref changed) };
            case Binary b:
                var left = ShiftConstants(b.Left, ref random, ref changed);
                return b with { Left = left, Right = ShiftConstants(b.Right, ref random, ref changed) };
            case Conditional c:
                var l = ShiftConstants(c.Left, ref random, ref changed);
                var r = ShiftConstants(c.Right, ref random, ref changed);
                var t = ShiftConstants(c.WhenTrue, ref random, ref changed);
                return c with { Left = l, Right = r, WhenTrue = t, WhenFalse = ShiftConstants(c.WhenFalse, ref random, ref changed) };
            default:
                return expression;
        }
    }

    // Small literals move within their family (2..9 stay 2..9, halves stay halves, powers of two stay powers of two).
    private static Value? ShiftedConstant(Value value, ref SplitMix64 random)
    {
        if (value.Kind == ValueKind.Int64)
        {
            var c = value.AsInt64;
            var sign = c < 0 ? -1 : 1;
            var magnitude = Math.Abs(c);
            return magnitude switch
            {
                >= 2 and <= 9 => Value.FromInt64(sign * random.NextInt64(2, 9)),
                >= 10 and <= 1000 => Value.FromInt64(sign * (magnitude + random.NextInt64(-3, 3))),
                _ => null,
            };
        }

        var d = value.AsDouble;
        double[] halves = [0.5, 1.5, 2, 2.5, 3];
        double[] powers = [2, 4];
        return Math.Abs(d) switch
        {
            2 or 4 when random.Chance(0.5) => Value.FromDouble(Math.Sign(d) * random.Pick(powers)),
            var m when halves.Contains(m) => Value.FromDouble(Math.Sign(d) * random.Pick(halves)),
            _ => null,
        };
    }

    private static bool Independent(StepProgram program, int first, int second)
    {
        var a = program.Steps[first];
        var b = program.Steps[second];
        if (a.Variable == b.Variable)
        {
            return false;
        }

        var readsOfB = new List<int>();
        LookBack.CollectReads(b.Expression, readsOfB);
        var readsOfA = new List<int>();
        LookBack.CollectReads(a.Expression, readsOfA);

        // b must not read a's value, and a must not read the variable b overwrites (its name would then mean b's value).
        return !readsOfB.Contains(program.SlotOfStep(first))
            && !readsOfA.Any(slot => Traces.Prompts.StepDisplay.VariableOf(program, slot) == b.Variable);
    }

    private static bool AnyIndependentAfter(StepProgram program, int[] order, int from)
    {
        for (var i = from; i + 1 < order.Length; i++)
        {
            if (Independent(program, order[i], order[i + 1]))
            {
                return true;
            }
        }

        return false;
    }

    private static Expr Remap(Expr expression, int[] newSlot) => expression switch
    {
        Ref r => r with { Slot = newSlot[r.Slot] },
        Unary u => u with { Operand = Remap(u.Operand, newSlot) },
        Binary b => b with { Left = Remap(b.Left, newSlot), Right = Remap(b.Right, newSlot) },
        Conditional c => c with { Left = Remap(c.Left, newSlot), Right = Remap(c.Right, newSlot), WhenTrue = Remap(c.WhenTrue, newSlot), WhenFalse = Remap(c.WhenFalse, newSlot) },
        _ => expression,
    };

    private static Dictionary<string, string> FreshNames(StepProgram program, ulong seed)
    {
        var taken = Names(program).ToHashSet(StringComparer.Ordinal);
        var random = new SplitMix64(seed);
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in Names(program))
        {
            string candidate;
            var width = 1;
            var tries = 0;
            do
            {
                var digits = random.NextInt64((long)Math.Pow(10, width - 1), (long)Math.Pow(10, width) - 1);
                candidate = string.Create(CultureInfo.InvariantCulture, $"{Letters[random.NextIndex(Letters.Length)]}{digits}");
                if (++tries % 50 == 0)
                {
                    width++;
                }
            }
            while (taken.Contains(candidate) || !used.Add(candidate));

            map[name] = candidate;
        }

        return map;
    }

    private static Dictionary<string, string> SchemeNames(StepProgram program) =>
        Names(program).Select((name, i) => (name, i)).ToDictionary(p => p.name, p => string.Create(CultureInfo.InvariantCulture, $"v{p.i + 1}"), StringComparer.Ordinal);

    /// <summary>Inputs, then variables in order of first write.</summary>
    private static IEnumerable<string> Names(StepProgram program) =>
        program.Parameters.Select(p => p.Name).Concat(program.Steps.Select(s => s.Variable)).Distinct(StringComparer.Ordinal);

    private static StepProgram Annotate(StepProgram program)
    {
        try
        {
            return CSharpProgramWriter.Annotate(program);
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException(e.Message, e);
        }
    }

    private static string VariantName(StepProgram program, string variant) => $"{program.Name}__{variant}";

    private static string ShiftedName(StepProgram program, ulong seed) => string.Create(CultureInfo.InvariantCulture, $"{program.Name}__{Shifted}_{seed & 0xFFFFFF:x6}");

    private static ulong Seed(StepProgram program, string inputs, string variant)
    {
        var hash = 1469598103934665603UL;
        foreach (var c in $"{program.Id}|{inputs}|{variant}")
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return SplitMix64.Mix(hash);
    }
}
