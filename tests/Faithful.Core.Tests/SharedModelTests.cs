using Faithful.Execution;
using Faithful.Model;
using Faithful.Prompts;

namespace Faithful.Core.Tests;

/// <summary>What the analyzers compile in from Faithful.Core: the overflow hook, the naming rule and the placeholder syntax.</summary>
public sealed class SharedModelTests
{
    [Theory]
    [InlineData(BinaryOp.Add, long.MaxValue, 1L, true)]
    [InlineData(BinaryOp.Add, long.MaxValue, -1L, false)]
    [InlineData(BinaryOp.Subtract, long.MinValue, 1L, true)]
    [InlineData(BinaryOp.Subtract, -1L, long.MaxValue, false)]
    [InlineData(BinaryOp.Multiply, 1L << 32, 1L << 31, true)]
    [InlineData(BinaryOp.Multiply, -1L, long.MinValue, true)]
    [InlineData(BinaryOp.Multiply, long.MinValue, -1L, true)]
    [InlineData(BinaryOp.Multiply, -3037000499L, 3037000499L, false)]
    [InlineData(BinaryOp.Divide, long.MaxValue, 2L, false)]
    public void The_overflow_hook_names_the_step_whose_unchecked_arithmetic_wrapped(BinaryOp op, long left, long right, bool wraps)
    {
        var program = TwoSteps(new Binary(op, new Ref(0, ValueKind.Int64), new Ref(1, ValueKind.Int64), ValueKind.Int64));
        var wrapped = new List<int>();

        var trace = ReferenceEvaluator.Evaluate(program, [Value.FromInt64(left), Value.FromInt64(right)], wrapped.Add);

        Assert.True(trace.IsComplete);
        Assert.Equal(wraps ? [1] : [], wrapped);
        Assert.Equal(ReferenceEvaluator.Evaluate(program, left, right), trace);
    }

    [Fact]
    public void Negating_long_MinValue_wraps_unchecked_and_faults_checked()
    {
        var x = new Ref(0, ValueKind.Int64);
        var wrapped = new List<int>();

        ReferenceEvaluator.Evaluate(TwoSteps(new Unary(UnaryOp.Negate, x, ValueKind.Int64)), [Value.FromInt64(long.MinValue), Value.FromInt64(0)], wrapped.Add);
        var faulted = ReferenceEvaluator.Evaluate(TwoSteps(new Unary(UnaryOp.Negate, x, ValueKind.Int64, Checked: true)), [Value.FromInt64(long.MinValue), Value.FromInt64(0)], wrapped.Add);

        Assert.Equal([1], wrapped);
        Assert.Equal(FaultKind.Overflow, faulted.Fault?.Kind);
    }

    [Theory]
    [InlineData(double.NaN, 0L)]
    [InlineData(1e300, long.MaxValue)]
    [InlineData(-1e300, long.MinValue)]
    [InlineData(9223372036854775807.0, long.MaxValue)]
    [InlineData(-2.9, -2L)]
    public void Unchecked_double_to_long_saturates_as_CSharp_does(double input, long expected)
    {
        var program = new StepProgram(
            "Convert",
            "",
            new[] { new Parameter("d", ValueKind.Double) }.ToEquatableArray(),
            new[] { new Step(0, "s1", "s1", 1, ValueKind.Int64, new Unary(UnaryOp.ToInt64, new Ref(0, ValueKind.Double), ValueKind.Int64), "", 0) }.ToEquatableArray(),
            new Ref(1, ValueKind.Int64),
            "s1",
            AllowNonFinite: true);

        var trace = ReferenceEvaluator.Evaluate(program, [Value.FromDouble(input)]);

        Assert.Equal(Value.FromInt64(expected), trace.Answer);
        Assert.Equal(unchecked((long)input), expected);
    }

    [Theory]
    [InlineData("s3", 1, 1, false, "s3")]
    [InlineData("s3", 2, 2, false, "s3#2")]
    [InlineData("a3", 1, 1, true, "a3#1")]
    public void Steps_are_named_by_one_rule(string variable, int version, int writes, bool isInput, string expected) =>
        Assert.Equal(expected, StepNames.Of(variable, version, writes, isInput));

    [Fact]
    public void Shared_version_names_are_the_names_of_the_rule_and_one_set_per_variable()
    {
        var variable = "shared_" + Guid.NewGuid().ToString("N")[..8];

        var first = StepNames.SharedVersions(variable, 40);
        var grown = StepNames.SharedVersions(variable, 100);
        var again = StepNames.SharedVersions(variable, 100);

        Assert.True(first.Length >= 40);
        Assert.True(grown.Length >= 100);
        for (var version = 1; version <= 100; version++)
        {
            Assert.Equal(StepNames.Of(variable, version, 100, isInput: false), grown[version - 1]);
        }

        // Shared, not made again: a later program gets the same strings, and growing keeps those already made.
        Assert.Same(grown[99], again[99]);
        Assert.Same(first[39], grown[39]);

        // Outside what the store keeps, the caller names each write itself.
        Assert.Empty(StepNames.SharedVersions(new string('v', 33), 5));
        Assert.Empty(StepNames.SharedVersions(variable, ProgramLimits.MaxSteps + 1));
        Assert.Empty(StepNames.SharedVersions(variable, 0));
    }

    [Fact]
    public void The_version_name_store_keeps_no_more_than_its_bound()
    {
        var store = new VersionNameStore(maxNames: 64);

        var a = store.Versions("a", 40);
        var b = store.Versions("b", 20);

        Assert.Equal(40, a.Length);
        Assert.Equal(20, b.Length);
        Assert.Equal(60, store.Count);

        // A new variable (16 names at least) or a grown one (doubling a to 80) would pass the bound: nothing is kept.
        Assert.Empty(store.Versions("c", 10));
        Assert.Empty(store.Versions("a", 41));
        Assert.Equal(60, store.Count);

        // What was kept is still given out.
        Assert.Same(a[39], store.Versions("a", 40)[39]);
        Assert.Equal("b#20", store.Versions("b", 20)[19]);
    }

    [Theory]
    [InlineData("a3#2", 2)]
    [InlineData("n_0#17", 3)]
    [InlineData("s3", -1)]
    [InlineData("#2", -1)]
    [InlineData("a3#", -1)]
    [InlineData("a3#x", -1)]
    [InlineData("a3#1x", -1)]
    public void A_versioned_name_is_found_by_its_mark(string name, int mark) =>
        Assert.Equal(mark, StepNames.VersionMark(name));

    [Theory]
    [InlineData("a3#2", "a3")]
    [InlineData("n_0#17", "n_0")]
    [InlineData("s3", "s3")]
    [InlineData("a3#x", "a3#x")]
    [InlineData("#2", "#2")]
    public void A_step_name_gives_its_variable(string name, string variable) =>
        Assert.Equal(variable, StepNames.VariableOf(name));

    [Fact]
    public void Placeholders_parse_closed_unclosed_and_escaped()
    {
        var found = PlaceholderSyntax.Parse("a = {{ a }}, {{{{b}} literal, {{a3#2}}\nnext {{s1 without end\n{{ 3x }}");

        Assert.Equal([("a", true), ("a3#2", true), ("s1", false)], found.Select(p => (p.Name, p.IsClosed)));
        Assert.Equal(["a", "a3#2"], PlaceholderSyntax.Find("a = {{ a }}, {{{{b}} literal, {{a3#2}}").Select(p => p.Name));
        Assert.Equal("{{b}}", PlaceholderSyntax.Unescape("{{{{b}}"));
    }

    [Theory]
    [InlineData("stpes", "steps")]
    [InlineData("S1", "s1")]
    [InlineData("s9", "s1")]
    [InlineData("x", null)]
    [InlineData("zzz", null)]
    public void Did_you_mean_needs_a_close_name(string typed, string? expected) =>
        Assert.Equal(expected, PlaceholderSyntax.ClosestName(typed, ["steps", "inputs", "a", "s1"]));

    private static StepProgram TwoSteps(Expr second) => new(
        "Two",
        "",
        new[] { new Parameter("x", ValueKind.Int64), new Parameter("y", ValueKind.Int64) }.ToEquatableArray(),
        new[]
        {
            new Step(0, "s1", "s1", 1, ValueKind.Int64, new Ref(0, ValueKind.Int64), "", 0),
            new Step(1, "s2", "s2", 1, ValueKind.Int64, second, "", 0),
        }.ToEquatableArray(),
        new Ref(3, ValueKind.Int64),
        "s2");
}
