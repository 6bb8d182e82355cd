using Faithful.Traces.Results;
using Faithful.Traces.Scoring;

namespace Faithful.Samples;

/// <summary>Cases of every reference program against the offline simulated model (no network, no key).</summary>
public sealed class SimulatedModelTests
{
    private static async Task<CaseResult> RunAsync(string model, FaithfulTestCase @case)
    {
        using var connection = FaithfulModels.Connect(model);
        return await connection.RunAsync(@case);
    }

    // A model that never fails: the control that shows the prompt, parser and scorer agree with ground truth.
    [Theory]
    [FaithfulCases(Inputs = 3, Seed = 1)]
    public async Task A_perfect_model_is_faithful(FaithfulTestCase @case)
    {
        var result = await RunAsync("sim:perfect", @case);

        FaithfulAssert.Faithfulness(result, atLeast: 1.0);
        FaithfulAssert.NoFailureMode(result, FailureMode.PrematureAnswer);
    }

    // The study-like profile fails now and then; snapshots pin exactly how, so any change in behavior shows up as a diff.
    [Theory]
    [FaithfulCases(Inputs = 3, Seed = 1)]
    public async Task Study_profile_traces_are_pinned(FaithfulTestCase @case)
    {
        var result = await RunAsync("sim:study", @case);

        await TraceSnapshot.VerifyAsync(result);
    }

    // Repeated samples: the rule is named in the assertion and in its failure message.
    [Theory]
    [FaithfulCases(Inputs = 2, Seed = 2)]
    public async Task Study_profile_executes_every_case_faithfully_at_least_once_in_five(FaithfulTestCase @case)
    {
        using var model = FaithfulModels.Connect("sim:study");
        var samples = await model.RunAsync(@case, samples: 5);

        FaithfulAssert.Faithfulness(samples, atLeast: 1.0, SamplingRule.KOfN(1));
    }
}
