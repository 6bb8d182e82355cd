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
        : a.Length.CompareTo(b.Length) is var l and not 0 ? l
        : string.CompareOrdinal(a.CaseId, b.CaseId));

    private readonly SortedDictionary<string, ModelAccumulator> _models = new(StringComparer.Ordinal);
    private readonly DrillDownSampler _sampler;
    private readonly ExternalSorter<ReportCase> _cases = new(ReportOrder, FaithfulJson.Options);
    private int _count;
    private bool _finished;

    public RunAggregator(int maxDrillDowns = DefaultMaxDrillDowns) => _sampler = new DrillDownSampler(maxDrillDowns);

    public int Count => _count;

    /// <param name="where">Where the result was read from; sampled results are read again from there in full.</param>
    public void Add(CaseResult result, CaseLocation? where = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (!_models.TryGetValue(result.Model, out var model))
        {
            model = new ModelAccumulator(result.Model);
            _models[result.Model] = model;
        }

        model.Add(result);
        _sampler.Add(result, where);
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
                drillDown.Add(new SampledCase(candidate.Result, group, pick));
                continue;
            }

            var line = RunFileScan.ReadLineAt(where.File.Path, where.Offset);
            var recovered = CaseRecovery.Recover(where.File, line, where.Line, programs);
            drillDown.Add(new SampledCase(recovered.Result, group, pick, recovered.Problem));
        }

        _finished = true;
        return new RunSummary(_models.Values.Select(m => m.ToSummary()).ToList(), _count, drillDown, _cases);
    }

    public void Dispose()
    {
        if (!_finished)
        {
            _cases.Dispose();
        }
    }
}
