namespace FaithfulTests;

public sealed class ChainTests
{
    [Theory]
    [FaithfulCases(Inputs = 3, Seed = 1)]                          // this project's [ReferenceProgram]s × sampled inputs
    public async Task Model_executes_every_step(FaithfulTestCase @case)
    {
        using var model = FaithfulModels.Connect("sim:study");      // or openai:…, replay:responses/, …
        var samples = await model.RunAsync(@case, samples: 10);

        FaithfulAssert.Faithfulness(samples, atLeast: 1.0, SamplingRule.KOfN(1));   // fails with the aligned trace table
    }
}
