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
    /// <summary>Runs <paramref name="case"/> once and returns its result (never throws for a failed request: the result carries the error).</summary>
    public static Task<CaseResult> RunAsync(this ModelConnection model, FaithfulTestCase @case, ITraceInstrument? instrument = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(@case);
        return Runner(model, instrument).RunOneAsync(@case.Case, TestContext.Current.CancellationToken);
    }

    /// <summary>Runs <paramref name="samples"/> repeated samples of <paramref name="case"/> (sample indices 0 to samples - 1).</summary>
    public static Task<IReadOnlyList<CaseResult>> RunAsync(this ModelConnection model, FaithfulTestCase @case, int samples, ITraceInstrument? instrument = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, 1);
        return Runner(model, instrument).RunAsync(Enumerable.Range(0, samples).Select(@case.Case.AsSample), cancellationToken: TestContext.Current.CancellationToken);
    }

    private static CaseRunner Runner(ModelConnection model, ITraceInstrument? instrument) =>
        new(model.Client, model.Model, instrument ?? TracesInstrument.ProcessAware, budget: model.Budget);
}
