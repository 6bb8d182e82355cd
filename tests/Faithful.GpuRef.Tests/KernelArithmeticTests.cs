using Faithful.GpuRef.Kernels;

namespace Faithful.GpuRef.Tests;

/// <summary>The kernel's hand-written C# semantics against the CLR's own operators.</summary>
public sealed class KernelArithmeticTests
{
    private static readonly double[] Specials =
    [
        0.0, -0.0, 1.0, -1.0, 0.1, 3.0, 7.5, double.Epsilon, -double.Epsilon, 2.2250738585072014E-308, 1e-310, 1e308, -1e308,
        double.MaxValue, double.MinValue, double.PositiveInfinity, double.NegativeInfinity, double.NaN,
        9.2233720368547758E18, -9.2233720368547758E18, 9.2233720368547748E18, 4294967296.5,
    ];

    private static IEnumerable<double> Doubles(int count, int seed)
    {
        var random = new Random(seed);
        foreach (var special in Specials)
        {
            yield return special;
        }

        for (var i = 0; i < count; i++)
        {
            yield return random.Next(4) switch
            {
                0 => BitConverter.Int64BitsToDouble(random.NextInt64() * (random.Next(2) == 0 ? 1 : -1)),
                1 => (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-30, 30)),
                2 => random.Next(-100, 100) / 8.0,
                _ => Specials[random.Next(Specials.Length)],
            };
        }
    }

    private static long Bits(double d) => BitConverter.DoubleToInt64Bits(d);

    private static void AssertSame(double expected, long actualBits, string what)
    {
        var actual = BitConverter.Int64BitsToDouble(actualBits);
        Assert.True(
            Bits(expected) == actualBits || (double.IsNaN(expected) && double.IsNaN(actual)),
            $"{what}: expected {expected:R} ({Bits(expected):X16}) but got {actual:R} ({actualBits:X16})");
    }

    [Fact]
    public void Remainder_is_bit_exact_with_the_clr_on_edge_and_random_doubles()
    {
        var xs = Doubles(3000, 1).ToArray();
        var ys = Doubles(30, 2).ToArray();
        foreach (var x in xs)
        {
            foreach (var y in ys)
            {
                AssertSame(x % y, KernelArithmetic.RemainderDouble(Bits(x), Bits(y)), $"{x:R} % {y:R}");
            }
        }
    }

    [Fact]
    public void Min_and_max_follow_math_min_and_max_for_signed_zeros_and_nans()
    {
        var values = Doubles(300, 3).ToArray();
        foreach (var x in values)
        {
            foreach (var y in values)
            {
                AssertSame(Math.Min(x, y), KernelArithmetic.MinDouble(Bits(x), Bits(y)), $"Min({x:R}, {y:R})");
                AssertSame(Math.Max(x, y), KernelArithmetic.MaxDouble(Bits(x), Bits(y)), $"Max({x:R}, {y:R})");
            }
        }

        Assert.Equal(Bits(-0.0), KernelArithmetic.MinDouble(Bits(-0.0), Bits(0.0)));
        Assert.Equal(Bits(0.0), KernelArithmetic.MaxDouble(Bits(-0.0), Bits(0.0)));
    }

    [Fact]
    public void Double_to_long_saturates_as_net9_does()
    {
        foreach (var d in Doubles(20000, 4))
        {
            Assert.Equal((long)d, KernelArithmetic.SaturatingToInt64(Bits(d)));
            var throws = false;
            try
            {
                _ = checked((long)d);
            }
            catch (OverflowException)
            {
                throws = true;
            }

            Assert.Equal(throws, KernelArithmetic.DoubleToInt64Overflows(Bits(d)));
        }
    }

    [Fact]
    public void Overflow_checks_agree_with_checked_arithmetic()
    {
        var random = new Random(5);
        long[] edges = [0, 1, -1, 2, -2, 3037000499, 3037000500, -3037000500, int.MaxValue, int.MinValue, long.MaxValue, long.MinValue, long.MinValue + 1];
        var values = edges.Concat(Enumerable.Range(0, 400).Select(_ => random.Next(3) switch
        {
            0 => random.NextInt64(),
            1 => -random.NextInt64(),
            _ => random.NextInt64(-5_000_000_000, 5_000_000_000),
        })).ToArray();

        foreach (var a in values)
        {
            foreach (var b in values)
            {
                Assert.Equal(Throws(() => checked(a + b)), KernelArithmetic.AddOverflows(a, b));
                Assert.Equal(Throws(() => checked(a - b)), KernelArithmetic.SubtractOverflows(a, b));
                Assert.Equal(Throws(() => checked(a * b)), KernelArithmetic.MultiplyOverflows(a, b));
            }
        }
    }

    private static bool Throws(Func<long> operation)
    {
        try
        {
            operation();
            return false;
        }
        catch (OverflowException)
        {
            return true;
        }
    }
}
