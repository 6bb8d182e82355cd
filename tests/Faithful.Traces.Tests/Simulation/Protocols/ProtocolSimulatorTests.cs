using Faithful.Execution;
using Faithful.Families;
using Faithful.Model;
using Faithful.Traces.Parsing;
using Faithful.Traces.Scoring;
using Faithful.Traces.Simulation;
using Faithful.Traces.Simulation.Protocols;
using Microsoft.Extensions.AI;

namespace Faithful.Traces.Tests.Simulation.Protocols;

public sealed class ProtocolSimulatorTests
{
    private static readonly StepProgram Chain = Programs.Chain();
    private static readonly Value[] Inputs = [Value.FromInt64(3), Value.FromInt64(4)];

    // s1 = 7, s2 = 21, s3 = 14, s4 = 3 on a = 3, b = 4.
    private static readonly Trace Truth = ReferenceEvaluator.Evaluate(Chain, Inputs);

    [Fact]
    public void An_execution_turn_writes_exactly_the_steps_it_was_asked_for_and_the_answer_only_when_asked()
    {
        var simulator = new ProtocolSimulator(SimulationProfile.Perfect);

        var middle = simulator.Answer(Chain, Inputs, 0, new ProtocolTurn("checkpointed", TurnTask.Execute, 1, 1, 3, false));
        var last = simulator.Answer(Chain, Inputs, 0, new ProtocolTurn("checkpointed", TurnTask.Execute, 2, 3, 4, true));

        var parsedMiddle = TraceParser.Parse(middle.Text, Chain);
        Assert.Equal(["s2", "s3"], parsedMiddle.Claims.Select(c => c.Name));
        Assert.Equal([21L, 14L], parsedMiddle.Claims.Select(c => c.Value!.Value.Int64!.Value));
        Assert.Empty(parsedMiddle.Answers);
        var parsedLast = TraceParser.Parse(last.Text, Chain);
        Assert.Equal(["s4"], parsedLast.Claims.Select(c => c.Name));
        Assert.Equal(3L, parsedLast.FirstAnswer!.Value!.Value.Int64);
    }

    [Fact]
    public void A_turn_computes_from_the_values_the_conversation_holds()
    {
        var simulator = new ProtocolSimulator(SimulationProfile.Perfect);

        // The model holds s1 = 8 (wrong): s2 = s1 * a = 24 and s3 = s2 - s1 = 16 follow from it.
        var turn = new ProtocolTurn("gradual", TurnTask.Execute, 1, 1, 3, false) { Held = new[] { Value.FromInt64(8) }.ToEquatableArray() };
        var reply = simulator.Answer(Chain, Inputs, 0, turn);

        Assert.Equal([24L, 16L], TraceParser.Parse(reply.Text, Chain).Claims.Select(c => c.Value!.Value.Int64!.Value));
    }

    [Fact]
    public void Replies_are_a_function_of_the_case_and_the_turn()
    {
        var simulator = new ProtocolSimulator(SimulationProfile.AlwaysFailing, seed: 3);
        var twin = new ProtocolSimulator(SimulationProfile.AlwaysFailing, seed: 3);
        var turn = new ProtocolTurn("gradual", TurnTask.Execute, 0, 0, 4, true);

        Assert.Equal(simulator.Answer(Chain, Inputs, 2, turn).Text, twin.Answer(Chain, Inputs, 2, turn).Text);
        Assert.Equal(simulator.Answer(Chain, Inputs, 2, turn with { Turn = 5 }).Text, simulator.Answer(Chain, Inputs, 2, turn).Text);
    }

    [Fact]
    public void A_slip_always_costs_the_answer_even_where_the_chain_would_absorb_it()
    {
        // Long study chains absorb many small errors (% and / by small literals); the simulated model's answer never does.
        var program = new ChainSpec(95, 3, ValueKind.Int64, OperatorMix.Mixed, 11).Generate();
        var simulator = new ProtocolSimulator(SimulationProfile.Study, seed: 1);
        var wrongWithSlip = 0;
        var slipped = 0;
        foreach (var sampled in InputSampler.SampleMany(program, 60, 9))
        {
            var reply = simulator.Answer(program, sampled.Inputs, 0, new ProtocolTurn("gradual", TurnTask.Execute, 0, 0, 95, true));
            var verdict = CaseScorer.Score(sampled.Trace, TraceParser.Parse(reply.Text, program));
            if (reply.Label.Mode == FailureMode.ArithmeticError)
            {
                slipped++;
                wrongWithSlip += verdict.FirstAnswerCorrect ? 0 : 1;
            }
            else
            {
                Assert.Equal(FailureMode.Correct, verdict.PrimaryMode);
            }
        }

        Assert.InRange(slipped, 30, 60);
        Assert.Equal(slipped, wrongWithSlip);
    }

    [Fact]
    public void A_plan_turn_restates_every_statement_and_a_rationale_turn_names_every_steps_reads()
    {
        var simulator = new ProtocolSimulator(SimulationProfile.Perfect);

        var plan = simulator.Answer(Chain, Inputs, 0, new ProtocolTurn("plan-execute", TurnTask.Plan, 0, 0, 4, false));
        var rationale = simulator.Answer(Chain, Inputs, 0, new ProtocolTurn("explain-then-execute", TurnTask.Explain, 0, 0, 4, false));

        Assert.Contains("s3 = s2 - s1;\n", plan.Text, StringComparison.Ordinal);
        Assert.EndsWith("return s4;\n", plan.Text, StringComparison.Ordinal);
        Assert.Contains("3. s3: reads s2, s1; computes s2 - s1\n", rationale.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("21", plan.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_chat_client_answers_a_tagged_turn_with_the_protocol_simulator()
    {
        using var client = new SimulatedChatClient(new ProgramCatalog([Chain]), SimulationProfile.Perfect);
        var options = CaseRef.For(Chain, Inputs).AttachTo();
        new ProtocolTurn("checkpointed", TurnTask.Execute, 0, 0, 2, false).AttachTo(options);

        var response = await client.GetResponseAsync([new ChatMessage(ChatRole.User, "Execute steps 1 to 2 now.")], options, TestContext.Current.CancellationToken);

        Assert.Equal(["s1", "s2"], TraceParser.Parse(response.Text, Chain).Claims.Select(c => c.Name));
    }

    [Theory]
    [InlineData("checkpointed", 95, 5, false, 0.919)]
    [InlineData("checkpointed", 95, 5, true, 0.2)]
    [InlineData("gradual", 95, 5, false, 0.122)]
    [InlineData("single", 5, 5, false, 0.61)]
    [InlineData("plan-execute", 50, 5, false, 0.905)]
    [InlineData("metamorphic/shifted", 50, 5, false, 0.385)]
    public void Documented_effects_follow_from_the_profile(string protocol, int length, int every, bool stop, double expected)
    {
        var figure = ProtocolEffects.ExpectedFirstAnswerAccuracy(protocol, SimulationProfile.Study, length, every, stop);

        Assert.NotNull(figure);
        Assert.Equal(expected, figure.Value, 3);
    }

    [Fact]
    public void Renaming_costs_clean_chance_and_the_perfect_profile_is_perfect_under_every_protocol()
    {
        Assert.True(ProtocolEffects.VariantClean(SimulationProfile.Study, 50, "scheme") < ProtocolEffects.VariantClean(SimulationProfile.Study, 50, "renamed"));
        Assert.True(ProtocolEffects.VariantClean(SimulationProfile.Study, 50, "renamed") < ProtocolEffects.VariantClean(SimulationProfile.Study, 50, "original"));
        foreach (var protocol in new[] { "single", "checkpointed", "gradual", "plan-execute", "explain-then-execute", "metamorphic/scheme" })
        {
            Assert.Equal(1.0, ProtocolEffects.ExpectedFirstAnswerAccuracy(protocol, SimulationProfile.Perfect, 95)!.Value, 9);
        }

        Assert.Null(ProtocolEffects.ExpectedFirstAnswerAccuracy("no-such-protocol", SimulationProfile.Study, 5));
    }
}
