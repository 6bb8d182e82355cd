using Faithful.Clients.Running;
using Faithful.Clients.Sampling;
using Faithful.Execution;
using Faithful.Model;
using Faithful.Testing;
using Faithful.Traces.Results;
using Faithful.Traces.Scoring;

namespace Faithful.TestAdapter.Tests.Adapter;

public sealed class FaithfulAssertTests
{
    private static readonly EquatableArray<Value> Inputs = new[] { Value.FromInt64(3), Value.FromInt64(-7) }.ToEquatableArray();

    internal static CaseResult Scored(string reply, int sample = 0)
    {
        var program = TestPrograms.Chain;
        var instrument = TracesInstrument.ProcessAware;
        var verdict = instrument.Score(ReferenceEvaluator.Evaluate(program, Inputs), instrument.Render(program, Inputs), reply);
        return new CaseResult(new FaithfulCase(program, Inputs, sample).CaseId, program.Id, program.Steps.Count, 2, "openai:test", sample, Inputs, reply, verdict, Tokens: new TokenCounts(120, 45));
    }

    internal static CaseResult Correct(int sample = 0) => Scored(TestPrograms.CorrectReply(TestPrograms.Chain, Inputs), sample);

    internal static CaseResult WrongAtStep2(int sample = 0) => Scored(TestPrograms.ReplyWithError(TestPrograms.Chain, Inputs, 1), sample);

    [Fact]
    public void A_failure_shows_the_rule_the_aligned_table_and_the_evidence()
    {
        var error = Assert.Throws<FaithfulAssertException>(() => FaithfulAssert.Faithfulness(WrongAtStep2(), atLeast: 0.9));

        Assert.Contains("step faithfulness >= 0.9 under rule all samples (n-of-n): 0 of 1", error.Message, StringComparison.Ordinal);
        Assert.Matches(@"\| step +\| expected +\| claimed +\| verdict +\| line \|", error.Message);
        Assert.Matches(@"\| s2 +\| -12 +\| -11 +\| ExecutionError +\| 2 +\|", error.Message);
        Assert.Contains("first divergence s2", error.Message, StringComparison.Ordinal);
        Assert.Contains("evidence:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_passing_result_passes_every_assertion()
    {
        FaithfulAssert.Faithfulness(Correct(), atLeast: 1.0);
        FaithfulAssert.NoFailureMode(Correct(), FailureMode.ArithmeticError);
        FaithfulAssert.FirstAnswerAccuracy([Correct(), Correct(1)], atLeast: 1.0);
    }

    [Fact]
    public void Sampling_rules_are_applied_and_named()
    {
        CaseResult[] samples = [Correct(0), WrongAtStep2(1), Correct(2), WrongAtStep2(3)];

        FaithfulAssert.Faithfulness(samples, atLeast: 1.0, SamplingRule.KOfN(2));
        FaithfulAssert.Faithfulness(samples, atLeast: 1.0, SamplingRule.PassAt(2, 0.8));
        var error = Assert.Throws<FaithfulAssertException>(() => FaithfulAssert.Faithfulness(samples, atLeast: 1.0, SamplingRule.PassHat(2, 0.5)));
        Assert.Contains("rule pass^2 >= 0.5: 2 of 4 sample(s) passed (statistic 0.167)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_failure_mode_fails_when_the_mode_is_present()
    {
        var wrong = WrongAtStep2();
        var mode = wrong.Verdict!.PrimaryMode;
        var error = Assert.Throws<FaithfulAssertException>(() => FaithfulAssert.NoFailureMode(wrong, mode));
        Assert.Contains($"no {mode}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void First_answer_accuracy_reports_the_share_and_the_failing_cases()
    {
        var error = Assert.Throws<FaithfulAssertException>(() => FaithfulAssert.FirstAnswerAccuracy([Correct(), Scored("s1 = -4\nFinal answer: 99", 1)], atLeast: 0.9));
        Assert.Contains("First-answer accuracy 0.5 (1 of 2) is below 0.9", error.Message, StringComparison.Ordinal);
        Assert.Contains("#1 on openai:test", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failed_request_fails_with_its_error_and_a_case_not_run_is_skipped()
    {
        var failed = Correct() with { Verdict = null, Error = "request failed: HttpRequestException: connection refused" };
        Assert.Contains("connection refused", Assert.Throws<FaithfulAssertException>(() => FaithfulAssert.Faithfulness(failed, 0.5)).Message, StringComparison.Ordinal);

        var notRun = Correct() with { Verdict = null, Error = CaseRunner.NotRunPrefix + "token budget exhausted: 100 of 100 tokens used" };
        Assert.Equal("Not run: token budget exhausted: 100 of 100 tokens used", FaithfulAssert.SkipReason([notRun]));
        Assert.Null(FaithfulAssert.SkipReason([notRun, Correct()]));
    }

    [Fact]
    public void A_live_model_test_is_skipped_with_the_reason_when_none_is_configured()
    {
        Assert.False(FaithfulModels.TryConnectLive(out _, out var reason, read: _ => null));
        Assert.Contains("FAITHFUL_MODEL", reason, StringComparison.Ordinal);

        var noKeys = new Faithful.Clients.Connections.ClientOptions { Secrets = Faithful.Clients.Connections.SecretSource.FromValues([]) };
        Assert.False(FaithfulModels.TryConnectLive(out _, out var missingKey, noKeys, read: k => k == "FAITHFUL_MODEL" ? "openai:gpt-4o-mini" : null));
        Assert.Contains("OPENAI_API_KEY", missingKey, StringComparison.Ordinal);

        Assert.True(FaithfulModels.TryConnectLive(out var connection, out _, read: k => k == "FAITHFUL_MODEL" ? "sim:study" : null));
        Assert.Equal("sim:study", connection.Model);
        connection.Dispose();
    }
}
