using System.Text.Json;
using CsCheck;
using Faithful.Execution;
using Faithful.Families;
using Faithful.Model;
using Faithful.Reports.RunFiles;
using Faithful.Reports.RunFiles.Compact;
using Faithful.Traces.Scoring;
using Faithful.Traces.Simulation;

namespace Faithful.Cli.Tests.RunFiles;

public sealed class CompactVerdictTests
{
    [Fact]
    public void A_compact_verdict_expands_back_to_every_step_with_ground_truth_and_the_reply()
    {
        long fullBytes = 0, compactBytes = 0;
        var modes = new HashSet<FailureMode>();
        foreach (var (truth, reply) in ScoredReplies(240))
        {
            var verdict = CaseScorer.Score(truth, CaseScorer.Parse(truth.Program, reply));
            var json = JsonSerializer.Serialize(CompactVerdict.From(verdict), FaithfulJson.Options);
            fullBytes += JsonSerializer.Serialize(verdict, FaithfulJson.Options).Length;
            compactBytes += json.Length;
            var compact = JsonSerializer.Deserialize<CompactVerdict>(json, FaithfulJson.Options)!;

            AssertExpandsBack(truth, reply, verdict);
            modes.Add(verdict.PrimaryMode);

            // The headline alone is what aggregation reads: the same figures, no per-step table.
            var headline = compact.Headline();
            Assert.Empty(headline.Steps);
            Assert.Equal(verdict with { Steps = headline.Steps, ExtraClaims = headline.ExtraClaims }, headline);

            // What `score` summarizes without writing and reading the line back is that same headline.
            Assert.Equal(headline, CompactVerdict.HeadlineOf(verdict));
        }

        Assert.True(modes.Count >= 4, $"the simulated replies cover too few modes: {string.Join(", ", modes)}");
        Assert.True(compactBytes * 5 < fullBytes, $"compact {compactBytes} bytes, full {fullBytes}");
    }

    [Fact]
    public void The_headline_of_a_verdict_equals_its_headline_read_back_whatever_its_evidence_cites()
    {
        var truth = ScoredReplies(1).Single().Truth;
        var verdict = CaseScorer.Score(truth, CaseScorer.Parse(truth.Program, "nothing here"));
        var cited = new Evidence(FailureMode.HallucinatedSteps, new string('x', 5_000) + " <tail>", new int[] { 9, 3, 4, 5, 5, -2, -1, 0, 70_000 }.ToEquatableArray(), Enumerable.Range(0, 9_999).Append(12).ToEquatableArray());
        verdict = verdict with { Evidence = verdict.Evidence.Append(cited).ToEquatableArray() };

        var json = JsonSerializer.Serialize(CompactVerdict.From(verdict), FaithfulJson.Options);
        var readBack = JsonSerializer.Deserialize<CompactVerdict>(json, FaithfulJson.Options)!.Headline();

        var headline = CompactVerdict.HeadlineOf(verdict);
        Assert.Equal(readBack, headline);
        var stored = headline.Evidence[headline.Evidence.Count - 1];
        Assert.Equal(cited.Lines, stored.Lines);
        Assert.DoesNotContain("<tail>", stored.Explanation, StringComparison.Ordinal);
    }

    private static TraceVerdict AssertExpandsBack(Trace truth, string reply, TraceVerdict verdict)
    {
        var json = JsonSerializer.Serialize(CompactVerdict.From(verdict), FaithfulJson.Options);
        var expanded = JsonSerializer.Deserialize<CompactVerdict>(json, FaithfulJson.Options)!.Expand(truth, reply);

        Assert.Equal(verdict.PrimaryMode, expanded.PrimaryMode);
        Assert.Equal(verdict.Modes, expanded.Modes);
        Assert.Equal(verdict.Evidence, expanded.Evidence);
        Assert.Equal((verdict.FirstAnswerCorrect, verdict.FinalAnswerCorrect, verdict.FirstDivergence), (expanded.FirstAnswerCorrect, expanded.FinalAnswerCorrect, expanded.FirstDivergence));
        Assert.Equal(verdict.StepFaithfulness, expanded.StepFaithfulness);
        Assert.Equal(verdict.Completeness, expanded.Completeness);
        Assert.Equal(verdict.Steps.Count, expanded.Steps.Count);
        for (var s = 0; s < verdict.Steps.Count; s++)
        {
            var (before, after) = (verdict.Steps[s], expanded.Steps[s]);
            Assert.Equal((before.StepIndex, before.StepName, before.Expected, before.Verdict), (after.StepIndex, after.StepName, after.Expected, after.Verdict));
            Assert.Equal(before.Claim is null, after.Claim is null);
            if (before.Claim is { } claim)
            {
                Assert.Equal((claim.Line, claim.Attempt, claim.Value?.Text), (after.Claim!.Line, after.Claim.Attempt, after.Claim.Value?.Text));
                Assert.Equal(claim.Value?.Int64, after.Claim.Value?.Int64);
            }
        }

        Assert.Equal(verdict.ExtraClaims.Select(c => (c.Line, c.Value?.Text)), expanded.ExtraClaims.Select(c => (c.Line, c.Value?.Text)));
        return expanded;
    }

    [Theory]
    [InlineData("The loops leave n_0 = 7 and n_1 = -6.\n<result>1</result>")]
    [InlineData("I cannot simulate this.\n<result>5</result>")]
    [InlineData("n_0 = 3\nn_1 = -1\nn_1 = -2\nn_0 = 5\n<result>3</result>")]
    public void Given_declarations_without_claims_keep_every_claimed_line_in_place(string reply)
    {
        // Declarations with literals are given steps: correct with no claim. A reply that claims none of them, or only
        // later steps, must expand with each claim on its own line (this once failed or shifted the lines).
        var program = new Faithful.Transcripts.TranscriptProgramSource(
            "long n_0 = 1;\nlong n_1 = 0;\nfor (var i = 0; i < 3; i++)\n{\n    n_0 += 2;\n    for (var j = 0; j < 2; j++)\n    {\n        n_1 -= 1;\n    }\n}",
            "",
            "sum",
            "Loop").Read()!;
        var truth = ReferenceEvaluator.Evaluate(program, Array.Empty<Value>());

        var verdict = CaseScorer.Score(truth, CaseScorer.Parse(program, reply));

        Assert.Contains(verdict.Steps, s => s.Verdict == StepVerdict.Correct && s.Claim is null);
        AssertExpandsBack(truth, reply, verdict);
    }

    [Fact]
    public void A_verdict_on_another_program_is_refused_rather_than_misread()
    {
        var (truth, reply) = ScoredReplies(1).Single();
        var compact = CompactVerdict.From(CaseScorer.Score(truth, CaseScorer.Parse(truth.Program, reply)));
        var other = new ChainSpec(truth.Program.Steps.Count + 3, 1, ProgramSeed: 99).Generate();
        var otherTruth = ReferenceEvaluator.Evaluate(other, InputSampler.Sample(other, 1).Inputs);

        Assert.Throws<FormatException>(() => compact.Expand(otherTruth, reply));
    }

    [Fact]
    public void Step_codes_and_integer_runs_round_trip()
    {
        var verdicts = Gen.Int[0, 3].Select(i => (StepVerdict)i);
        Gen.Select(verdicts, Gen.Bool).List[0, 300].Sample(steps =>
        {
            // Only correct and missing steps may lack a claim (a given step; a step never shown).
            var normalized = steps.Select(s => (s.Item1, s.Item1 is not (StepVerdict.Missing or StepVerdict.Correct) || s.Item2)).ToList();
            Assert.Equal(normalized, StepCodes.Decode(StepCodes.Encode(normalized)));
        });
        Gen.Int[-50, 5000].List[0, 200].Sample(values => Assert.Equal(values, IntRuns.ParseDeltas(IntRuns.Deltas(values))));
        Gen.Int[0, 3000].List[0, 200].Sample(values =>
        {
            var set = values.Distinct().Order().ToList();
            Assert.Equal(set, IntRuns.ParseRanges(IntRuns.Ranges(set)));
        });

        Assert.Equal("C40P2EM12", StepCodes.Encode([.. Enumerable.Repeat((StepVerdict.Correct, true), 40), (StepVerdict.PropagatedError, true), (StepVerdict.PropagatedError, true), (StepVerdict.ExecutionError, true), .. Enumerable.Repeat((StepVerdict.Missing, false), 12)]));
        Assert.Equal("3,1x39,-2", IntRuns.Deltas([3, .. Enumerable.Range(4, 39), 40]));
        Assert.Equal("0-9999", IntRuns.Ranges(Enumerable.Range(0, 10_000)));
        Assert.Throws<FormatException>(() => StepCodes.Decode("C5X"));
        Assert.Throws<FormatException>(() => StepCodes.Decode("C99", maxSteps: 10));
    }

    // Simulated replies in the study's mix of failure modes, to chains and register programs of 5 to 60 steps.
    private static IEnumerable<(Trace Truth, string Reply)> ScoredReplies(int count)
    {
        var programs = new List<StepProgram>();
        foreach (var length in new[] { 5, 23, 60 })
        {
            programs.Add(new ChainSpec(length, 2, ProgramSeed: (ulong)length).Generate());
            programs.Add(new RegisterSpec(4, length, ProgramSeed: (ulong)length).Generate());
        }

        var simulator = new ReplySimulator(SimulationProfile.Study, seed: 7);
        for (var i = 0; i < count; i++)
        {
            var program = programs[i % programs.Count];
            var inputs = InputSampler.Sample(program, (ulong)i).Inputs;
            yield return (ReferenceEvaluator.Evaluate(program, inputs), simulator.Simulate(program, inputs, i).Text);
        }
    }
}
