using Faithful.Model;

namespace Faithful.Benchmarks.GpuRef;

/// <summary>
/// The 20-step long program every backend runs in the throughput benchmark, and the same program fused
/// by hand into C# as the machine's limit.
/// </summary>
internal static class BenchProgram
{
    public const int Steps = 20;

    public static StepProgram Build()
    {
        static Ref R(int slot) => new(slot, ValueKind.Int64);
        static Constant C(long value) => new(Value.FromInt64(value));
        static Binary B(BinaryOp op, Expr left, Expr right) => new(op, left, right, ValueKind.Int64);

        // Slots: a = 0, b = 1, c = 2, s1 = 3, ..., s20 = 22.
        Expr[] expressions =
        [
            B(BinaryOp.Add, R(0), R(1)),
            B(BinaryOp.Multiply, R(3), R(2)),
            B(BinaryOp.ExclusiveOr, R(4), R(0)),
            B(BinaryOp.ShiftRight, R(5), C(3)),
            B(BinaryOp.Subtract, R(6), R(1)),
            B(BinaryOp.BitwiseAnd, R(7), C(0xFFFF)),
            B(BinaryOp.Multiply, R(8), R(3)),
            B(BinaryOp.Add, R(9), R(4)),
            B(BinaryOp.ShiftLeft, R(10), C(2)),
            B(BinaryOp.BitwiseOr, R(11), R(2)),
            B(BinaryOp.Max, R(12), R(7)),
            B(BinaryOp.Subtract, R(13), R(8)),
            B(BinaryOp.Multiply, R(14), C(7)),
            B(BinaryOp.ExclusiveOr, R(15), R(11)),
            B(BinaryOp.Add, R(16), R(0)),
            B(BinaryOp.ShiftRight, R(17), C(1)),
            B(BinaryOp.Subtract, R(18), R(14)),
            B(BinaryOp.Min, R(19), R(15)),
            B(BinaryOp.Add, R(20), R(18)),
            B(BinaryOp.Divide, R(21), C(3)),
        ];
        var names = new List<string> { "a", "b", "c" };
        var steps = new List<Step>();
        for (var i = 0; i < expressions.Length; i++)
        {
            var name = $"s{i + 1}";
            steps.Add(new Step(i, name, name, 1, ValueKind.Int64, expressions[i], $"var {name} = {ExprFormatter.ToCSharp(expressions[i], slot => names[slot])};", i + 2));
            names.Add(name);
        }

        return new StepProgram(
            "Bench20",
            "20-step benchmark program",
            new[] { new Parameter("a", ValueKind.Int64), new Parameter("b", ValueKind.Int64), new Parameter("c", ValueKind.Int64) }.ToEquatableArray(),
            steps.ToEquatableArray(),
            R(22),
            "s20",
            "Faithful.Benchmarks");
    }

    /// <summary>The program written out by hand: every step's value stored, as the backends store it.</summary>
    public static void Fused(long[] inputs, int inputBase, long[] trace, int traceBase)
    {
        long a = inputs[inputBase], b = inputs[inputBase + 1], c = inputs[inputBase + 2];
        var row = trace.AsSpan(traceBase, Steps + 1);
        long s1 = a + b; row[0] = s1;
        long s2 = s1 * c; row[1] = s2;
        long s3 = s2 ^ a; row[2] = s3;
        long s4 = s3 >> 3; row[3] = s4;
        long s5 = s4 - b; row[4] = s5;
        long s6 = s5 & 0xFFFF; row[5] = s6;
        long s7 = s6 * s1; row[6] = s7;
        long s8 = s7 + s2; row[7] = s8;
        long s9 = s8 << 2; row[8] = s9;
        long s10 = s9 | c; row[9] = s10;
        long s11 = Math.Max(s10, s5); row[10] = s11;
        long s12 = s11 - s6; row[11] = s12;
        long s13 = s12 * 7; row[12] = s13;
        long s14 = s13 ^ s9; row[13] = s14;
        long s15 = s14 + a; row[14] = s15;
        long s16 = s15 >> 1; row[15] = s16;
        long s17 = s16 - s12; row[16] = s17;
        long s18 = Math.Min(s17, s13); row[17] = s18;
        long s19 = s18 + s16; row[18] = s19;
        long s20 = s19 / 3; row[19] = s20;
        row[20] = s20;
    }
}
