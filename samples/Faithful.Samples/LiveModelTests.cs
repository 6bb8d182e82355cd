
namespace Faithful.Samples;

/// <summary>
/// Opt-in: runs against the model named by FAITHFUL_MODEL (e.g. <c>openai:gpt-4o-mini</c> with OPENAI_API_KEY,
/// or any OpenAI-compatible server through FAITHFUL_OPENAI_ENDPOINT). Skipped, with the reason, when none is configured.
/// </summary>
public sealed class LiveModelTests
{
    [Theory]
    [FaithfulCases(Inputs = 2, Seed = 1)]
    public async Task A_live_model_executes_short_programs_faithfully(FaithfulTestCase @case)
    {
        using var connection = FaithfulModels.LiveOrSkip();
        var result = await connection.RunAsync(@case);

        FaithfulAssert.Faithfulness(result, atLeast: 0.75);
    }
}
