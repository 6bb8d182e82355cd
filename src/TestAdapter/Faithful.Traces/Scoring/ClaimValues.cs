using Faithful.Model;
using Faithful.Traces.Parsing;

namespace Faithful.Traces.Scoring;

/// <summary>Reads a claimed number as a program value of a given kind, when it can be one.</summary>
internal static class ClaimValues
{
    /// <summary>The claim as a value of <paramref name="kind"/>: a long needs an exact integer; a double takes the real reading.</summary>
    public static Value? AsValue(ParsedValue? claimed, ValueKind kind)
    {
        if (claimed is not { } value)
        {
            return null;
        }

        if (kind == ValueKind.Double)
        {
            return Value.FromDouble(value.Real);
        }

        return value.Int64 is { } exact ? Value.FromInt64(exact) : null;
    }

    /// <summary>Whether a claim reads as exactly this value (integers exactly; doubles to the printed precision).</summary>
    public static bool Equals(ParsedValue? claimed, Value expected) => claimed is { } value && value.Matches(expected);
}
