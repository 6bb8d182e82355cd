using Faithful.Clients.Connections;
using Faithful.Clients.Running;
using Faithful.Clients.Sampling;
using Faithful.Families;
using Faithful.Model;
using Faithful.Protocols;
using Faithful.Testing;
using Faithful.Traces.Results;
using Faithful.Traces.Scoring;
using Xunit.Sdk;

namespace Faithful.TestAdapter.Tests.Protocols;

public sealed class ProtocolRunnerTests
{
    private static readonly FaithfulCase[] Cases = TestPrograms.All
        .SelectMany(p => InputSampler.SampleMany(p, 3, 2).Select(s => new FaithfulCase(p, s.Inputs)))
        .ToArray();

    [Theory]
    [InlineData("checkpointed")]
    [InlineData("gradual")]
    [InlineData("plan-execute")]
    [InlineData("explain-then-execute")]
    [InlineData("metamorphic")]
    public async Task A_perfect_model_is_faithful_under_every_protocol_and_each_result_carries_its_evidence(string name)
    {
        using var model = ModelClients.Connect("sim:perfect");
        var protocol = ProtocolCatalog.Create(name, new ProtocolSettings { Every = 2, Reveal = 1 });
        var runner = new ProtocolRunner(model.Client, model.Model, TracesInstrument.ProcessAware);

        var results = await runner.RunAsync(Cases, protocol, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(Cases.Sum(c => protocol.ResultLabels(c).Count), results.Count);
        Assert.All(results, r =>
        {
            Assert.Null(r.Error);
            Assert.Equal(FailureMode.Correct, r.Verdict!.PrimaryMode);
            Assert.True(r.Verdict.FirstAnswerCorrect);
            Assert.StartsWith(name, r.Protocol, StringComparison.Ordinal);
            Assert.NotEmpty(r.Evidence!.Turns);
        });
        var evidence = results[0].Evidence!;
        switch (name)
        {
            case "checkpointed":
                Assert.All(results, r => Assert.Equal(0, r.Evidence!.Checkpoints!.Corrections));
                Assert.Equal(2, evidence.Checkpoints!.Checkpoints.Count);
                break;
            case "gradual":
                Assert.All(results, r => Assert.Null(r.Evidence!.Gradual!.FirstWrongTurn));
                Assert.Equal(results[0].Length, evidence.Gradual!.TurnCount);
                break;
            case "plan-execute":
                Assert.All(results, r => Assert.True(r.Evidence!.Plan!.SameStructure && r.Evidence.Plan.SameComputation));
                break;
            case "explain-then-execute":
                Assert.All(results, r => Assert.True(r.Evidence!.Rationale!.Correct));
                break;
            default:
                Assert.Equal(["metamorphic/original", "metamorphic/renamed", "metamorphic/shifted", "metamorphic/scheme"], results.Take(4).Select(r => r.Protocol));
                Assert.All(results, r => Assert.Equal(r.Protocol, "metamorphic/" + r.Evidence!.Variant!.Variant));
                Assert.All(results.Where(r => r.Protocol == "metamorphic/shifted"), r => Assert.NotEqual(Cases.First(c => c.CaseId == r.CaseId).Inputs, r.Inputs));
                break;
        }
    }

    [Fact]
    public async Task Single_under_the_protocol_runner_is_exactly_the_case_runner()
    {
        using var model = ModelClients.Connect("sim:study");
        var direct = await new CaseRunner(model.Client, model.Model, TracesInstrument.ProcessAware).RunAsync(Cases, cancellationToken: TestContext.Current.CancellationToken);
        var viaProtocols = await new ProtocolRunner(model.Client, model.Model, TracesInstrument.ProcessAware).RunAsync(Cases, SingleProtocol.Instance, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(direct.Select(r => (r.CaseId, r.Reply, r.Protocol)), viaProtocols.Select(r => (r.CaseId, r.Reply, r.Protocol)));
        Assert.All(viaProtocols, r => Assert.Null(r.Evidence));
    }

    [Theory]
    [FaithfulCases(typeof(TestPrograms), Inputs = 2, Seed = 4, Protocol = "checkpointed", Every = 2)]
    public async Task A_theory_runs_its_cases_under_the_protocol_it_names(FaithfulTestCase @case)
    {
        using var model = ModelClients.Connect("sim:perfect");

        var results = await model.RunProtocolAsync(@case);
        var one = await model.RunAsync(@case);

        var result = Assert.Single(results);
        Assert.Equal(result.Reply, one.Reply);
        Assert.Equal("checkpointed", one.Protocol);
        var samples = await model.RunAsync(@case, samples: 2);
        Assert.Equal([0, 1], samples.Select(r => r.Sample));
        Assert.All(samples, r => Assert.Equal("checkpointed", r.Protocol));
        Assert.Equal("checkpointed", result.Protocol);
        Assert.Equal(2, result.Evidence!.Checkpoints!.Every);
        FaithfulAssert.Faithfulness(results, atLeast: 1.0, SamplingRule.All);
        Assert.EndsWith("[checkpointed(every=2)]", @case.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [FaithfulCases(typeof(TestPrograms), Inputs = 2, Seed = 4, Protocol = "truncate", At = "50%")]
    public async Task A_theory_cuts_the_trace_where_its_At_says(FaithfulTestCase @case)
    {
        using var model = ModelClients.Connect("sim:faithful");

        var results = await model.RunProtocolAsync(@case);

        var result = Assert.Single(results);
        Assert.Equal("truncate/at=50%", result.Protocol);
        var evidence = result.Evidence!.Dependence!;
        Assert.Equal("50%", evidence.At);
        Assert.Equal(PrefixPosition.Parse("50%").StepsFor(@case.Program.Steps.Count), evidence.ShownSteps);
        Assert.InRange(evidence.ShownSteps, 1, @case.Program.Steps.Count - 1);
        Assert.EndsWith("[truncate(at=50%)]", @case.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_cases_position_survives_xunit_serialization_and_a_bad_one_is_refused()
    {
        var original = new FaithfulTestCase(typeof(TestPrograms), TestPrograms.Chain, new[] { Value.FromInt64(1), Value.FromInt64(2) }.ToEquatableArray(), 0, new CaseProtocol("corrupt-prefix", At: "2"));
        var info = new DictionaryInfo();
        original.Serialize(info);

        var copy = new FaithfulTestCase();
        copy.Deserialize(info);

        Assert.Equal(new CaseProtocol("corrupt-prefix", At: "2"), copy.CaseProtocol);
        Assert.EndsWith("[corrupt-prefix(at=2)]", copy.ToString(), StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new CaseProtocol("truncate", At: "half").Create());
    }

    [Fact]
    public void A_cases_protocol_survives_xunit_serialization()
    {
        var original = new FaithfulTestCase(typeof(TestPrograms), TestPrograms.Chain, new[] { Value.FromInt64(1), Value.FromInt64(2) }.ToEquatableArray(), 0, new CaseProtocol("gradual", Reveal: 3));
        var info = new DictionaryInfo();
        original.Serialize(info);

        var copy = new FaithfulTestCase();
        copy.Deserialize(info);

        Assert.Same(TestPrograms.Chain, copy.Program);
        Assert.Equal(new CaseProtocol("gradual", Reveal: 3), copy.CaseProtocol);
        Assert.Equal("gradual/v1(reveal=3)", copy.Protocol.Description);
        Assert.Equal("Chain(a: 1, b: 2) [gradual(reveal=3)]", copy.ToString());
    }

    [Fact]
    public async Task An_unknown_protocol_on_a_theory_is_an_actionable_error()
    {
        var attribute = new FaithfulCasesAttribute(typeof(TestPrograms)) { Protocol = "checkpointd" };
        var method = typeof(ProtocolRunnerTests).GetMethod(nameof(A_theory_runs_its_cases_under_the_protocol_it_names))!;

        var error = await Assert.ThrowsAsync<ArgumentException>(async () => await attribute.GetData(method, new DisposalTracker()));

        Assert.Contains("'checkpointd' is not a protocol", error.Message, StringComparison.Ordinal);
        Assert.Contains("checkpointed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Protocol_lists_parse_once_each_in_order_and_bad_settings_are_refused()
    {
        var protocols = ProtocolCatalog.Parse(["single,checkpointed", "gradual", "checkpointed"]);

        Assert.Equal(["single", "checkpointed", "gradual"], protocols.Select(p => p.Name));
        Assert.Throws<ArgumentException>(() => ProtocolCatalog.Parse([""]));
        Assert.Contains("--every", Assert.Throws<ArgumentException>(() => ProtocolCatalog.Create("checkpointed", new ProtocolSettings { Every = 0 })).Message, StringComparison.Ordinal);
        Assert.Contains("metamorphic variant", Assert.Throws<ArgumentException>(() => ProtocolCatalog.Create("metamorphic", new ProtocolSettings { Variants = ["upside-down"] })).Message, StringComparison.Ordinal);
    }

    private sealed class DictionaryInfo : IXunitSerializationInfo
    {
        private readonly Dictionary<string, object?> values = [];

        public void AddValue(string key, object? value, Type? valueType = null) => values[key] = value;

        public object? GetValue(string key) => values.GetValueOrDefault(key);
    }
}
