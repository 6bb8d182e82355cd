using Faithful.Model;
using static Faithful.Analyzers.Tests.Infrastructure.ProgramText;
using static Faithful.Analyzers.Tests.Infrastructure.TestCompilation;

namespace Faithful.Analyzers.Tests.Extraction;

public sealed class StepExtractionTests
{
    [Fact]
    public void Chain_of_fresh_locals_becomes_named_steps_with_source_and_lines()
    {
        var program = Program(InClass("""
                [ReferenceProgram("Two-input look-back chain")]
                public static long Chain(long a, long b)
                {
                    var s1 = a + b;
                    var s2 = s1 * a;
                    var s3 = s2 - s1;   // looks back two steps
                    var s4 = s3 / b;
                    return s4;
                }
            """));

        Assert.Equal("Chain", program.Name);
        Assert.Equal("Samples.Programs", program.ContainingType);
        Assert.Equal("Samples.Programs.Chain", program.Id);
        Assert.Equal("Two-input look-back chain", program.Description);
        Assert.Equal(["a", "b"], program.Parameters.Select(p => p.Name));
        Assert.Equal(["s1 = a + b", "s2 = s1 * a", "s3 = s2 - s1", "s4 = s3 / b"], Steps(program));
        Assert.Equal(["var s1 = a + b;", "var s2 = s1 * a;", "var s3 = s2 - s1;", "var s4 = s3 / b;"], program.Steps.Select(s => s.SourceText));
        Assert.Equal([11, 12, 13, 14], program.Steps.Select(s => s.Line));
        Assert.Equal(new Ref(5, ValueKind.Int64), program.Result);
        Assert.Equal("s4", program.ResultSourceText);
        Assert.All(program.Steps, s => Assert.Equal(1, s.Version));
        Assert.Equal(2, LookBack.MaxDepth(program));
    }

    [Fact]
    public void Registers_program_of_issue_nine_is_ssa_with_unrolled_loop()
    {
        var program = Program(InClass("""
                [ReferenceProgram("Five registers")]
                public static long Registers(long a0, long a1, long a2, long a3, long a4)
                {
                    a2 -= a3;
                    a1 = a0;
                    a4 += a1;
                    a0 &= a4;
                    for (var i = 0; i < 3; i++) { a3 += a2; }   // constant bound: unrolled into 3 steps
                    return a3;
                }
            """));

        Assert.Equal(
            ["a2#1 = a2 - a3", "a1#1 = a0", "a4#1 = a4 + a1#1", "a0#1 = a0 & a4#1", "a3#1 = a3 + a2#1", "a3#2 = a3#1 + a2#1", "a3#3 = a3#2 + a2#1"],
            Steps(program));
        Assert.Equal(["a2 -= a3;", "a1 = a0;", "a4 += a1;", "a0 &= a4;", "a3 += a2;", "a3 += a2;", "a3 += a2;"], program.Steps.Select(s => s.SourceText));
        Assert.Equal([1, 1, 1, 1, 1, 2, 3], program.Steps.Select(s => s.Version));
        Assert.Equal(["a2", "a1", "a4", "a0", "a3", "a3", "a3"], program.Steps.Select(s => s.Variable));
        Assert.Equal([15, 15, 15], program.Steps.Skip(4).Select(s => s.Line));
        Assert.Equal("a3#3", Result(program));
    }

    [Fact]
    public void A_local_written_twice_is_versioned_and_a_local_written_once_keeps_its_name()
    {
        var program = Program(InClass("""
                [ReferenceProgram]
                public static long M(long a)
                {
                    long x = a + 1;
                    var y = x * 2;
                    x = y - a;
                    return x + y;
                }
            """));

        Assert.Equal(["x#1 = a + 1", "y = x#1 * 2", "x#2 = y - a"], Steps(program));
        Assert.Equal("x#2 + y", Result(program));
    }

    [Theory]
    [InlineData("+=", "a + b")]
    [InlineData("-=", "a - b")]
    [InlineData("*=", "a * b")]
    [InlineData("/=", "a / b")]
    [InlineData("%=", "a % b")]
    [InlineData("&=", "a & b")]
    [InlineData("|=", "a | b")]
    [InlineData("^=", "a ^ b")]
    public void Compound_assignment_reads_the_previous_version(string op, string expected)
    {
        var program = Program(InClass($$"""
                [ReferenceProgram]
                public static long M(long a, long b)
                {
                    a {{op}} b;
                    return a;
                }
            """));

        Assert.Equal([$"a#1 = {expected}"], Steps(program));
        Assert.Equal($"a {op} b;", program.Steps[0].SourceText);
    }

    [Fact]
    public void Shift_assignments_take_int_counts_and_int_casts_of_longs()
    {
        var program = Program(InClass("""
                [ReferenceProgram]
                public static long M(long a, long b)
                {
                    a <<= 3;
                    a >>= (int)b;
                    var c = a << (int)(b + 1);
                    return c >> 2;
                }
            """));

        Assert.Equal(["a#1 = a << 3", "a#2 = a#1 >> (int)b", "c = a#2 << (int)(b + 1)"], Steps(program));
        Assert.Equal(new Unary(UnaryOp.ToInt32, new Ref(1, ValueKind.Int64), ValueKind.Int64), ((Binary)program.Steps[1].Expression).Right);
    }

    [Fact]
    public void Int_casts_of_longs_widen_exactly_and_compare_as_ints()
    {
        var program = Program(InClass("""
                [ReferenceProgram]
                public static long M(long a, long b)
                {
                    var s1 = a + (int)b;
                    long s2 = (int)a <= 6 ? 1 : -1;
                    var s3 = (long)checked((int)s1) * s2;
                    return s3;
                }
            """));

        Assert.Equal(["s1 = a + (int)b", "s2 = (int)a <= 6 ? 1L : -1", "s3 = checked((int)s1) * s2"], Steps(program));
        Assert.Equal(new Unary(UnaryOp.ToInt32, new Ref(2, ValueKind.Int64), ValueKind.Int64, Checked: true), ((Binary)program.Steps[2].Expression).Left);
    }

    [Fact]
    public void Increments_and_decrements_are_steps_on_long_and_double()
    {
        var program = Program(InClass("""
                [ReferenceProgram]
                public static double M(long a, double d)
                {
                    a++;
                    ++a;
                    a--;
                    d--;
                    return d + a;
                }
            """));

        Assert.Equal(["a#1 = a + 1", "a#2 = a#1 + 1", "a#3 = a#2 - 1", "d#1 = d - 1.0"], Steps(program));
        Assert.Equal("d#1 + (double)a#3", Result(program));
    }

    [Fact]
    public void Operators_unary_calls_and_conditionals_keep_their_tree()
    {
        var program = Program(InClass("""
                [ReferenceProgram]
                public static long M(long a, long b)
                {
                    var s1 = -(a + b) * ~b;
                    var s2 = +s1 ^ (a | b) & 7;
                    var s3 = Math.Max(s1, Math.Min(s2, a)) + Math.Abs(b);
                    var s4 = s3 >= a ? s3 - a : a;
                    long s5 = a != b ? 1 : 2;
                    return s4 + s5;
                }
            """));

        Assert.Equal(
            ["s1 = -(a + b) * ~b", "s2 = s1 ^ (a | b) & 7", "s3 = Math.Max(s1, Math.Min(s2, a)) + Math.Abs(b)", "s4 = s3 >= a ? s3 - a : a", "s5 = a != b ? 1L : 2"],
            Steps(program));
        Assert.IsType<Conditional>(program.Steps[3].Expression);
    }

    [Fact]
    public void Implicit_conversions_to_double_become_explicit_nodes()
    {
        var program = Program(InClass("""
                [ReferenceProgram]
                public static double M(long a, double d)
                {
                    double x = a;
                    var y = a * 0.5;
                    d += a;
                    var z = (long)y + 3;
                    var w = Math.Max(d, a);
                    return z;
                }
            """));

        Assert.Equal(["x = (double)a", "y = (double)a * 0.5", "d#1 = d + (double)a", "z = (long)y + 3", "w = Math.Max(d#1, (double)a)"], Steps(program));
        Assert.Equal(new Unary(UnaryOp.ToDouble, new Ref(5, ValueKind.Int64), ValueKind.Double), program.Result);
        Assert.Equal(ValueKind.Double, program.Steps[0].Kind);
        Assert.Equal(ValueKind.Int64, program.Steps[3].Kind);
    }

    [Fact]
    public void Checked_expressions_blocks_and_statements_mark_the_operators_they_contain()
    {
        var program = Program(InClass("""
                [ReferenceProgram]
                public static long M(long a, long b, double d)
                {
                    var s1 = checked(a + b * 2);
                    var s2 = a + b;
                    checked
                    {
                        a += b;
                        b++;
                        var s3 = unchecked(a - b) / 2;
                        var s4 = -(long)d;
                        var s5 = a & b;
                    }

                    return s1 + s2;
                }
            """));

        static bool[] Flags(Expr e) => e switch
        {
            Binary b => [b.Checked, .. Flags(b.Left), .. Flags(b.Right)],
            Unary u => [u.Checked, .. Flags(u.Operand)],
            _ => [],
        };

        // Operators, pre-order: the innermost checked/unchecked context around each one decides.
        Assert.Equal([true, true], Flags(program.Steps[0].Expression));
        Assert.Equal([false], Flags(program.Steps[1].Expression));
        Assert.Equal([true], Flags(program.Steps[2].Expression));
        Assert.Equal([true], Flags(program.Steps[3].Expression));
        Assert.Equal([true, false], Flags(program.Steps[4].Expression));
        Assert.Equal([true, true], Flags(program.Steps[5].Expression));
        Assert.Equal([true], Flags(program.Steps[6].Expression));
        Assert.Equal(["s1", "s2", "a#1", "b#1", "s3", "s4", "s5"], program.Steps.Select(s => s.Name));
    }

    [Fact]
    public void Constants_fold_as_csharp_types_them()
    {
        var program = Program(InClass("""
                [ReferenceProgram]
                public static long M(long a)
                {
                    const long Limit = 1000;
                    var s1 = a + Limit;
                    var s2 = s1 + (1 << 40);
                    var s3 = s2 + 4294967296 + 2147483648;
                    var s4 = Math.Min(s3, long.MaxValue);
                    long s5 = 7;
                    return s4 - s5;
                }
            """));

        // 1 << 40 is int arithmetic: the count is masked to 40 & 31 = 8.
        Assert.Equal(["s1 = a + 1000", "s2 = s1 + 256", "s3 = s2 + 4294967296L + 2147483648L", "s4 = Math.Min(s3, 9223372036854775807L)", "s5 = 7"], Steps(program));
    }

    [Fact]
    public void Loop_variables_become_constants_and_body_locals_get_versions()
    {
        var program = Program(InClass("""
                [ReferenceProgram]
                public static long M(long a)
                {
                    for (int i = 3; i > 0; i -= 2)
                    {
                        var t = a * i;
                        a = t + i * 10;
                    }

                    for (long j = 0; j < 2; ++j)
                        for (var k = 0; k <= j; k++)
                            a ^= j << k;

                    return a;
                }
            """));

        Assert.Equal(
            ["t#1 = a * 3", "a#1 = t#1 + 30", "t#2 = a#1 * 1", "a#2 = t#2 + 10", "a#3 = a#2 ^ 0", "a#4 = a#3 ^ 1", "a#5 = a#4 ^ 2"],
            Steps(program));
    }

    [Fact]
    public void Multiple_declarators_and_expression_bodies_are_supported()
    {
        var programs = ExtractAll(InClass("""
                [ReferenceProgram]
                public static long Pair(long a, long b)
                {
                    long x = a + 1, y = b + 2;
                    return x * y;
                }

                [ReferenceProgram("Short")]
                public static double Arrow(double a) => a * a;
            """)).Select(r => r.Program!).ToList();

        Assert.Equal(["x = a + 1", "y = b + 2"], Steps(programs[0]));
        Assert.Equal(["long x = a + 1, y = b + 2;", "long x = a + 1, y = b + 2;"], programs[0].Steps.Select(s => s.SourceText));
        Assert.Empty(programs[1].Steps);
        Assert.Equal("a * a", Result(programs[1]));
        Assert.Equal("a * a", programs[1].ResultSourceText);
    }

    [Fact]
    public void Attributes_give_domains_distractors_and_non_finite_permission()
    {
        var program = Program(InClass("""
                [ReferenceProgram("With attributes", AllowNonFinite = true)]
                [Distractor("s2")]
                public static double M([Domain(-1000, 1000)] long a, [Domain(0.5, 2.5)] double d)
                {
                    var s1 = a * d;
                    var s2 = s1 + 1;
                    var s3 = s1 / d;
                    return s3;
                }
            """));

        Assert.True(program.AllowNonFinite);
        Assert.Equal(new Domain(-1000m, 1000m), program.Parameters[0].Domain);
        Assert.Equal(new Domain(0.5m, 2.5m), program.Parameters[1].Domain);
        Assert.Equal([false, true, false], program.Steps.Select(s => s.IsDistractor));
    }
}
