namespace Faithful.Reports.RunFiles.Streaming;

/// <summary>A result line that counts (no later line replaces it), as read by <see cref="RunFileScan"/>.</summary>
/// <param name="Line">The line; its bytes are valid only until the scan moves on.</param>
/// <param name="Head">Its kind and key fields.</param>
public readonly record struct ScannedLine(JsonLine Line, RunLineHead Head);

/// <summary>
/// The second pass over an indexed run file: every result line that counts, in file order, one at a time, and the
/// program lines of a <c>faithful.run/2</c> file. Memory is one line's worth, whatever the file's size.
/// </summary>
public static class RunFileScan
{
    /// <summary>Streams the result lines of <paramref name="index"/>'s file that no later line supersedes.</summary>
    public static IEnumerable<ScannedLine> Results(RunFileIndex index) => Lines(index, includePrograms: false);

    /// <summary>Streams program lines and the result lines that count, in file order.</summary>
    public static IEnumerable<ScannedLine> ProgramsAndResults(RunFileIndex index) => Lines(index, includePrograms: true);

    private static IEnumerable<ScannedLine> Lines(RunFileIndex index, bool includePrograms)
    {
        ArgumentNullException.ThrowIfNull(index);
        if (!File.Exists(index.Path))
        {
            yield break;
        }

        using var reader = JsonLineReader.Open(index.Path);
        while (reader.TryRead(out var line) && line.Offset < index.CompleteLength)
        {
            var span = line.Bytes.Span;
            if (RunFileIndex.IsBlank(span))
            {
                continue;
            }

            var head = RunLineHead.Read(span);
            if (head.Kind == RunLineKind.Program && includePrograms)
            {
                yield return new ScannedLine(line, head);
                continue;
            }

            if (head.Kind != RunLineKind.Case || index.IsSuperseded(ResultKeyHash.Of(head.Key!), line.Number))
            {
                continue;
            }

            yield return new ScannedLine(line, head);
        }
    }

    /// <summary>Reads the one line that starts at <paramref name="offset"/> (a program or result line found earlier).</summary>
    public static byte[] ReadLineAt(string path, long offset)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        stream.Seek(offset, SeekOrigin.Begin);
        using var reader = new JsonLineReader(stream, ownsStream: false);
        return reader.TryRead(out var line) ? line.Bytes.ToArray() : [];
    }
}
