using ILGPU;

namespace Faithful.GpuRef.Kernels;

/// <summary>
/// C# semantics spelled out with operations every ILGPU backend implements the same way: no exceptions,
/// no hardware-dependent corner (shift counts masked by hand, saturating conversion by hand, IEEE
/// remainder by integer arithmetic, .NET's Math.Min/Max NaN and signed-zero rules by hand).
/// </summary>
public static class KernelArithmetic
{
    private const long SignBit = long.MinValue;
    private const long TwoToThe63 = 0x43E0000000000000;

    public static double ToDouble(long bits) => Interop.IntAsFloat((ulong)bits);

    public static long ToBits(double value) => (long)Interop.FloatAsInt(value);

    public static bool IsNaN(long bits) => (bits & long.MaxValue) > 0x7FF0000000000000;

    public static bool IsFinite(long bits) => (bits & 0x7FF0000000000000) != 0x7FF0000000000000;

    public static bool AddOverflows(long left, long right)
    {
        var sum = unchecked(left + right);
        return ((left ^ sum) & (right ^ sum)) < 0;
    }

    public static bool SubtractOverflows(long left, long right)
    {
        var difference = unchecked(left - right);
        return ((left ^ right) & (left ^ difference)) < 0;
    }

    public static bool MultiplyOverflows(long left, long right)
    {
        if (left == 0 || right == 0)
        {
            return false;
        }

        // Dividing by -1 would itself overflow for long.MinValue, so the -1 cases are decided first.
        if (left == -1)
        {
            return right == long.MinValue;
        }

        if (right == -1)
        {
            return left == long.MinValue;
        }

        return unchecked(left * right) / left != right;
    }

    /// <summary><c>(long)d</c> as .NET 9+ does it: truncation, NaN to 0, saturation at the ends.</summary>
    public static long SaturatingToInt64(long doubleBits)
    {
        if (IsNaN(doubleBits))
        {
            return 0;
        }

        var d = ToDouble(doubleBits);
        if (d >= ToDouble(TwoToThe63))
        {
            return long.MaxValue;
        }

        if (d <= -ToDouble(TwoToThe63))
        {
            return long.MinValue;
        }

        return (long)d;
    }

    /// <summary>The range check of <c>checked((long)d)</c>.</summary>
    public static bool DoubleToInt64Overflows(long doubleBits)
    {
        var d = ToDouble(doubleBits);
        return !(d > -9223372036854777856.0 && d < 9223372036854775808.0);
    }

    /// <summary>Math.Min(double, double): NaN propagates, -0.0 is less than +0.0.</summary>
    public static long MinDouble(long leftBits, long rightBits)
    {
        var l = ToDouble(leftBits);
        var r = ToDouble(rightBits);
        if (l != r)
        {
            if (!IsNaN(leftBits))
            {
                return l < r ? leftBits : rightBits;
            }

            return leftBits;
        }

        return leftBits < 0 ? leftBits : rightBits;
    }

    /// <summary>Math.Max(double, double): NaN propagates, +0.0 is greater than -0.0.</summary>
    public static long MaxDouble(long leftBits, long rightBits)
    {
        var l = ToDouble(leftBits);
        var r = ToDouble(rightBits);
        if (l != r)
        {
            if (!IsNaN(leftBits))
            {
                return r < l ? leftBits : rightBits;
            }

            return leftBits;
        }

        return rightBits < 0 ? leftBits : rightBits;
    }

    public static long NegateDouble(long bits) => bits ^ SignBit;

    public static long AbsDouble(long bits) => bits & long.MaxValue;

    /// <summary>
    /// IEEE fmod (what C# <c>%</c> computes on doubles), exactly, by integer long division of the
    /// significands, so no backend's approximate remainder can leak in.
    /// </summary>
    public static long RemainderDouble(long xBits, long yBits)
    {
        var ux = (ulong)xBits;
        var uy = (ulong)yBits;
        var ex = (int)((ux >> 52) & 0x7FF);
        var ey = (int)((uy >> 52) & 0x7FF);
        var sign = ux & 0x8000000000000000;
        if ((uy << 1) == 0 || IsNaN(yBits) || ex == 0x7FF)
        {
            var x = ToDouble(xBits);
            var y = ToDouble(yBits);
            return ToBits((x * y) / (x * y));
        }

        if ((ux << 1) <= (uy << 1))
        {
            return (ux << 1) == (uy << 1) ? (long)sign : xBits;
        }

        ux = Normalize(ux, ref ex);
        uy = Normalize(uy, ref ey);
        for (; ex > ey; ex--)
        {
            var difference = ux - uy;
            if ((difference >> 63) == 0)
            {
                if (difference == 0)
                {
                    return (long)sign;
                }

                ux = difference;
            }

            ux <<= 1;
        }

        var last = ux - uy;
        if ((last >> 63) == 0)
        {
            if (last == 0)
            {
                return (long)sign;
            }

            ux = last;
        }

        for (; (ux >> 52) == 0; ux <<= 1)
        {
            ex--;
        }

        if (ex > 0)
        {
            ux -= 1UL << 52;
            ux |= (ulong)ex << 52;
        }
        else
        {
            ux >>= -ex + 1;
        }

        return (long)(ux | sign);
    }

    /// <summary>The significand with its implicit bit, shifted so subnormals line up with normals.</summary>
    private static ulong Normalize(ulong bits, ref int exponent)
    {
        if (exponent == 0)
        {
            var probe = bits << 12;
            for (; (probe >> 63) == 0; probe <<= 1)
            {
                exponent--;
            }

            return bits << (-exponent + 1);
        }

        return (bits & (ulong.MaxValue >> 12)) | (1UL << 52);
    }
}
