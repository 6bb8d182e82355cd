using Faithful.Clients.Connections;
using Faithful.Clients.Running;
using Faithful.Traces.Results;
using Xunit;

namespace Faithful.Testing;

/// <summary>
/// Runs theory cases against a connected model in one call: the case is sent as the instrument renders it (the
/// process-aware prompt by default), the reply scored, and the running test's cancellation observed (outside a
/// test, or with another token, use <see cref="CaseRunner"/>).
/// </summary>
public static class ModelConnectionRuns
{
    /// <summary>
    /// Runs <paramref name="case"/> once, under the protocol its theory names, and returns its result (never throws for a
    /// failed request: the result carries the error).
    /// </summary>
    public static Task<CaseResult> RunAsync(this ModelConnection model, FaithfulTestCase @case, ITraceInstrument? instrument = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(@case);
        return @case.CaseProtocol == CaseProtocol.Single
            ? Runner(model, instrument).RunOneAsync(@case.Case, TestContext.Current.CancellationToken)
            : ModelConnectionProtocolRuns.RunOneAsync(model, @case, instrument);
    }

    /// <summary>Runs <paramref name="samples"/> repeated samples of <paramref name="case"/> (sample indices 0 to samples - 1), under its theory's protocol.</summary>
    public static Task<IReadOnlyList<CaseResult>> RunAsync(this ModelConnection model, FaithfulTestCase @case, int samples, ITraceInstrument? instrument = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, 1);
        var cases = Enumerable.Range(0, samples).Select(@case.Case.AsSample);
        return @case.CaseProtocol == CaseProtocol.Single
            ? Runner(model, instrument).RunAsync(cases, cancellationToken: TestContext.Current.CancellationToken)
            : ModelConnectionProtocolRuns.RunAsync(model, cases, @case.Protocol, instrument);
    }

    private static CaseRunner Runner(ModelConnection model, ITraceInstrument? instrument) =>
        new(model.Client, model.Model, instrument ?? TracesInstrument.ProcessAware, budget: model.Budget);
}
