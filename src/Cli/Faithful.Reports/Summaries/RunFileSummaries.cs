using System.Text.Json;
using Faithful.Reports.RunFiles;
using Faithful.Reports.RunFiles.Compact;
using Faithful.Reports.RunFiles.Recovery;
using Faithful.Reports.RunFiles.Streaming;

namespace Faithful.Reports.Summaries;

/// <summary>
/// Summarizes run files as streams: each file is indexed (which lines a later line replaces), then read one result line
/// at a time into a <see cref="RunAggregator"/>. Peak memory is the aggregator's (bounded) plus one line.
/// </summary>
public static class RunFileSummaries
{
    /// <param name="onIssue">Told of every line that could not be read.</param>
    public static RunSummary Load(IEnumerable<string> runFiles, ProgramResolver programs, Action<LineIssue> onIssue, int maxDrillDowns = RunAggregator.DefaultMaxDrillDowns)
    {
        ArgumentNullException.ThrowIfNull(runFiles);
        ArgumentNullException.ThrowIfNull(programs);
        ArgumentNullException.ThrowIfNull(onIssue);
        var indexes = runFiles.Select(RunFileIndex.Build).ToList();
        using var aggregator = new RunAggregator(maxDrillDowns, indexes.Any(i => i.HasProtocols));
        foreach (var index in indexes)
        {
            foreach (var issue in index.Issues)
            {
                onIssue(issue);
            }

            foreach (var scanned in RunFileScan.Results(index))
            {
                try
                {
                    var (result, _) = CompactCaseLine.Read(scanned.Line.Bytes.Span);
                    aggregator.Add(result, new CaseLocation(index, scanned.Line.Offset, scanned.Line.Number));
                }
                catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or ArgumentException or OverflowException)
                {
                    onIssue(new LineIssue(index.FileName, scanned.Line.Number, "not a readable case result: " + (e.Message.Length <= 200 ? e.Message : e.Message[..200] + "…")));
                }
            }
        }

        return aggregator.Finish(programs);
    }
}
