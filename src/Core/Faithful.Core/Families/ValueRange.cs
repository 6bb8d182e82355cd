namespace Faithful.Families;

/// <summary>
/// The range a slot's value can take over every input of the declared domains, and for doubles how many
/// binary fraction digits it can need (the value is a multiple of <c>2^-FractionBits</c>).
/// Family generators propagate these ranges to choose only steps that keep values small and exact.
/// </summary>
internal readonly record struct ValueRange(double Lo, double Hi, int FractionBits = 0)
{
    public bool Within(double bound, int maxFractionBits) => Lo >= -bound && Hi <= bound && FractionBits <= maxFractionBits;

    public static ValueRange Add(ValueRange x, ValueRange y) => new(x.Lo + y.Lo, x.Hi + y.Hi, Math.Max(x.FractionBits, y.FractionBits));

    public static ValueRange Subtract(ValueRange x, ValueRange y) => new(x.Lo - y.Hi, x.Hi - y.Lo, Math.Max(x.FractionBits, y.FractionBits));

    public static ValueRange Multiply(ValueRange x, ValueRange y)
    {
        double[] corners = [x.Lo * y.Lo, x.Lo * y.Hi, x.Hi * y.Lo, x.Hi * y.Hi];
        return new(corners.Min(), corners.Max(), x.FractionBits + y.FractionBits);
    }

    /// <summary>Division by a positive literal; <paramref name="truncate"/> for <c>long</c>.</summary>
    public static ValueRange DivideBy(ValueRange x, double divisor, bool truncate, int addedFractionBits) => truncate
        ? new(Math.Truncate(x.Lo / divisor), Math.Truncate(x.Hi / divisor))
        : new(x.Lo / divisor, x.Hi / divisor, x.FractionBits + addedFractionBits);

    /// <summary>C# <c>%</c> by a positive literal: the result has the dividend's sign and magnitude below the divisor.</summary>
    public static ValueRange RemainderBy(ValueRange x, double divisor)
    {
        if (x.Lo >= 0)
        {
            return new(0, Math.Min(x.Hi, divisor), x.FractionBits);
        }

        return x.Hi <= 0
            ? new(Math.Max(x.Lo, -divisor), 0, x.FractionBits)
            : new(Math.Max(x.Lo, -divisor), Math.Min(x.Hi, divisor), x.FractionBits);
    }

    /// <summary>Ranges of <c>&amp; | ^</c> on two's-complement integers.</summary>
    public static ValueRange Bitwise(ValueRange x, ValueRange y, bool isAnd)
    {
        if (isAnd && x.Lo >= 0)
        {
            return new(0, y.Lo >= 0 ? Math.Min(x.Hi, y.Hi) : x.Hi);
        }

        if (isAnd && y.Lo >= 0)
        {
            return new(0, y.Hi);
        }

        // Both fit in m-bit two's complement, so any bitwise combination does too.
        var bits = 0;
        while (!(Fits(x, bits) && Fits(y, bits)))
        {
            bits++;
        }

        var top = Math.Pow(2, bits);
        return x.Lo >= 0 && y.Lo >= 0 ? new(0, top - 1) : new(-top, top - 1);
    }

    private static bool Fits(ValueRange x, int bits) => x.Lo >= -Math.Pow(2, bits) && x.Hi <= Math.Pow(2, bits) - 1;
}
