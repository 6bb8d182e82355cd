using System.Globalization;
using Faithful.Model;

namespace Faithful.Families;

/// <summary>
/// The text form of a <see cref="FamilySpec"/>, for command lines, run files and reports:
/// <c>chain:L=25,d=3,type=long,mix=mixed,seed=42</c> and <c>register:k=5,L=20,query=sum,ops=all,seed=7</c>;
/// <c>bound=</c> and <c>inputs=</c> appear when not the default.
/// </summary>
public static class FamilySpecText
{
    public static string Format(FamilySpec spec) => spec switch
    {
        ChainSpec c => string.Create(
            CultureInfo.InvariantCulture,
            $"chain:L={c.Steps},d={c.LookBackDepth},type={c.Kind.ToCSharpKeyword()},mix={c.Mix.Label()},seed={c.ProgramSeed}{Extras(c.Bound, 999, c.InputBound, 20)}"),
        RegisterSpec r => string.Create(
            CultureInfo.InvariantCulture,
            $"register:k={r.Registers},L={r.Steps},query={(r.Query == RegisterQuery.Sum ? "sum" : "one")},ops={OpsLabel(r.Ops)},seed={r.ProgramSeed}{Extras(r.Bound, 1023, r.InputBound, 20)}"),
        _ => throw new ArgumentException($"Unknown family spec {spec.GetType().Name}.", nameof(spec)),
    };

    /// <summary>Reads the text form back.</summary>
    /// <exception cref="FormatException">The text names no family, or a key is missing, unknown or malformed; the message says which.</exception>
    public static FamilySpec Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            throw new FormatException($"'{text}' is not a family spec: expected 'chain:L=25,d=3,type=long,mix=mixed,seed=42' or 'register:k=5,L=20,query=sum,ops=all,seed=7'.");
        }

        var family = text[..colon].Trim();
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in text[(colon + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || !pairs.TryAdd(part[..eq], part[(eq + 1)..]))
            {
                throw new FormatException($"In family spec '{text}': '{part}' is not a key=value pair, or repeats a key.");
            }
        }

        FamilySpec spec = family switch
        {
            "chain" => new ChainSpec(
                Int(pairs, "L", text),
                Int(pairs, "d", text),
                Take(pairs, "type", "long") is var type && ValueKindExtensions.TryParseKeyword(type, out var kind) ? kind : throw Bad(text, "type", type, "long or double"),
                Take(pairs, "mix", "mixed") is var mix && OperatorMixText.TryParse(mix, out var parsedMix) ? parsedMix : throw Bad(text, "mix", mix, "mixed or a '+'-joined subset of add, mul, div, mod"),
                Seed(pairs, text))
            {
                Bound = Int(pairs, "bound", text, 999),
                InputBound = Int(pairs, "inputs", text, 20),
            },
            "register" => new RegisterSpec(
                Int(pairs, "k", text),
                Int(pairs, "L", text),
                Take(pairs, "query", "one") switch
                {
                    "one" => RegisterQuery.OneVariable,
                    "sum" => RegisterQuery.Sum,
                    var other => throw Bad(text, "query", other, "one or sum"),
                },
                ParseOps(Take(pairs, "ops", "all"), text),
                Seed(pairs, text))
            {
                Bound = Int(pairs, "bound", text, 1023),
                InputBound = Int(pairs, "inputs", text, 20),
            },
            _ => throw new FormatException($"In family spec '{text}': unknown family '{family}'; use 'chain' or 'register'."),
        };

        if (pairs.Count > 0)
        {
            throw new FormatException($"In family spec '{text}': unknown key(s) {string.Join(", ", pairs.Keys)}.");
        }

        return spec;
    }

    private static string Extras(int bound, int defaultBound, int inputBound, int defaultInputBound) =>
        (bound == defaultBound ? "" : string.Create(CultureInfo.InvariantCulture, $",bound={bound}"))
        + (inputBound == defaultInputBound ? "" : string.Create(CultureInfo.InvariantCulture, $",inputs={inputBound}"));

    private static string OpsLabel(RegisterOps ops)
    {
        if (ops == RegisterOps.All)
        {
            return "all";
        }

        var parts = new List<string>();
        if (ops.HasFlag(RegisterOps.Arithmetic))
        {
            parts.Add("arith");
        }

        if (ops.HasFlag(RegisterOps.Bitwise))
        {
            parts.Add("bits");
        }

        if (ops.HasFlag(RegisterOps.Shift))
        {
            parts.Add("shift");
        }

        if (ops.HasFlag(RegisterOps.Copy))
        {
            parts.Add("copy");
        }

        if (ops.HasFlag(RegisterOps.Divide))
        {
            parts.Add("div");
        }

        if (ops.HasFlag(RegisterOps.Increment))
        {
            parts.Add("inc");
        }

        return string.Join('+', parts);
    }

    private static RegisterOps ParseOps(string text, string spec)
    {
        if (text == "all")
        {
            return RegisterOps.All;
        }

        RegisterOps ops = 0;
        foreach (var part in text.Split('+'))
        {
            ops |= part switch
            {
                "arith" => RegisterOps.Arithmetic,
                "bits" => RegisterOps.Bitwise,
                "shift" => RegisterOps.Shift,
                "copy" => RegisterOps.Copy,
                "div" => RegisterOps.Divide,
                "inc" => RegisterOps.Increment,
                _ => throw Bad(spec, "ops", text, "all or a '+'-joined subset of arith, bits, shift, copy, div, inc"),
            };
        }

        return ops;
    }

    private static string Take(Dictionary<string, string> pairs, string key, string fallback)
    {
        if (pairs.Remove(key, out var value))
        {
            return value;
        }

        return fallback;
    }

    private static int Int(Dictionary<string, string> pairs, string key, string spec, int? fallback = null)
    {
        if (!pairs.Remove(key, out var text))
        {
            return fallback ?? throw new FormatException($"In family spec '{spec}': missing '{key}='.");
        }

        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Bad(spec, key, text, "an integer");
    }

    private static ulong Seed(Dictionary<string, string> pairs, string spec)
    {
        var text = Take(pairs, "seed", "0");
        return ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seed) ? seed : throw Bad(spec, "seed", text, "an unsigned integer");
    }

    private static FormatException Bad(string spec, string key, string value, string expected) =>
        new($"In family spec '{spec}': {key}='{value}' is not valid; expected {expected}.");
}
