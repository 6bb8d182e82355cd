using Faithful.Reports.Formats;
using Faithful.Reports.RunFiles.Streaming;
using Faithful.Traces.Results;

namespace Faithful.Reports.Summaries;

/// <summary>
/// What every report shows, gathered in one streaming pass (<see cref="RunAggregator"/>): each model's figures, a bounded
/// drill-down sample, and every case's headline in report order (model, length, case id) read back from disk. Nothing in
/// it grows with the number of cases except the sorted case list, which lives in temporary files until disposed.
/// The figures do not depend on the order results arrive in, so an interrupted-and-resumed run, or a sharded run merged,
/// summarizes exactly like an uninterrupted one.
/// </summary>
public sealed class RunSummary : IDisposable
{
    /// <summary>How many first-divergence bins a histogram has at most.</summary>
    public const int DivergenceBins = 20;

    private readonly ExternalSorter<ReportCase> _cases;

    internal RunSummary(IReadOnlyList<ModelSummary> models, int traceCount, IReadOnlyList<SampledCase> drillDown, ExternalSorter<ReportCase> cases, IReadOnlyList<CaseResult> protocolResults)
    {
        Models = models;
        TraceCount = traceCount;
        DrillDown = drillDown;
        _cases = cases;
        ProtocolResults = protocolResults;
        Protocols = protocolResults.Count == 0 ? null : Reports.Protocols.ProtocolComparison.From(protocolResults);
        TraceDependence = protocolResults.Count == 0 ? null : Reports.Dependence.DependenceAnalysis.From(protocolResults);
    }

    public IReadOnlyList<ModelSummary> Models { get; }

    /// <summary>Results summarized.</summary>
    public int TraceCount { get; }

    /// <summary>The cases picked for drill-down (<see cref="DrillDownSampler"/>), with their full verdicts where they could be recovered.</summary>
    public IReadOnlyList<SampledCase> DrillDown { get; }

    /// <summary>The comparison of protocols, when the run holds more than the single protocol (docs/protocols.md).</summary>
    public Reports.Protocols.ProtocolReport? Protocols { get; }

    /// <summary>Trace dependence, when the run holds corrupt-prefix, truncate, filler or paraphrase results (docs/protocols.md).</summary>
    public Reports.Dependence.DependenceReport? TraceDependence { get; }

    /// <summary>
    /// Every result of a run that compares protocols, without its reply, for pairing cases across protocols (the
    /// comparison and protocol gates); empty for a single-protocol run, which holds no results at all.
    /// </summary>
    public IReadOnlyList<CaseResult> ProtocolResults { get; }

    /// <summary>Every case's headline, by model, protocol, length and case id; streamed from disk, so it may be read more than once.</summary>
    public IEnumerable<ReportCase> Cases => _cases.Sorted();

    /// <summary>Summarizes results held in memory (tests, the test adapter, small runs); drill-down cases keep their verdicts as given.</summary>
    public static RunSummary Of(IEnumerable<CaseResult> results, int maxDrillDowns = RunAggregator.DefaultMaxDrillDowns)
    {
        ArgumentNullException.ThrowIfNull(results);
        var list = results as IReadOnlyCollection<CaseResult> ?? results.ToList();
        using var aggregator = new RunAggregator(maxDrillDowns, list.Any(r => r.Protocol is not null));
        foreach (var result in list)
        {
            aggregator.Add(result);
        }

        return aggregator.Finish();
    }

    public void Dispose() => _cases.Dispose();
}
