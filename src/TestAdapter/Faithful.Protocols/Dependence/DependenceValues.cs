using Faithful.Model;
using Faithful.Traces.Parsing;

namespace Faithful.Protocols.Dependence;

/// <summary>Numbers as read from a reply, as values of a program's kinds.</summary>
internal static class DependenceValues
{
    /// <summary><paramref name="value"/> as a <paramref name="kind"/> value; null when an integer is not a whole number.</summary>
    public static Value? Of(ParsedValue value, ValueKind kind) => kind == ValueKind.Int64
        ? value.Int64 is { } whole ? Value.FromInt64(whole) : null
        : Value.FromDouble(value.Real);

    /// <summary>A nearby value: <paramref name="delta"/> added to an integer, half of it to a double.</summary>
    public static Value Shift(Value value, long delta) => value.Kind == ValueKind.Int64
        ? Value.FromInt64(unchecked(value.AsInt64 + delta))
        : Value.FromDouble(value.AsDouble + (delta * 0.5));
}
