using Faithful.Clients.Connections;
using Faithful.Clients.Running;
using Faithful.Protocols;
using Faithful.Traces.Results;
using Xunit;

namespace Faithful.Testing;

/// <summary>
/// Runs theory cases under the protocol their theory names (<c>[FaithfulCases(..., Protocol = "checkpointed")]</c>):
/// multi-turn through the connected model, with the running test's cancellation (docs/protocols.md).
/// </summary>
public static class ModelConnectionProtocolRuns
{
    /// <summary>Every result the case's protocol gives for it: one, or one per variant for <c>metamorphic</c>.</summary>
    public static Task<IReadOnlyList<CaseResult>> RunProtocolAsync(this ModelConnection model, FaithfulTestCase @case, ITraceInstrument? instrument = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(@case);
        return Runner(model, instrument).RunOneAsync(@case.Case, @case.Protocol, TestContext.Current.CancellationToken);
    }

    /// <summary>The one result of a case under a protocol that gives one per case.</summary>
    /// <exception cref="InvalidOperationException">The protocol gives several results per case (<c>metamorphic</c>).</exception>
    internal static async Task<CaseResult> RunOneAsync(ModelConnection model, FaithfulTestCase @case, ITraceInstrument? instrument)
    {
        var results = await model.RunProtocolAsync(@case, instrument).ConfigureAwait(false);
        return results.Count == 1
            ? results[0]
            : throw new InvalidOperationException($"Protocol {@case.CaseProtocol} gives {results.Count} results per case; use RunProtocolAsync(@case) to get them all.");
    }

    internal static Task<IReadOnlyList<CaseResult>> RunAsync(ModelConnection model, IEnumerable<FaithfulCase> cases, IProtocol protocol, ITraceInstrument? instrument) =>
        Runner(model, instrument).RunAsync(cases, protocol, cancellationToken: TestContext.Current.CancellationToken);

    private static ProtocolRunner Runner(ModelConnection model, ITraceInstrument? instrument) =>
        new(model.Client, model.Model, instrument ?? TracesInstrument.ProcessAware, budget: model.Budget);
}
