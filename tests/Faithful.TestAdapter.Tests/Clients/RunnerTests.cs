using Faithful.Clients.Budget;
using Faithful.Clients.Connections;
using Faithful.Clients.Running;
using Faithful.Families;
using Faithful.Model;
using Faithful.Traces.Results;
using Faithful.Traces.Scoring;

namespace Faithful.TestAdapter.Tests.Clients;

public sealed class RunnerTests
{
    private static List<FaithfulCase> Cases(int perProgram) =>
        TestPrograms.All.SelectMany(p => InputSampler.SampleMany(p, perProgram, 11).Select(s => new FaithfulCase(p, s.Inputs))).ToList();

    [Fact]
    public async Task The_simulated_model_runs_through_the_whole_pipeline()
    {
        using var connection = ModelClients.Connect("sim:perfect");
        var runner = new CaseRunner(connection.Client, connection.Model, TracesInstrument.ProcessAware, new RunOptions { Streaming = true });

        var results = await runner.RunAsync(Cases(3), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(6, results.Count);
        Assert.All(results, r =>
        {
            Assert.Equal(FailureMode.Correct, r.Verdict!.PrimaryMode);
            Assert.Equal("Correct", r.Metadata!["faithful.injected"]);
            Assert.NotNull(r.Tokens);
        });
    }

    [Fact]
    public async Task A_reply_cut_to_the_kept_length_records_its_original_length()
    {
        var huge = "s1 = 1\n" + new string('x', 100_000);
        using var client = new FixedReplyClient(huge);
        var runner = new CaseRunner(client, "test:huge", TracesInstrument.ProcessAware, new RunOptions { MaxReplyChars = 1_000 });

        var result = await runner.RunOneAsync(Cases(1)[0], TestContext.Current.CancellationToken);

        Assert.Equal(1_000, result.Reply.Length);
        Assert.Equal(huge.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), result.Metadata![CaseRunner.OriginalReplyLengthKey]);
    }

    [Fact]
    public async Task A_supplied_ground_truth_is_what_replies_are_scored_against()
    {
        var cases = Cases(2);
        var asked = new List<string>();
        using var connection = ModelClients.Connect("sim:perfect");
        // The truth of another input vector: a perfect reply to the asked inputs must now score as wrong.
        var runner = new CaseRunner(connection.Client, connection.Model, TracesInstrument.ProcessAware, new RunOptions { MaxParallelCases = 1 }, groundTruth: c =>
        {
            asked.Add(c.CaseId);
            var other = cases.First(o => o.Program.Id == c.Program.Id && !o.Inputs.Equals(c.Inputs));
            return Faithful.Execution.ReferenceEvaluator.Evaluate(other.Program, other.Inputs);
        });

        var results = await runner.RunAsync(cases, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(cases.Select(c => c.CaseId), asked);
        Assert.All(results, r => Assert.NotEqual(FailureMode.Correct, r.Verdict!.PrimaryMode));
    }

    [Fact]
    public async Task A_spent_token_budget_stops_the_run_cleanly_and_keeps_what_was_computed()
    {
        var cases = Cases(10);
        using var probe = ModelClients.Connect("sim:perfect");
        var first = await new CaseRunner(probe.Client, probe.Model, TracesInstrument.ProcessAware).RunOneAsync(cases[0], TestContext.Current.CancellationToken);
        var perCase = first.Tokens!.Input + first.Tokens.Output;

        var budget = new RunBudget(maxTokens: (perCase * 3) - 1);
        using var connection = ModelClients.Connect("sim:perfect", new ClientOptions { Budget = budget });
        var streamed = new List<CaseResult>();
        var runner = new CaseRunner(connection.Client, connection.Model, TracesInstrument.ProcessAware, new RunOptions { MaxParallelCases = 1 }, budget);

        var results = await runner.RunAsync(cases, streamed.Add, TestContext.Current.CancellationToken);

        Assert.Equal(cases.Count, results.Count);
        Assert.Equal(cases.Count, streamed.Count);
        var run = results.TakeWhile(r => r.Verdict is not null).Count();
        Assert.InRange(run, 3, 4);
        Assert.All(results.Skip(run), r =>
        {
            Assert.Null(r.Verdict);
            Assert.StartsWith("not run: token budget exhausted", r.Error, StringComparison.Ordinal);
        });
        Assert.True(budget.IsExhausted);
    }

    [Fact]
    public async Task A_cost_budget_uses_the_price_table()
    {
        var prices = new PriceTable().Add("sim:perfect", new TokenPrice(InputPerMillion: 1_000_000m, OutputPerMillion: 1_000_000m));
        var budget = new RunBudget(maxCost: 1m, prices: prices);
        using var connection = ModelClients.Connect("sim:perfect", new ClientOptions { Budget = budget });
        var runner = new CaseRunner(connection.Client, connection.Model, TracesInstrument.ProcessAware, new RunOptions { MaxParallelCases = 1 }, budget);

        var results = await runner.RunAsync(Cases(2), cancellationToken: TestContext.Current.CancellationToken);

        Assert.NotNull(results[0].Verdict);
        Assert.All(results.Skip(1), r => Assert.StartsWith("not run: cost budget exhausted", r.Error, StringComparison.Ordinal));
        Assert.Throws<ArgumentException>(() => new RunBudget(maxCost: 1m));
    }

    [Fact]
    public async Task Inputs_on_which_the_program_faults_are_reported_not_sent()
    {
        using var connection = ModelClients.Connect("sim:perfect");
        var runner = new CaseRunner(connection.Client, connection.Model, TracesInstrument.ProcessAware);
        var outOfDomain = new FaithfulCase(TestPrograms.Chain, new[] { Faithful.Model.Value.FromInt64(1000), Faithful.Model.Value.FromInt64(1) }.ToEquatableArray());

        var result = await runner.RunOneAsync(outOfDomain, TestContext.Current.CancellationToken);

        Assert.Null(result.Verdict);
        Assert.Contains("outside its declared domain", result.Error, StringComparison.Ordinal);
    }

    private sealed class FixedReplyClient(string reply) : Microsoft.Extensions.AI.IChatClient
    {
        public Task<Microsoft.Extensions.AI.ChatResponse> GetResponseAsync(IEnumerable<Microsoft.Extensions.AI.ChatMessage> messages, Microsoft.Extensions.AI.ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(new Microsoft.Extensions.AI.ChatResponse(new Microsoft.Extensions.AI.ChatMessage(Microsoft.Extensions.AI.ChatRole.Assistant, reply)));

        public IAsyncEnumerable<Microsoft.Extensions.AI.ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<Microsoft.Extensions.AI.ChatMessage> messages, Microsoft.Extensions.AI.ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
