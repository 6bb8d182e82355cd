using Faithful.Differential;
using Faithful.Execution;
using Faithful.Families;
using Faithful.Model;

namespace Faithful.Core.Tests;

/// <summary>
/// Hand-written C# corner cases: each is checked against a value written down here from the C# specification / .NET
/// documentation, and against the same expression compiled by Roslyn and run.
/// </summary>
public sealed class CornerSemanticsTests
{
    private const ValueKind L = ValueKind.Int64;
    private const ValueKind D = ValueKind.Double;

    private sealed record Corner(string Name, Expr Expression, long A, long B, double X, double Y, Value? Expected, FaultKind? Fault = null, bool AllowNonFinite = true);

    private static readonly Ref A = new(0, L);
    private static readonly Ref B = new(1, L);
    private static readonly Ref X = new(2, D);
    private static readonly Ref Y = new(3, D);

    private static Constant Long(long value) => new(Value.FromInt64(value));

    private static Binary Op(BinaryOp op, Expr left, Expr right, bool isChecked = false) => new(op, left, right, left.Kind, isChecked);

    private static Unary Un(UnaryOp op, Expr operand, ValueKind kind, bool isChecked = false) => new(op, operand, kind, isChecked);

    private static Value Lv(long value) => Value.FromInt64(value);

    private static Value Dv(double value) => Value.FromDouble(value);

    private static readonly Corner[] Corners =
    [
        new("shift left by 64 is by 0", Op(BinaryOp.ShiftLeft, A, Long(64)), 5, 0, 0, 0, Lv(5)),
        new("shift left by 65 is by 1", Op(BinaryOp.ShiftLeft, A, Long(65)), 5, 0, 0, 0, Lv(10)),
        new("shift left by -1 is by 63", Op(BinaryOp.ShiftLeft, A, Long(-1)), 1, 0, 0, 0, Lv(long.MinValue)),
        new("shift right is arithmetic", Op(BinaryOp.ShiftRight, A, Long(-1)), long.MinValue, 0, 0, 0, Lv(-1)),
        new("shift count from a long keeps its low 6 bits", Op(BinaryOp.ShiftRight, A, Un(UnaryOp.ToInt32, B, L)), -8, 4294967298, 0, 0, Lv(-2)),
        new("remainder takes the dividend's sign (negative dividend)", Op(BinaryOp.Remainder, A, B), -7, 3, 0, 0, Lv(-1)),
        new("remainder takes the dividend's sign (negative divisor)", Op(BinaryOp.Remainder, A, B), 7, -3, 0, 0, Lv(1)),
        new("division truncates toward zero", Op(BinaryOp.Divide, A, B), -7, 2, 0, 0, Lv(-3)),
        new("long addition wraps", Op(BinaryOp.Add, A, B), long.MaxValue, 1, 0, 0, Lv(long.MinValue)),
        new("checked addition overflows", Op(BinaryOp.Add, A, B, isChecked: true), long.MaxValue, 1, 0, 0, null, FaultKind.Overflow),
        new("checked negation of long.MinValue overflows", Un(UnaryOp.Negate, A, L, isChecked: true), long.MinValue, 0, 0, 0, null, FaultKind.Overflow),
        new("unchecked negation of long.MinValue wraps", Un(UnaryOp.Negate, A, L), long.MinValue, 0, 0, 0, Lv(long.MinValue)),
        new("division by zero throws", Op(BinaryOp.Divide, A, B), 1, 0, 0, 0, null, FaultKind.DivideByZero),
        new("remainder by zero throws", Op(BinaryOp.Remainder, A, B), 1, 0, 0, 0, null, FaultKind.DivideByZero),
        new("long.MinValue / -1 throws", Op(BinaryOp.Divide, A, B), long.MinValue, -1, 0, 0, null, FaultKind.Overflow),
        new("long.MinValue % -1 throws", Op(BinaryOp.Remainder, A, B), long.MinValue, -1, 0, 0, null, FaultKind.Overflow),
        new("Math.Abs(long.MinValue) throws", Un(UnaryOp.Abs, A, L), long.MinValue, 0, 0, 0, null, FaultKind.Overflow),
        new("(int) keeps the low 32 bits", Un(UnaryOp.ToInt32, A, L), 4294967297, 0, 0, 0, Lv(1)),
        new("(int) sign-extends bit 31", Un(UnaryOp.ToInt32, A, L), 2147483648, 0, 0, 0, Lv(int.MinValue)),
        new("checked (int) out of range throws", Un(UnaryOp.ToInt32, A, L, isChecked: true), 2147483648, 0, 0, 0, null, FaultKind.Overflow),
        new("(int) operands still add in 64 bits", Op(BinaryOp.Add, Un(UnaryOp.ToInt32, A, L), Long(1)), int.MaxValue, 0, 0, 0, Lv((long)int.MaxValue + 1)),
        new("(long) truncates toward zero", Un(UnaryOp.ToInt64, X, L), 0, 0, -2.9, 0, Lv(-2)),
        new("(long) of NaN is 0", Un(UnaryOp.ToInt64, X, L), 0, 0, double.NaN, 0, Lv(0)),
        new("(long) of a huge double saturates", Un(UnaryOp.ToInt64, X, L), 0, 0, 1e30, 0, Lv(long.MaxValue)),
        new("(long) of a huge negative double saturates", Un(UnaryOp.ToInt64, X, L), 0, 0, -1e30, 0, Lv(long.MinValue)),
        new("(long) of 2^63 saturates", Un(UnaryOp.ToInt64, X, L), 0, 0, 9223372036854775808.0, 0, Lv(long.MaxValue)),
        new("checked (long) of NaN throws", Un(UnaryOp.ToInt64, X, L, isChecked: true), 0, 0, double.NaN, 0, null, FaultKind.Overflow),
        new("checked (long) of -2^63 is fine", Un(UnaryOp.ToInt64, X, L, isChecked: true), 0, 0, -9223372036854775808.0, 0, Lv(long.MinValue)),
        new("double remainder keeps the dividend's sign", Op(BinaryOp.Remainder, X, Y), 0, 0, -7.5, 2, Dv(-1.5)),
        new("double remainder ignores the divisor's sign", Op(BinaryOp.Remainder, X, Y), 0, 0, 5.5, -2, Dv(1.5)),
        new("double remainder by zero is NaN", Op(BinaryOp.Remainder, X, Y), 0, 0, 1, 0, Dv(double.NaN)),
        new("double division by zero is infinity", Op(BinaryOp.Divide, X, Y), 0, 0, 1, 0, Dv(double.PositiveInfinity)),
        new("non-finite doubles fault when not allowed", Op(BinaryOp.Divide, X, Y), 0, 0, 1, 0, null, FaultKind.NotFinite, AllowNonFinite: false),
        new("Math.Min with NaN is NaN", Op(BinaryOp.Min, X, Y), 0, 0, double.NaN, 1, Dv(double.NaN)),
        new("Math.Max with NaN is NaN", Op(BinaryOp.Max, X, Y), 0, 0, 1, double.NaN, Dv(double.NaN)),
        new("Math.Min(0.0, -0.0) is -0.0", Op(BinaryOp.Min, X, Y), 0, 0, 0.0, -0.0, Dv(-0.0)),
        new("Math.Max(-0.0, 0.0) is 0.0", Op(BinaryOp.Max, X, Y), 0, 0, -0.0, 0.0, Dv(0.0)),
        new("negating 0.0 gives -0.0", Un(UnaryOp.Negate, X, D), 0, 0, 0.0, 0, Dv(-0.0)),
        new("0.1 + 0.2 is not 0.3", Op(BinaryOp.Add, X, Y), 0, 0, 0.1, 0.2, Dv(0.30000000000000004)),
        new("(double) of a long rounds to nearest even", Un(UnaryOp.ToDouble, A, D), 9007199254740993, 0, 0, 0, Dv(9007199254740992.0)),
        new("checked region around an unchecked multiply",
            Op(BinaryOp.Add, Op(BinaryOp.Multiply, A, B), Long(1), isChecked: true), long.MaxValue, 2, 0, 0, Lv(-1)),
        new("unchecked region around a checked multiply",
            Op(BinaryOp.Add, Op(BinaryOp.Multiply, A, B, isChecked: true), Long(1)), long.MaxValue, 2, 0, 0, null, FaultKind.Overflow),
    ];

    private static readonly Lazy<CompiledBatch> Batch = new(() => CompiledBatch.Compile(Corners.Select((c, i) => ProgramOf(c, i)), "Corners"));

    public static TheoryData<string> Names => [.. Corners.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public void Evaluator_gives_the_documented_value_and_agrees_with_compiled_csharp(string name)
    {
        var index = Array.FindIndex(Corners, c => c.Name == name);
        var corner = Corners[index];
        var program = Batch.Value.Programs[index];
        Value[] inputs = [Lv(corner.A), Lv(corner.B), Dv(corner.X), Dv(corner.Y)];

        var trace = ReferenceEvaluator.Evaluate(program, inputs);

        Assert.Equal(corner.Fault, trace.Fault?.Kind);
        if (corner.Expected is { } expected)
        {
            Assert.Equal(expected, trace.StepValues[0]);
        }

        if (corner.Fault is not null)
        {
            Assert.Equal(0, trace.Fault!.StepIndex);
            Assert.Equal("r", trace.Fault.Location);
        }

        Assert.Null(DifferentialRunner.Check(Batch.Value, index, inputs, trace, new long[Batch.Value.IoLength(index)]));
    }

    [Fact]
    public void Checked_and_unchecked_regions_print_as_written()
    {
        var program = Batch.Value.Programs[Array.FindIndex(Corners, c => c.Name == "checked region around an unchecked multiply")];

        Assert.Equal("long r = checked(unchecked(a * b) + 1);", program.Steps[0].SourceText);
    }

    [Fact]
    public void An_int_cast_operand_is_widened_so_the_operator_stays_64_bit()
    {
        var program = Batch.Value.Programs[Array.FindIndex(Corners, c => c.Name == "(int) operands still add in 64 bits")];

        Assert.Equal("long r = (long)(int)a + 1;", program.Steps[0].SourceText);
    }

    private static StepProgram ProgramOf(Corner corner, int index) => new(
        $"Corner{index}",
        corner.Name,
        new[] { new Parameter("a", L), new Parameter("b", L), new Parameter("x", D), new Parameter("y", D) }.ToEquatableArray(),
        new[] { new Step(0, "r", "r", 1, corner.Expression.Kind, corner.Expression, "", 0) }.ToEquatableArray(),
        new Ref(4, corner.Expression.Kind),
        "r",
        AllowNonFinite: corner.AllowNonFinite);
}

public sealed class DifferentialComparisonTests
{
    [Fact]
    public void Only_nan_payloads_are_forgiven()
    {
        Assert.True(DifferentialRunner.Same(Value.FromDouble(double.NaN), new Value(ValueKind.Double, 0x7FF8000000000000)));
        Assert.False(DifferentialRunner.Same(Value.FromDouble(double.NaN), Value.FromDouble(double.PositiveInfinity)));
        Assert.False(DifferentialRunner.Same(Value.FromDouble(0.0), Value.FromDouble(-0.0)));
        Assert.False(DifferentialRunner.Same(Value.FromDouble(1.0), Value.FromInt64(BitConverter.DoubleToInt64Bits(1.0))));
        Assert.False(DifferentialRunner.Same(Value.FromInt64(0), Value.FromInt64(1)));
    }
}
