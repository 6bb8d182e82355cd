namespace Faithful.Analyzers.Tests.Generation;

/// <summary>Hand-written reference programs covering every supported construct, used by several generator tests.</summary>
internal static class SamplePrograms
{
    public const string Source = """
        using System;
        using Faithful;

        namespace Samples.Arithmetic
        {
            public static class Programs
            {
                [ReferenceProgram("Two-input look-back chain", AllowNonFinite = true)]
                public static long Chain(long a, long b)
                {
                    var s1 = a + b;
                    var s2 = s1 * a;
                    var s3 = s2 - s1;
                    var s4 = s3 / b;
                    return s4;
                }

                [ReferenceProgram("Five registers", AllowNonFinite = true)]
                public static long Registers(long a0, long a1, long a2, long a3, long a4)
                {
                    a2 -= a3;
                    a1 = a0;
                    a4 += a1;
                    a0 &= a4;
                    for (var i = 0; i < 3; i++) { a3 += a2; }
                    a4 ^= a0 << 3;
                    a1 |= a4 >> (int)a2;
                    a0 %= a1;
                    a2 *= a3;
                    a3 <<= 5;
                    a4 >>= (int)a0;
                    return a0 + a1 + a2 + a3 + a4;
                }

                [ReferenceProgram("Mixed doubles", AllowNonFinite = true)]
                [Distractor("unused")]
                public static double Mixed(long n, double x)
                {
                    double y = n;
                    var z = x * 0.5 - y / 3.0;
                    var unused = z * z;
                    z += n;
                    z--;
                    var w = z > x ? Math.Max(z, y) : Math.Abs(x) % 7.25;
                    var q = (long)w + Math.Min(n, 100);
                    return w + q;
                }

                [ReferenceProgram("Checked and bitwise", AllowNonFinite = true)]
                public static long Checked(long a, long b)
                {
                    const long Mask = 0xFF;
                    var s1 = checked(a * b);
                    var s2 = ~s1 & Mask;
                    checked
                    {
                        s1 += s2;
                        b++;
                        var s3 = -a;
                    }

                    var s4 = unchecked(s1 - long.MaxValue);
                    var s5 = s4 != 0 ? s4 : 1;
                    return s2 / s5;
                }
            }
        }
        """;
}
