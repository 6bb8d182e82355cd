using CsCheck;
using Faithful.Families;
using Faithful.Model;
using Faithful.Traces.Parsing;
using Faithful.Traces.Scoring;
using Faithful.Traces.Simulation;

namespace Faithful.Traces.Tests.Simulation;

public sealed class RoundTripPropertyTests
{
    private static readonly Gen<StepProgram> Programs = Gen.Frequency(
        (3, Gen.Select(Gen.Int[1, 60], Gen.Int[1, 5], Gen.ULong).Select((length, depth, seed) => new ChainSpec(length, depth, ProgramSeed: seed).Generate())),
        (1, Gen.Select(Gen.Int[1, 40], Gen.Int[1, 5], Gen.ULong).Select((length, depth, seed) => new ChainSpec(length, depth, ValueKind.Double, ProgramSeed: seed).Generate())),
        (2, Gen.Select(Gen.Int[2, 8], Gen.Int[1, 60], Gen.ULong).Select((registers, length, seed) => new RegisterSpec(registers, length, ProgramSeed: seed).Generate())),
        (1, Gen.Select(Gen.Int[0, 10_000], Gen.Int[1, 3], Gen.Int[2, 3], Gen.Bool).Select((seed, variables, bound, nested) => LoopPrograms.Generate(seed, variables, bound, nested))));

    [Fact]
    public void A_correct_simulated_reply_in_any_style_scores_every_step_correct()
    {
        var simulator = new ReplySimulator(SimulationProfile.Perfect);
        Gen.Select(Programs, Gen.ULong, Gen.Int[0, 1000]).Sample((program, inputSeed, sample) =>
        {
            var inputs = program.Parameters.Count == 0 ? EquatableArray<Value>.Empty : InputSampler.Sample(program, inputSeed).Inputs;
            var styles = ReplySimulator.IsRegisterProgram(program) ? ReplySimulator.StylesForVariables : ReplySimulator.StylesForSteps;
            foreach (var style in styles)
            {
                var reply = simulator.Simulate(program, inputs, sample, FailureMode.Correct, style);
                var verdict = CaseScorer.Score(program, inputs, reply.Text);
                Assert.True(
                    verdict.PrimaryMode == FailureMode.Correct && verdict.Steps.All(s => s.Verdict == StepVerdict.Correct),
                    $"{program.Id} {style}: {verdict.PrimaryMode}, first divergence {verdict.FirstDivergence}\n{reply.Text}");
            }
        }, iter: 150);
    }

    [Fact]
    public void Scoring_any_parsed_trace_returns_a_verdict_for_every_step()
    {
        var program = Traces.Tests.Programs.Registers();
        var inputs = new long[] { 4, 1, 2, -7, 5 }.Select(Value.FromInt64).ToArray();
        string?[] pool = [null, "a0", "a1", "a2", "a3", "a4", "a5", "a3#2", "s1", "result"];
        var names = Gen.Int[0, pool.Length - 1].Select(i => pool[i]);
        var values = Gen.Select(Gen.Long[-30, 30], Gen.Int[0, 9]).Select((v, k) => k == 0 ? (long?)null : v);
        var claim = Gen.Select(names, Gen.Int[-1, 12].Select(n => n < 0 ? (int?)null : n), values, Gen.Int[0, 2])
            .Select((name, number, value, attempt) => (name, number, value, attempt));
        var answer = values;
        Gen.Select(claim.Array[0, 30], answer.Array[0, 3]).Sample((claims, answers) =>
        {
            var ordered = claims.OrderBy(c => c.attempt).ToArray();
            var parsed = new ParsedTrace(
                ordered.Select((c, i) => new ParsedClaim(i + 1, c.attempt, c.name, c.number, c.value is { } v ? ParsedValue.FromInt64(v) : null, null, "")).ToEquatableArray(),
                answers.Select((a, i) => new ParsedAnswer(ordered.Length + i + 1, a is { } v ? ParsedValue.FromInt64(v) : null, AnswerStyle.FinalAnswerLine, "")).ToEquatableArray(),
                EquatableArray<ParseIssue>.Empty,
                3,
                ordered.Length + answers.Length,
                false);

            var verdict = CaseScorer.Score(program, inputs, parsed);

            Assert.Equal(program.Steps.Count, verdict.Steps.Count);
            Assert.Equal(verdict.PrimaryMode, verdict.Modes[0]);
            Assert.InRange(verdict.StepFaithfulness, 0, 1);
            // A name the program does not have, given a value, is an extra unless a step number in range places the claim;
            // given none, it executes nothing.
            Assert.Equal(
                parsed.Claims.Count(c => c.Name is "a5" or "s1" && c.Value is not null && c.StepNumber is null or < 1 or > 7),
                verdict.ExtraClaims.Count(c => c.Name is "a5" or "s1"));
        }, iter: 2000);
    }
}
