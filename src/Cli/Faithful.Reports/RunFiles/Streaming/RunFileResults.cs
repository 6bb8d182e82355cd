using System.Text.Json;
using Faithful.Reports.RunFiles.Compact;
using Faithful.Traces.Results;

namespace Faithful.Reports.RunFiles.Streaming;

/// <summary>The results of a run file that count (the last line of each key), read one at a time; unreadable lines are skipped.</summary>
public static class RunFileResults
{
    public static IEnumerable<CaseResult> Stream(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var index = RunFileIndex.Build(path);
        foreach (var scanned in RunFileScan.Results(index))
        {
            CaseResult? result;
            try
            {
                result = CompactCaseLine.Read(scanned.Line.Bytes.Span).Result;
            }
            catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or ArgumentException or OverflowException)
            {
                continue;
            }

            yield return result;
        }
    }
}
