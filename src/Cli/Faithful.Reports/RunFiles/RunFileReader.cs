using System.Text.Json;
using Faithful.Reports.RunFiles.Compact;
using Faithful.Traces.Results;

namespace Faithful.Reports.RunFiles;

/// <summary>
/// Reads a whole run file into memory (small files, resumes and tests; reports stream instead, see Streaming/).
/// Bad lines become <see cref="LineIssue"/>s; a torn last line (a killed writer) is dropped. Results of a
/// <c>faithful.run/2</c> file carry their verdict's headline (<see cref="CompactVerdict.Headline"/>), without the per-step table.
/// </summary>
public static class RunFileReader
{
    public static RunFileContents Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            return RunFileContents.Empty;
        }

        return Read(File.ReadAllBytes(path), Path.GetFileName(path));
    }

    public static RunFileContents Read(byte[] bytes, string fileName)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        RunHeader? header = null;
        var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
        var results = new List<CaseResult>();
        var issues = new List<LineIssue>();
        var start = 0;
        var lineNumber = 0;
        long completeLength = 0;
        while (start < bytes.Length)
        {
            lineNumber++;
            var end = Array.IndexOf(bytes, (byte)'\n', start);
            if (end < 0)
            {
                issues.Add(new LineIssue(fileName, lineNumber, "incomplete last line (the run was interrupted while writing it); it is ignored and the case will run again"));
                break;
            }

            var line = new ReadOnlySpan<byte>(bytes, start, end - start);
            completeLength = end + 1;
            start = end + 1;
            if (line.Trim((byte)' ').Trim((byte)'\r').IsEmpty)
            {
                continue;
            }

            ReadLine(line, fileName, lineNumber, ref header, results, byKey, issues);
        }

        return new RunFileContents(header, results, issues, completeLength);
    }

    private static void ReadLine(
        ReadOnlySpan<byte> line,
        string fileName,
        int lineNumber,
        ref RunHeader? header,
        List<CaseResult> results,
        Dictionary<string, int> byKey,
        List<LineIssue> issues)
    {
        try
        {
            var reader = new Utf8JsonReader(line);
            using var document = JsonDocument.ParseValue(ref reader);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                issues.Add(new LineIssue(fileName, lineNumber, "not a JSON object"));
                return;
            }

            if (document.RootElement.TryGetProperty("format", out var format))
            {
                if (!RunFile.IsKnownFormat(format.GetString()))
                {
                    issues.Add(new LineIssue(fileName, lineNumber, $"header format is '{format}', expected one of {string.Join(", ", RunFile.KnownFormats)}"));
                    return;
                }

                header = document.RootElement.Deserialize<RunHeader>(FaithfulJson.Options);
                return;
            }

            // A faithful.run/2 program line: what the results of that program are scored against; not a result.
            if (document.RootElement.TryGetProperty("program", out var program) && program.ValueKind == JsonValueKind.String
                && !document.RootElement.TryGetProperty("caseId", out _))
            {
                return;
            }

            var result = CompactCaseLine.Read(document.RootElement).Result;
            if (result is null || string.IsNullOrEmpty(result.CaseId) || string.IsNullOrEmpty(result.Model))
            {
                issues.Add(new LineIssue(fileName, lineNumber, "a case result needs 'caseId' and 'model'"));
                return;
            }

            var key = RunFile.KeyOf(result);
            if (byKey.TryGetValue(key, out var existing))
            {
                results[existing] = result;
            }
            else
            {
                byKey[key] = results.Count;
                results.Add(result);
            }
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or ArgumentException or OverflowException)
        {
            issues.Add(new LineIssue(fileName, lineNumber, "not a readable case result: " + Shorten(e.Message)));
        }
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";

}
