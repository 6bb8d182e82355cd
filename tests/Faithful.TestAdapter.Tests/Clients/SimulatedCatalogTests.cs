using Faithful.Clients.Connections;
using Faithful.Clients.Running;
using Faithful.Execution;
using Faithful.Model;
using Faithful.Traces.Scoring;
using Faithful.Traces.Simulation;
using Microsoft.Extensions.AI;

namespace Faithful.TestAdapter.Tests.Clients;

/// <summary>
/// A simulated model knows only the programs its own runner told it about: no process-wide catalog, so two runs in one
/// process never see each other's programs.
/// </summary>
public sealed class SimulatedCatalogTests
{
    private static readonly IReadOnlyList<Value> Inputs = [Value.FromInt64(3), Value.FromInt64(-7)];

    // The same id as TestPrograms.Chain, but it answers s3 instead of s4.
    private static readonly StepProgram OtherChain = TestPrograms.Chain with { Result = new Ref(4, ValueKind.Int64), ResultSourceText = "s3" };

    [Fact]
    public async Task Two_runs_with_different_programs_under_one_id_each_get_their_own_program()
    {
        Assert.Equal(TestPrograms.Chain.Id, OtherChain.Id);
        using var first = ModelClients.Connect("sim:perfect");
        using var second = ModelClients.Connect("sim:perfect");
        var ct = TestContext.Current.CancellationToken;

        var mine = await new CaseRunner(first.Client, first.Model, TracesInstrument.ProcessAware).RunOneAsync(new FaithfulCase(TestPrograms.Chain, Inputs.ToEquatableArray()), ct);
        var theirs = await new CaseRunner(second.Client, second.Model, TracesInstrument.ProcessAware).RunOneAsync(new FaithfulCase(OtherChain, Inputs.ToEquatableArray()), ct);

        // A shared catalog would refuse the second program (its id is taken) or answer it with the first one's steps.
        Assert.Null(mine.Error);
        Assert.Null(theirs.Error);
        Assert.Equal(FailureMode.Correct, mine.Verdict!.PrimaryMode);
        Assert.Equal(FailureMode.Correct, theirs.Verdict!.PrimaryMode);
        Assert.Contains($"<result>{ReferenceEvaluator.Evaluate(TestPrograms.Chain, Inputs).Answer}</result>", mine.Reply, StringComparison.Ordinal);
        Assert.Contains($"<result>{ReferenceEvaluator.Evaluate(OtherChain, Inputs).Answer}</result>", theirs.Reply, StringComparison.Ordinal);
        Assert.NotEqual(ReferenceEvaluator.Evaluate(TestPrograms.Chain, Inputs).Answer, ReferenceEvaluator.Evaluate(OtherChain, Inputs).Answer);
    }

    [Fact]
    public async Task A_simulated_model_does_not_know_the_programs_another_run_sent()
    {
        using var used = ModelClients.Connect("sim:perfect");
        using var fresh = ModelClients.Connect("sim:perfect");
        var ct = TestContext.Current.CancellationToken;
        var result = await new CaseRunner(used.Client, used.Model, TracesInstrument.ProcessAware).RunOneAsync(new FaithfulCase(TestPrograms.Chain, Inputs.ToEquatableArray()), ct);
        Assert.Null(result.Error);

        var options = CaseRef.For(TestPrograms.Chain, Inputs).AttachTo();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => fresh.Client.GetResponseAsync([new ChatMessage(ChatRole.User, "go")], options, ct));

        Assert.Contains($"no program '{TestPrograms.Chain.Id}'", error.Message, StringComparison.Ordinal);
        Assert.Contains(TestPrograms.Chain, used.Client.GetService<SimulatedChatClient>()!.Catalog.Programs);
        Assert.Empty(fresh.Client.GetService<SimulatedChatClient>()!.Catalog.Programs);
    }

    [Fact]
    public void The_runner_reaches_the_simulated_model_through_the_whole_client_pipeline()
    {
        using var connection = ModelClients.Connect("sim:perfect", new ClientOptions { Budget = new Faithful.Clients.Budget.RunBudget(maxTokens: 1_000) });

        connection.Client.RegisterProgram(TestPrograms.Registers);

        Assert.NotSame(connection.Client, connection.Client.GetService<SimulatedChatClient>());
        Assert.Equal(TestPrograms.Registers, connection.Client.GetService<SimulatedChatClient>()!.Catalog.Find(TestPrograms.Registers.Id));
    }

    [Fact]
    public void A_catalog_refuses_a_second_program_under_a_taken_id()
    {
        var catalog = new ProgramCatalog([TestPrograms.Chain]);
        catalog.Register(TestPrograms.Chain);

        var error = Assert.Throws<ArgumentException>(() => catalog.Register(OtherChain));

        Assert.Contains(TestPrograms.Chain.Id, error.Message, StringComparison.Ordinal);
        Assert.Same(TestPrograms.Chain, catalog.Find(TestPrograms.Chain.Id));
    }
}
