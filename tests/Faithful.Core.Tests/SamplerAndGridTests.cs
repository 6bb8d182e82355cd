using Faithful.Execution;
using Faithful.Families;
using Faithful.Model;

namespace Faithful.Core.Tests;

public sealed class SamplerAndGridTests
{
    /// <summary><c>s1 = a / b; s2 = s1 % (b - 1)</c>: faults when b is 0 or 1.</summary>
    private static StepProgram Fragile(long bMin, long bMax) => CSharpProgramWriter.Annotate(new StepProgram(
        "Fragile",
        "faults on b = 0 and b = 1",
        new[] { new Parameter("a", ValueKind.Int64, new Domain(-9, 9)), new Parameter("b", ValueKind.Int64, new Domain(bMin, bMax)) }.ToEquatableArray(),
        new[]
        {
            new Step(0, "s1", "s1", 1, ValueKind.Int64, new Binary(BinaryOp.Divide, new Ref(0, ValueKind.Int64), new Ref(1, ValueKind.Int64), ValueKind.Int64), "", 0),
            new Step(1, "s2", "s2", 1, ValueKind.Int64, new Binary(BinaryOp.Remainder, new Ref(2, ValueKind.Int64), new Binary(BinaryOp.Subtract, new Ref(1, ValueKind.Int64), new Constant(Value.FromInt64(1)), ValueKind.Int64), ValueKind.Int64), "", 0),
        }.ToEquatableArray(),
        new Ref(3, ValueKind.Int64),
        "s2",
        "Samples.Fragile"));

    [Fact]
    public void Sampler_never_returns_faulting_inputs_and_stays_in_the_domain()
    {
        var program = Fragile(-2, 2);

        var cases = InputSampler.SampleMany(program, 2000, seed: 5);

        Assert.All(cases, c =>
        {
            Assert.Null(c.Trace.Fault);
            Assert.Null(ReferenceEvaluator.Evaluate(program, c.Inputs).Fault);
            Assert.InRange(c.Inputs[0].AsInt64, -9, 9);
            Assert.InRange(c.Inputs[1].AsInt64, -2, 2);
        });
        // It did have to redraw (b = 0 and b = 1 are 2 of 5 values), and it still reaches every allowed b.
        Assert.Contains(cases, c => c.Attempts > 1);
        Assert.Equal(new HashSet<long> { -2, -1, 2 }, cases.Select(c => c.Inputs[1].AsInt64).ToHashSet());
    }

    [Fact]
    public void Sampler_gives_up_with_an_error_naming_program_seed_and_fault()
    {
        var program = Fragile(0, 1);

        var error = Assert.Throws<InputSamplingException>(() => InputSampler.Sample(program, 99, new SamplerOptions { MaxAttempts = 50 }));

        Assert.Contains("Samples.Fragile.Fragile", error.Message, StringComparison.Ordinal);
        Assert.Contains("seed 99", error.Message, StringComparison.Ordinal);
        Assert.Contains("all 50 draws faulted", error.Message, StringComparison.Ordinal);
        Assert.Contains("division by zero", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sampler_is_deterministic_and_draws_doubles_on_the_quarter_grid()
    {
        var program = new ChainSpec(10, 2, ValueKind.Double, ProgramSeed: 3).Generate();

        var first = InputSampler.SampleMany(program, 100, 17);
        var second = InputSampler.SampleMany(program, 100, 17);

        Assert.Equal(first.Select(c => c.Inputs), second.Select(c => c.Inputs));
        Assert.All(first.SelectMany(c => c.Inputs), v => Assert.Equal(0, v.AsDouble * 4 % 1));
        Assert.True(first.Select(c => c.Inputs).Distinct().Count() > 90);
    }

    [Fact]
    public void Sampler_rejects_an_empty_domain_naming_the_parameter()
    {
        var program = Fragile(5, 3);

        var error = Assert.Throws<ArgumentException>(() => InputSampler.Sample(program, 1));

        Assert.Contains("parameter b has an empty domain", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SplitMix64_matches_the_reference_sequence()
    {
        // First outputs of SplitMix64 seeded with 0 (Vigna's reference implementation).
        var random = new SplitMix64(0);

        Assert.Equal(0xE220A8397B1DCDAFUL, random.NextUInt64());
        Assert.Equal(0x6E789E6AA1B965F4UL, random.NextUInt64());
        Assert.Equal(0x06C45D188009454FUL, random.NextUInt64());
    }

    [Fact]
    public void Default_grid_is_the_studys_55_cells_with_distinct_stable_programs()
    {
        var programs = StudyGrid.Default.Programs().ToList();

        Assert.Equal(55, programs.Count);
        Assert.Equal([5, 14, 23, 32, 41, 50, 59, 68, 77, 86, 95], programs.Select(p => p.Spec.Length).Distinct());
        Assert.Equal([1, 2, 3, 4, 5], programs.Select(p => p.Spec.Depth).Distinct().Order());
        Assert.All(programs, p => Assert.Equal(p.Spec.Length, p.Program.Steps.Count));
        Assert.Equal(55, programs.Select(p => p.Program.Name).Distinct().Count());
        Assert.Equal(programs.Select(p => p.Program), StudyGrid.Default.Programs().Select(p => p.Program));
    }

    [Fact]
    public void Adding_a_length_does_not_change_the_other_cells()
    {
        var small = StudyGrid.Default with { Lengths = new[] { 5, 95 }.ToEquatableArray() };
        var large = StudyGrid.Default with { Lengths = new[] { 5, 50, 95 }.ToEquatableArray() };

        var fromSmall = small.Programs().Select(p => p.Program).ToList();
        var fromLarge = large.Programs().Select(p => p.Program).Where(p => p.Steps.Count != 50).ToList();

        Assert.Equal(fromSmall, fromLarge);
    }

    [Theory]
    [InlineData("chain:L=25,d=3,type=long,mix=mixed,seed=42")]
    [InlineData("chain:L=5,d=1,type=double,mix=add+mul,seed=0,bound=500")]
    [InlineData("register:k=5,L=20,query=sum,ops=all,seed=7")]
    [InlineData("register:k=3,L=9,query=one,ops=arith+shift,seed=18446744073709551615,inputs=9")]
    [InlineData("register:k=4,L=12,query=one,ops=arith+div+inc,seed=3")]
    public void Spec_text_round_trips(string text)
    {
        var spec = FamilySpecText.Parse(text);

        Assert.Equal(text, spec.ToString());
        Assert.Equal(spec.Generate(), FamilySpecText.Parse(spec.ToString()).Generate());
    }

    [Theory]
    [InlineData("chain:d=3", "missing 'L='")]
    [InlineData("chain:L=5,d=2,mix=pow", "mix='pow' is not valid")]
    [InlineData("loop:L=5", "unknown family 'loop'")]
    [InlineData("chain:L=5,d=2,colour=red", "unknown key(s) colour")]
    [InlineData("25 steps", "is not a family spec")]
    public void Bad_spec_text_says_what_is_wrong(string text, string expected)
    {
        var error = Assert.Throws<FormatException>(() => FamilySpecText.Parse(text));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("long", "long-mixed")]
    [InlineData("double-add+div", "double-add+div")]
    [InlineData("register-sum", "register-sum")]
    public void Grid_variants_parse(string text, string canonical) => Assert.Equal(canonical, GridVariant.Parse(text).ToString());
}

public sealed class GridRangeTests
{
    [Theory]
    [InlineData("5..95:9", "5,14,23,32,41,50,59,68,77,86,95")]
    [InlineData("1..5", "1,2,3,4,5")]
    [InlineData("5, 20,50", "5,20,50")]
    [InlineData("5,10..30:10,5", "5,10,20,30")]
    public void Parses_lists_and_ranges(string text, string expected) => Assert.Equal(expected, GridRange.Format(GridRange.Parse(text)));

    [Theory]
    [InlineData("", "lists no values")]
    [InlineData("5..x", "'x' is not an integer")]
    [InlineData("9..5", "needs from <= to")]
    [InlineData("1..9:0", "step of at least 1")]
    public void Bad_lists_say_why(string text, string expected) =>
        Assert.Contains(expected, Assert.Throws<FormatException>(() => GridRange.Parse(text)).Message, StringComparison.Ordinal);
}
