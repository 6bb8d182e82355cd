using System.Runtime.CompilerServices;
using Faithful.Clients.Caching;
using Faithful.Clients.Connections;

namespace Faithful.Samples;

/// <summary>
/// The same cases answered from recorded responses in <c>responses/</c> (one JSON file per request, committed).
/// CI replays them with no network and no key; a missing response fails with its exact key. To record again, run
/// with <c>FAITHFUL_CACHE_MODE=record</c> (and, for a live model, <c>FAITHFUL_MODEL</c> and its key), then commit the folder.
/// The committed files were recorded from <c>sim:study</c>, since this repository's CI has no model to call.
/// </summary>
public sealed class ReplayedResponsesTests
{
    private const int Samples = 3;

    private static string ResponsesFolder([CallerFilePath] string source = "") => Path.Combine(Path.GetDirectoryName(source)!, "responses");

    [Theory]
    [FaithfulCases(Inputs = 3, Seed = 1)]
    public async Task Replayed_responses_are_scored_like_live_ones(FaithfulTestCase @case)
    {
        using var connection = FaithfulModels.Connect("sim:study", new ClientOptions { CacheMode = CacheMode.ReplayOnly, CacheDirectory = ResponsesFolder() });

        var samples = await connection.RunAsync(@case, Samples);

        Assert.All(samples, s => Assert.Null(s.Error));
        FaithfulAssert.FirstAnswerAccuracy(samples, atLeast: 1.0 / Samples);
    }
}
