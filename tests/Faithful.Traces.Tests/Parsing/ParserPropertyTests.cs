using System.Diagnostics;
using System.Text;
using CsCheck;
using Faithful.Families;
using Faithful.Model;
using Faithful.Traces.Parsing;
using Faithful.Traces.Prompts;

namespace Faithful.Traces.Tests.Parsing;

public sealed class ParserPropertyTests
{
    // Pieces of real replies, so random text reaches the tricky paths (tags, boxes, tables, arrows, restarts).
    private static readonly string[] Fragments =
    [
        "s1", "a3", "a3#2", " = ", ": ", " -> ", " => ", "→", " += ", "-=", "++", "--", "<result>", "</result>", "\\boxed{", "}", "{",
        "####", "| ", " |", "|---|", "**", "*", "`", "```", "$", "\\(", "\\)", "\\frac{", "}{", "−", "1,234", "1 234", "-7", "(", ")",
        "Final answer:", "Step 3:", "Wait, let me redo", "Actually,", "# ", "// ", "giving", " is ", "\n", "\n", "\r\n", "9", "42", ".", ",",
        "e5", "_", "\u202F", "\\", "<", ">", "x", "subtract", " from ", "1.5", "99999999999999999999999",
    ];

    private static readonly Gen<string> ReplyLikeText =
        Gen.OneOf<string>(new IGen<string>[] { Gen.OneOf(Fragments), Gen.Char.Select(c => c.ToString()) })
            .Array[0, 200]
            .Select(parts => string.Concat(parts));

    [Fact]
    public void Any_text_parses_without_throwing()
    {
        ReplyLikeText.Sample(text =>
        {
            var trace = TraceParser.Parse(text);
            Assert.All(trace.Claims, c => Assert.InRange(c.Line, 1, Math.Max(1, trace.LineCount)));
            Assert.All(trace.Answers, a => Assert.InRange(a.Line, 1, Math.Max(1, trace.LineCount)));
            Assert.DoesNotContain(trace.Issues, i => i.Reason.StartsWith("internal parser error", StringComparison.Ordinal));
        }, iter: 3000);
    }

    [Fact]
    public void Any_text_parses_without_throwing_with_a_program_and_a_user_pattern()
    {
        var options = TraceParserOptions.ForProgram(Programs.Registers(), AnswerExtraction.FromPattern(@"ANSWER\s*=\s*(?<answer>-?\d+)"));
        Gen.String.Sample(text =>
        {
            var trace = TraceParser.Parse(text, options);
            Assert.DoesNotContain(trace.Issues, i => i.Reason.StartsWith("internal parser error", StringComparison.Ordinal));
        }, iter: 2000);
    }

    [Fact]
    public void A_megabyte_of_random_text_is_read_in_bounded_time_and_marked_truncated()
    {
        var random = new Random(7);
        var builder = new StringBuilder(1 << 20);
        while (builder.Length < 1 << 20)
        {
            builder.Append(random.Next(4) == 0 ? Fragments[random.Next(Fragments.Length)] : ((char)random.Next(32, 0x3000)).ToString());
        }

        var text = builder.ToString();
        var whole = TraceParserOptions.Default with { MaxCharacters = 2 << 20, MaxLines = 1 << 20 };
        var trace = TraceParser.Parse(text);
        var bigger = TraceParser.Parse(text, whole);

        Assert.True(trace.Truncated);
        Assert.False(bigger.Truncated);

        // Linear time, not a speed target: reading eight times the text takes about eight times as long; a super-linear
        // blow-up would take ~64 times.
        var eighth = text[..(text.Length / 8)];
        AssertScalesLinearly(() => TraceParser.Parse(eighth, whole), () => TraceParser.Parse(text, whole), TimeSpan.Zero, "1 MB vs 128 KB");
    }

    // Eight times the input must not take 32 times as long (a quadratic pass takes ~64 times). Both sizes are timed
    // within one run, best of three each, so a loaded machine slows both alike; a comparison that fails is measured
    // again, up to three times in all, because another process taking the cores for a moment can land on every round
    // of one size (CI ran the test assemblies in parallel: 119 ms against 2 ms once, 10.7 against 1.3 ms normally),
    // while a super-linear pass fails every attempt.
    private static void AssertScalesLinearly(Action small, Action large, TimeSpan slack, string what)
    {
        var (smallBest, largeBest) = (TimeSpan.MaxValue, TimeSpan.MaxValue);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            (smallBest, largeBest) = (TimeSpan.MaxValue, TimeSpan.MaxValue);
            for (var round = 0; round < 3; round++)
            {
                var stopwatch = Stopwatch.StartNew();
                small();
                smallBest = TimeSpan.FromTicks(Math.Min(smallBest.Ticks, stopwatch.Elapsed.Ticks));
                stopwatch.Restart();
                large();
                largeBest = TimeSpan.FromTicks(Math.Min(largeBest.Ticks, stopwatch.Elapsed.Ticks));
            }

            if (largeBest < smallBest * 32 + slack)
            {
                return;
            }
        }

        Assert.Fail($"{what}: the larger input took {largeBest}, the smaller {smallBest} ({largeBest / smallBest:0.0} times as long) in each of three attempts");
    }

    [Theory]
    [InlineData("s1 = s1 = s1 = s1 = ")]
    [InlineData("((((((((((")]
    [InlineData("1,234,567,890,")]
    [InlineData("a3 += a2 is is giving giving ")]
    [InlineData("| s1 | 7 ")]
    [InlineData("<result>")]
    [InlineData("\\boxed{{{{")]
    public void Pathological_long_lines_stay_fast(string unit)
    {
        var text = string.Concat(Enumerable.Repeat(unit, (256 * 1024) / unit.Length));
        var withLines = string.Join('\n', Enumerable.Repeat(text[..2000], 128));

        _ = TraceParser.Parse(text);
        _ = TraceParser.Parse(withLines);

        // A guard against super-linear blow-ups (a quadratic pass over the reply takes minutes), not a speed target:
        // speed lives in the parse benchmark.
        var eighth = string.Join('\n', Enumerable.Repeat(text[..2000], 16));
        AssertScalesLinearly(() => TraceParser.Parse(eighth), () => TraceParser.Parse(withLines), TimeSpan.FromMilliseconds(50), "128 lines vs 16");
    }

    private static readonly Gen<StepProgram> AnyProgram = Gen.OneOf<StepProgram>(
        new IGen<StepProgram>[]
        {
        Gen.Select(Gen.Int[1, 95], Gen.Int[1, 8], Gen.Bool, Gen.ULong, (steps, depth, isDouble, seed) =>
            new ChainSpec(steps, depth, isDouble ? ValueKind.Double : ValueKind.Int64, OperatorMix.Mixed, seed).Generate()),
        Gen.Select(Gen.Int[2, 8], Gen.Int[1, 95], Gen.Bool, Gen.ULong, (registers, steps, sum, seed) =>
            new RegisterSpec(registers, steps, sum ? RegisterQuery.Sum : RegisterQuery.OneVariable, RegisterOps.All, seed).Generate()),
        });

    [Fact]
    public void A_correct_reply_in_the_process_aware_format_parses_back_to_every_step()
    {
        Gen.Select(AnyProgram, Gen.ULong).Sample((program, seed) =>
        {
            var trace = InputSampler.Sample(program, seed).Trace;
            var reply = ExpectedReply.For(trace);

            var parsed = TraceParser.Parse(reply, program);

            AssertAllStepsRecovered(program, trace, parsed);
        }, iter: 300);
    }

    [Fact]
    public void A_correct_reply_in_mixed_markdown_and_latex_styles_parses_back_to_every_step()
    {
        Gen.Select(AnyProgram, Gen.ULong, Gen.Int[0, 7].Array[95]).Sample((program, seed, styles) =>
        {
            var trace = InputSampler.Sample(program, seed).Trace;
            var builder = new StringBuilder("Sure, here is the execution.\n\n");
            for (var i = 0; i < trace.StepValues.Count; i++)
            {
                var name = program.Steps[i].Variable;
                var value = trace.StepValues[i].ToString();
                var statement = StepDisplay.Statement(program, program.Steps[i]);
                builder.Append(styles[i] switch
                {
                    0 => $"{name} = {value}",
                    1 => $"- **{name}** = {value}",
                    2 => $"{i + 1}. {statement} → {name} = {value}",
                    3 => $"Step {i + 1}: {statement}, so {name} = {value}",
                    4 => $"$${name} = {value}$$",
                    5 => $"\\({name} = {value}\\)",
                    6 => $"`{name}: {value}`",
                    _ => $"{name} -> {value}",
                }).Append('\n');
            }

            builder.Append("\n**Final answer:** ").Append(trace.Answer!.Value.ToString());
            var parsed = TraceParser.Parse(builder.ToString(), program);

            AssertAllStepsRecovered(program, trace, parsed);
        }, iter: 300);
    }

    private static void AssertAllStepsRecovered(StepProgram program, Faithful.Execution.Trace trace, ParsedTrace parsed)
    {
        Assert.Equal(program.Steps.Count, parsed.Claims.Count);
        for (var i = 0; i < program.Steps.Count; i++)
        {
            var claim = parsed.Claims[i];
            Assert.Equal(program.Steps[i].Variable, claim.Name);
            Assert.True(claim.Value is { } v && v.Matches(trace.StepValues[i]), $"step {i + 1}: claimed {claim.Value}, expected {trace.StepValues[i]}");
        }

        Assert.Equal(1, parsed.Attempts);
        Assert.Empty(parsed.Issues);
        var answer = Assert.Single(parsed.Answers);
        Assert.True(answer.Value is { } a && a.Matches(trace.Answer!.Value), $"answer {answer.Value}, expected {trace.Answer}");
    }
}
