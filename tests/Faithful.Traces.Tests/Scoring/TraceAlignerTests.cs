using Faithful.Execution;
using Faithful.Model;
using Faithful.Traces.Parsing;
using Faithful.Traces.Scoring;

namespace Faithful.Traces.Tests.Scoring;

/// <summary>Alignment on parsed traces built directly, so these tests do not depend on the parser's reading.</summary>
public sealed class TraceAlignerTests
{
    private static readonly Trace RegistersTruth = ReferenceEvaluator.Evaluate(Programs.Registers(), 4, 1, 2, -7, 5);
    private static readonly Trace ChainTruth = ReferenceEvaluator.Evaluate(Programs.Chain(), 3, 4);

    [Fact]
    public void Successive_values_of_a_variable_align_to_its_successive_versions()
    {
        var parsed = Trace(("a2", 9), ("a1", 4), ("a4", 9), ("a0", 0), ("a3", 2), ("a3", 11), ("a3", 20));

        var alignment = TraceAligner.Align(Programs.Registers(), RegistersTruth, parsed);

        Assert.Equal([0, 1, 2, 3, 4, 5, 6], alignment.Claims.Select(c => c.StepIndex!.Value));
        Assert.All(alignment.Verdicts, v => Assert.Equal(StepVerdict.Correct, v));
    }

    [Fact]
    public void A_skipped_write_leaves_its_version_missing_without_shifting_the_rest()
    {
        var parsed = Trace(("a2", 9), ("a1", 4), ("a4", 9), ("a0", 0), ("a3", 2), ("a3", 20));

        var alignment = TraceAligner.Align(Programs.Registers(), RegistersTruth, parsed);

        Assert.Equal([0, 1, 2, 3, 4, 6], alignment.Claims.Select(c => c.StepIndex!.Value));
        Assert.Equal(StepVerdict.Missing, alignment.Verdicts[5]);
        Assert.Equal(5, alignment.FirstDivergence);
    }

    [Fact]
    public void Wrong_values_keep_their_order_and_propagate()
    {
        // a3 += a2 slips to 12 at its second write; the third write is right on the model's own value 12.
        var parsed = Trace(("a2", 9), ("a1", 4), ("a4", 9), ("a0", 0), ("a3", 2), ("a3", 12), ("a3", 21));

        var alignment = TraceAligner.Align(Programs.Registers(), RegistersTruth, parsed);

        Assert.Equal(StepVerdict.ExecutionError, alignment.Verdicts[5]);
        Assert.Equal(StepVerdict.PropagatedError, alignment.Verdicts[6]);
    }

    [Fact]
    public void Restated_inputs_are_echoes_and_an_extra_write_is_an_extra()
    {
        var parsed = Trace(("a0", 4), ("a3", -7), ("a2", 9), ("a1", 4), ("a4", 9), ("a0", 0), ("a3", 2), ("a3", 11), ("a3", 20), ("a3", 29));

        var alignment = TraceAligner.Align(Programs.Registers(), RegistersTruth, parsed);

        Assert.Equal([ClaimRole.InputEcho, ClaimRole.InputEcho], alignment.Claims.Take(2).Select(c => c.Role));
        Assert.Equal(ClaimRole.Extra, alignment.Claims[^1].Role);
        Assert.All(alignment.Verdicts, v => Assert.Equal(StepVerdict.Correct, v));
    }

    [Fact]
    public void Bare_values_align_by_order_around_a_missing_line()
    {
        var parsed = Trace((null, 7), (null, 21), (null, 3));

        var alignment = TraceAligner.Align(Programs.Chain(), ChainTruth, parsed);

        Assert.Equal([0, 1, 3], alignment.Claims.Select(c => c.StepIndex!.Value));
        Assert.Equal(StepVerdict.Missing, alignment.Verdicts[2]);
    }

    [Fact]
    public void The_last_attempt_counts_and_the_earlier_claim_stays_as_evidence()
    {
        var parsed = new ParsedTrace(
            new[]
            {
                Claim(1, 0, "s1", 7),
                Claim(2, 0, "s2", 20),
                Claim(4, 1, "s2", 21),
                Claim(5, 1, "s3", 14),
                Claim(6, 1, "s4", 3),
            }.ToEquatableArray(),
            new[] { new ParsedAnswer(7, ParsedValue.FromInt64(3), AnswerStyle.FinalAnswerLine, "Final answer: 3") }.ToEquatableArray(),
            EquatableArray<ParseIssue>.Empty,
            2,
            7,
            false);

        var alignment = TraceAligner.Align(Programs.Chain(), ChainTruth, parsed);
        var classification = FailureClassifier.Classify(alignment);

        Assert.Equal(2, alignment.History[1].Count);
        Assert.Equal(21L, alignment.Final[1]!.Claim.Value!.Value.Int64);
        Assert.All(alignment.Verdicts, v => Assert.Equal(StepVerdict.Correct, v));
        Assert.Equal(FailureMode.SelfCorrection, classification.PrimaryMode);
        Assert.Equal([2, 4], classification.Evidence[0].Lines);
    }

    [Fact]
    public void Faulting_ground_truth_is_a_clear_error_not_a_verdict()
    {
        var inputs = new[] { Value.FromInt64(3), Value.FromInt64(0) };

        var error = Assert.Throws<ArgumentException>(() => CaseScorer.Score(Programs.Chain(), inputs, "s1 = 3\nFinal answer: 0"));
        var result = CaseScorer.ToCaseResult(Programs.Chain(), inputs, "sim:study", 0, "s1 = 3\nFinal answer: 0");

        Assert.Contains("DivideByZero", error.Message, StringComparison.Ordinal);
        Assert.Null(result.Verdict);
        Assert.Contains("division by zero", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Case_results_carry_length_depth_and_a_bounded_reply()
    {
        var reply = "s1 = 7\n" + new string('x', CaseScorer.MaxReplyChars * 2);

        var result = CaseScorer.ToCaseResult(Programs.Chain(), [Value.FromInt64(3), Value.FromInt64(4)], "m", 2, reply);

        Assert.Equal(4, result.Length);
        Assert.Equal(2, result.LookBackDepth);
        Assert.Equal("Samples.Programs.Chain(a=3,b=4)#2", result.CaseId);
        Assert.Equal(CaseScorer.MaxReplyChars, result.Reply.Length);
        Assert.Equal(FailureMode.MissingAnswer, result.Verdict!.PrimaryMode);
    }

    private static ParsedTrace Trace(params (string? Name, long Value)[] claims) => new(
        claims.Select((c, i) => Claim(i + 1, 0, c.Name, c.Value)).ToEquatableArray(),
        EquatableArray<ParsedAnswer>.Empty,
        EquatableArray<ParseIssue>.Empty,
        1,
        claims.Length,
        false);

    private static ParsedClaim Claim(int line, int attempt, string? name, long value) =>
        new(line, attempt, name, null, ParsedValue.FromInt64(value), null, $"{name} = {value}");
}

public sealed class HugeReplyTests
{
    [Fact]
    public void A_flood_of_claims_is_aligned_with_bounded_work()
    {
        var program = new Faithful.Families.RegisterSpec(5, 95, ProgramSeed: 3).Generate();
        var inputs = Faithful.Families.InputSampler.Sample(program, 1).Inputs;
        var claims = Enumerable.Range(0, 60_000)
            .Select(i => new ParsedClaim(i + 1, 0, $"a{i % 5}", null, ParsedValue.FromInt64(i % 7), null, $"a{i % 5} = {i % 7}"))
            .ToEquatableArray();
        var parsed = new ParsedTrace(claims, EquatableArray<ParsedAnswer>.Empty, EquatableArray<ParseIssue>.Empty, 1, 60_000, true);
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var verdict = CaseScorer.Score(program, inputs, parsed);

        Assert.Equal(95, verdict.Steps.Count);
        Assert.Equal(FailureMode.MissingAnswer, verdict.PrimaryMode);
        Assert.NotEmpty(verdict.ExtraClaims);
        // Generous: the quadratic alignment would need 60,000 × 100 cells and several seconds.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
    }
}
