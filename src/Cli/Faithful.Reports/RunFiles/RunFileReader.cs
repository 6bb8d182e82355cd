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
    /// <summary>The most a run file may hold; a run of 10^6 cases is well under it.</summary>
    public const long MaxBytes = int.MaxValue - 64;

    /// <exception cref="InvalidDataException">The file is not a text file (NUL bytes at its start) or is larger than <see cref="MaxBytes"/>.</exception>
    public static RunFileContents Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            return RunFileContents.Empty;
        }

        return Read(ReadBounded(path), Path.GetFileName(path));
    }

    // Not File.ReadAllBytes: a device such as /dev/zero reports no length and never ends, and ReadAllBytes would keep
    // growing its buffer. Text starts without NUL bytes, and a run file has a size.
    private static byte[] ReadBounded(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1, FileOptions.SequentialScan);
        using var bytes = new MemoryStream();
        var buffer = new byte[64 * 1024];
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (bytes.Length == 0 && buffer.AsSpan(0, read).IndexOf((byte)0) is >= 0 and var nul)
            {
                throw new InvalidDataException($"'{path}' is not a run file: it holds a NUL byte at offset {nul}. Run files are the JSON Lines that 'faithful run' and 'faithful score' write.");
            }

            if (bytes.Length + read > MaxBytes)
            {
                throw new InvalidDataException($"'{path}' is larger than {MaxBytes} bytes, the most a run file may hold; split the run into several run files.");
            }

            bytes.Write(buffer, 0, read);
        }

        return bytes.ToArray();
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
