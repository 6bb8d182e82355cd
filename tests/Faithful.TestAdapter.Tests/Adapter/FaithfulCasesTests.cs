using System.Reflection;
using Faithful.Clients.Connections;
using Faithful.Clients.Running;
using Faithful.Clients.Sampling;
using Faithful.Model;
using Faithful.Testing;
using Faithful.Traces.Scoring;
using Xunit.Sdk;

namespace Faithful.TestAdapter.Tests.Adapter;

public sealed class FaithfulCasesTests
{
    private static MethodInfo Method => typeof(FaithfulCasesTests).GetMethod(nameof(Perfect_simulated_model_is_faithful_on_every_case))!;

    [Theory]
    [FaithfulCases(typeof(TestPrograms), Inputs = 2, Seed = 3)]
    public async Task Perfect_simulated_model_is_faithful_on_every_case(FaithfulTestCase @case)
    {
        using var model = ModelClients.Connect("sim:perfect");
        var result = await new CaseRunner(model.Client, model.Model, TracesInstrument.ProcessAware).RunOneAsync(@case.Case, TestContext.Current.CancellationToken);

        FaithfulAssert.Faithfulness(result, atLeast: 1.0);
        FaithfulAssert.NoFailureMode(result, FailureMode.PrematureAnswer);
        FaithfulAssert.FirstAnswerAccuracy(result, atLeast: 1.0);
    }

    [Theory]
    [FaithfulCases(typeof(TestPrograms), Inputs = 1, Program = "Chain")]
    public async Task Repeated_samples_are_judged_by_a_named_rule(FaithfulTestCase @case)
    {
        using var model = ModelClients.Connect("sim:perfect");
        var runner = new CaseRunner(model.Client, model.Model, TracesInstrument.ProcessAware);
        var samples = await runner.RunAsync(Enumerable.Range(0, 4).Select(i => @case.Case.AsSample(i)), cancellationToken: TestContext.Current.CancellationToken);

        FaithfulAssert.Faithfulness(samples, atLeast: 1.0, SamplingRule.PassHat(2, 0.99));
    }

    [Fact]
    public async Task Rows_cover_programs_times_inputs_times_samples_with_readable_names()
    {
        var attribute = new FaithfulCasesAttribute(typeof(TestPrograms)) { Inputs = 2, Samples = 2, Seed = 5 };

        var rows = await attribute.GetData(Method, new DisposalTracker());

        Assert.Equal(2 * 2 * 2, rows.Count);
        // xUnit shows "Method(case: Chain(a: 3, b: -7))": the method name plus the argument's text.
        Assert.All(rows, r => Assert.Equal(Method.Name, r.TestDisplayName));
        var names = rows.Select(r => r.GetData().Single()!.ToString()!).ToList();
        Assert.All(names, n => Assert.Matches(@"^(Chain\(a: -?\d+, b: -?\d+\)|Registers\(a0: -?\d+, a1: -?\d+\))( #1)?$", n));
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.Contains(rows, r => r.Traits!["program"].Contains("Faithful.TestAdapter.Tests.Programs.Chain"));
        Assert.True(attribute.SupportsDiscoveryEnumeration());

        var again = await attribute.GetData(Method, new DisposalTracker());
        Assert.Equal(names, again.Select(r => r.GetData().Single()!.ToString()!));
    }

    [Fact]
    public void A_case_survives_xunit_serialization()
    {
        var program = TestPrograms.Registers;
        var original = new FaithfulTestCase(typeof(TestPrograms), program, new[] { Faithful.Model.Value.FromInt64(-3), Faithful.Model.Value.FromInt64(8) }.ToEquatableArray(), 2);
        var info = new DictionaryInfo();
        original.Serialize(info);

        var copy = new FaithfulTestCase();
        copy.Deserialize(info);

        Assert.Same(program, copy.Program);
        Assert.Equal(original.Inputs, copy.Inputs);
        Assert.Equal(2, copy.Sample);
        Assert.Equal("Registers(a0: -3, a1: 8) #2", copy.ToString());
    }

    [Fact]
    public async Task A_type_that_is_no_catalog_gets_an_actionable_error()
    {
        var attribute = new FaithfulCasesAttribute(typeof(string));
        var error = await Assert.ThrowsAsync<ArgumentException>(async () => await attribute.GetData(Method, new DisposalTracker()));
        Assert.Contains("IEnumerable<StepProgram>", error.Message, StringComparison.Ordinal);
        Assert.Contains("ReferencePrograms", error.Message, StringComparison.Ordinal);
    }

    private sealed class DictionaryInfo : IXunitSerializationInfo
    {
        private readonly Dictionary<string, object?> values = [];

        public void AddValue(string key, object? value, Type? valueType = null) => values[key] = value;

        public object? GetValue(string key) => values.GetValueOrDefault(key);
    }
}
