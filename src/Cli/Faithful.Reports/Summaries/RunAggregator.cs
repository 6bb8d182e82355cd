using Faithful.Reports.Formats;
using Faithful.Reports.RunFiles;
using Faithful.Reports.RunFiles.Recovery;
using Faithful.Reports.RunFiles.Streaming;
using Faithful.Traces.Results;

namespace Faithful.Reports.Summaries;

/// <summary>
/// Builds a <see cref="RunSummary"/> one result at a time: per-model accumulators (overall, by length, by look-back, first
/// divergence), the drill-down sampler, and an external sort of the cases' headlines. Add results in any order.
/// <see cref="Finish"/> hands the sorted cases to the summary; disposing an unfinished aggregator deletes them.
/// </summary>
public sealed class RunAggregator : IDisposable
{
    /// <summary>Drill-down cases at most in a report (docs/scale.md).</summary>
    public const int DefaultMaxDrillDowns = 150;

    private static readonly Comparer<ReportCase> ReportOrder = Comparer<ReportCase>.Create((a, b) =>
        string.CompareOrdinal(a.Model, b.Model) is var m and not 0 ? m
        : string.CompareOrdinal(a.Protocol, b.Protocol) is var p and not 0 ? p
        : a.Length.CompareTo(b.Length) is var l and not 0 ? l
        : string.CompareOrdinal(a.CaseId, b.CaseId));

    private readonly SortedDictionary<string, ModelAccumulator> _models = new(StringComparer.Ordinal);
    private readonly DrillDownSampler _sampler;
    private readonly ExternalSorter<ReportCase> _cases = new(ReportOrder, FaithfulJson.Options);
    private readonly List<CaseResult> _protocolResults = [];
    private readonly bool _hasProtocols;
    private int _count;
    private bool _finished;

    /// <param name="hasProtocols">
    /// Whether the results include protocols other than <c>single</c> (known before reading: <see cref="RunFileIndex.HasProtocols"/>):
    /// then each (model, protocol) is its own series, and results are kept (without replies) to pair them across protocols.
    /// </param>
    public RunAggregator(int maxDrillDowns = DefaultMaxDrillDowns, bool hasProtocols = false)
    {
        _sampler = new DrillDownSampler(maxDrillDowns);
        _hasProtocols = hasProtocols;
    }

    public int Count => _count;

    /// <param name="where">Where the result was read from; sampled results are read again from there in full.</param>
    public void Add(CaseResult result, CaseLocation? where = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        // With several protocols each (model, protocol) is its own series, so every plot and table shows them side by side.
        var series = ProtocolNames.SeriesLabel(result, _hasProtocols);
        if (!_models.TryGetValue(series, out var model))
        {
            model = new ModelAccumulator(series);
            _models[series] = model;
        }

        model.Add(result);
        _sampler.Add(result, where, series);
        if (_hasProtocols)
        {
            _protocolResults.Add(result with { Reply = "" });
        }

        _cases.Add(ReportCase.From(result));
        _count++;
    }

    /// <summary>The summary; sampled results read from run files are recovered in full with <paramref name="programs"/>.</summary>
    public RunSummary Finish(ProgramResolver? programs = null)
    {
        programs ??= new ProgramResolver();
        var drillDown = new List<SampledCase>();
        foreach (var (candidate, group, pick) in _sampler.Picks())
        {
            if (candidate.Where is not { } where)
            {
                drillDown.Add(new SampledCase(candidate.Result, group, pick) { Series = candidate.Series });
                continue;
            }

            var line = RunFileScan.ReadLineAt(where.File.Path, where.Offset);
            var recovered = CaseRecovery.Recover(where.File, line, where.Line, programs);
            drillDown.Add(new SampledCase(recovered.Result, group, pick, recovered.Problem) { Series = candidate.Series });
        }

        _finished = true;
        return new RunSummary(_models.Values.Select(m => m.ToSummary()).ToList(), _count, drillDown, _cases, _protocolResults);
    }

    public void Dispose()
    {
        if (!_finished)
        {
            _cases.Dispose();
        }
    }
}
