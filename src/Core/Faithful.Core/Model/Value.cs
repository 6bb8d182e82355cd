using System.Globalization;

namespace Faithful.Model;

/// <summary>
/// A program value: 64 bits with their kind. Equality is bitwise, so NaN equals the same NaN
/// and -0.0 differs from 0.0, which is what bit-exact ground truth needs.
/// </summary>
public readonly record struct Value(ValueKind Kind, long Bits)
{
    public static Value FromInt64(long value) => new(ValueKind.Int64, value);

    public static Value FromDouble(double value) => new(ValueKind.Double, BitConverter.DoubleToInt64Bits(value));

    public long AsInt64 => Kind == ValueKind.Int64 ? Bits : throw new InvalidOperationException($"Value is {Kind}, not Int64.");

    public double AsDouble => Kind == ValueKind.Double ? BitConverter.Int64BitsToDouble(Bits) : throw new InvalidOperationException($"Value is {Kind}, not Double.");

    /// <summary>The value as a number, for scoring and plotting (exact for doubles, rounded for large longs).</summary>
    public double ToDouble() => Kind == ValueKind.Double ? BitConverter.Int64BitsToDouble(Bits) : Bits;

    public bool IsFinite => Kind == ValueKind.Int64 || double.IsFinite(BitConverter.Int64BitsToDouble(Bits));

    /// <summary>Invariant text that round-trips: <c>-42</c>, <c>3.5</c>, <c>NaN</c>.</summary>
    public override string ToString() => Kind == ValueKind.Int64
        ? Bits.ToString(CultureInfo.InvariantCulture)
        : BitConverter.Int64BitsToDouble(Bits).ToString("R", CultureInfo.InvariantCulture);

    public static Value Parse(ValueKind kind, string text) => kind == ValueKind.Int64
        ? FromInt64(long.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture))
        : FromDouble(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));
}
