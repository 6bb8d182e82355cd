using System.Numerics;

namespace Faithful.Analyzers.Arithmetic;

/// <summary>An inclusive range of integers, exact (not wrapped) so that leaving the long range is visible.</summary>
internal readonly record struct Interval(BigInteger Min, BigInteger Max)
{
    public static readonly BigInteger LongMin = long.MinValue;

    public static readonly BigInteger LongMax = long.MaxValue;

    public static Interval FullLong { get; } = new(LongMin, LongMax);

    public static Interval Point(BigInteger value) => new(value, value);

    public bool FitsLong => Min >= LongMin && Max <= LongMax;

    public bool Contains(BigInteger value) => Min <= value && value <= Max;

    /// <summary>What a long holds after an unchecked operation: itself when it fits, else anything.</summary>
    public Interval Wrapped => FitsLong ? this : FullLong;

    public BigInteger MaxMagnitude => BigInteger.Max(BigInteger.Abs(Min), BigInteger.Abs(Max));

    public Interval Union(Interval other) => new(BigInteger.Min(Min, other.Min), BigInteger.Max(Max, other.Max));

    public static Interval Add(Interval a, Interval b) => new(a.Min + b.Min, a.Max + b.Max);

    public static Interval Subtract(Interval a, Interval b) => new(a.Min - b.Max, a.Max - b.Min);

    public static Interval Multiply(Interval a, Interval b)
    {
        var p1 = a.Min * b.Min;
        var p2 = a.Min * b.Max;
        var p3 = a.Max * b.Min;
        var p4 = a.Max * b.Max;
        return new(BigInteger.Min(BigInteger.Min(p1, p2), BigInteger.Min(p3, p4)), BigInteger.Max(BigInteger.Max(p1, p2), BigInteger.Max(p3, p4)));
    }

    public static Interval Negate(Interval a) => new(-a.Max, -a.Min);

    public static Interval Abs(Interval a) => a.Min >= 0 ? a : a.Max <= 0 ? Negate(a) : new(0, a.MaxMagnitude);

    // Truncating division never grows the dividend's magnitude; long.MinValue / -1 gives 2^63, outside long, as it should.
    public static Interval Divide(Interval a) => new(-a.MaxMagnitude, a.MaxMagnitude);

    public static Interval Remainder(Interval a, Interval b)
    {
        var bound = BigInteger.Max(BigInteger.Min(b.MaxMagnitude - 1, a.MaxMagnitude), 0);
        return new(a.Min >= 0 ? 0 : -bound, a.Max <= 0 ? 0 : bound);
    }

    public static Interval Minimum(Interval a, Interval b) => new(BigInteger.Min(a.Min, b.Min), BigInteger.Min(a.Max, b.Max));

    public static Interval Maximum(Interval a, Interval b) => new(BigInteger.Max(a.Min, b.Min), BigInteger.Max(a.Max, b.Max));

    /// <summary>Bitwise results of non-negative operands stay below the next power of two; anything else is any long.</summary>
    public static Interval Bitwise(Interval a, Interval b, bool isAnd)
    {
        if (a.Min < 0 || b.Min < 0)
        {
            return isAnd && (a.Min >= 0 || b.Min >= 0) ? new(0, a.Min >= 0 ? a.Max : b.Max) : FullLong;
        }

        if (isAnd)
        {
            return new(0, BigInteger.Min(a.Max, b.Max));
        }

        var top = BigInteger.One;
        while (top <= BigInteger.Max(a.Max, b.Max))
        {
            top <<= 1;
        }

        return new(0, top - 1);
    }
}
