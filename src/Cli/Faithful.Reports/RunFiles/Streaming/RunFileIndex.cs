using System.Text.Json;

namespace Faithful.Reports.RunFiles.Streaming;

/// <summary>
/// A first, light pass over a run file: its header, the lines that cannot be read, and which result lines are
/// superseded by a later line for the same key (the last one wins). It keeps a 16-byte digest per result and the
/// offset of each program line, never the results themselves, so a second pass can stream the file in bounded memory.
/// </summary>
public sealed class RunFileIndex
{
    private readonly Dictionary<UInt128, int> _lastLineOfRepeatedKey;
    private readonly Dictionary<string, long> _programOffsets;

    private RunFileIndex(
        string path,
        RunHeader? header,
        List<LineIssue> issues,
        long completeLength,
        int results,
        Dictionary<UInt128, int> lastLineOfRepeatedKey,
        Dictionary<string, long> programOffsets,
        bool hasProtocols)
    {
        HasProtocols = hasProtocols;
        Path = path;
        Header = header;
        Issues = issues;
        CompleteLength = completeLength;
        ResultCount = results;
        _lastLineOfRepeatedKey = lastLineOfRepeatedKey;
        _programOffsets = programOffsets;
    }

    public string Path { get; }

    public string FileName => System.IO.Path.GetFileName(Path);

    public RunHeader? Header { get; }

    /// <summary>Lines that could not be read, in file order.</summary>
    public IReadOnlyList<LineIssue> Issues { get; }

    /// <summary>Byte length of the file up to its last complete line.</summary>
    public long CompleteLength { get; }

    /// <summary>Distinct results (keys) in the file.</summary>
    public int ResultCount { get; }

    /// <summary>Whether any result ran under a protocol other than <c>single</c> (its line names a <c>protocol</c>).</summary>
    public bool HasProtocols { get; }

    /// <summary>Byte offsets of the program lines of a <c>faithful.run/2</c> file, by program id.</summary>
    public IReadOnlyDictionary<string, long> ProgramOffsets => _programOffsets;

    /// <summary>Whether the result on <paramref name="line"/> (key digest <paramref name="key"/>) is replaced by a later line.</summary>
    public bool IsSuperseded(UInt128 key, int line) => _lastLineOfRepeatedKey.TryGetValue(key, out var last) && last != line;

    /// <summary>
    /// The index of a file <see cref="RunFileWriter"/> is writing from its start: no issues and no superseded lines (the
    /// writer's caller writes each key once), and the program offsets the writer fills in as it writes program lines.
    /// </summary>
    internal static RunFileIndex OfWriter(string path, RunHeader header, Dictionary<string, long> programOffsets) =>
        new(path, header, [], 0, 0, [], programOffsets, false);

    /// <summary>Indexes the run file at <paramref name="path"/>; a missing file indexes as empty.</summary>
    public static RunFileIndex Build(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var fileName = System.IO.Path.GetFileName(path);
        var issues = new List<LineIssue>();
        var seen = new HashSet<UInt128>();
        var repeated = new Dictionary<UInt128, int>();
        var programs = new Dictionary<string, long>(StringComparer.Ordinal);
        RunHeader? header = null;
        var hasProtocols = false;
        if (!File.Exists(path))
        {
            return new RunFileIndex(path, null, issues, 0, 0, repeated, programs, false);
        }

        using var reader = OpenRunFile(path);
        while (reader.TryRead(out var line))
        {
            var span = line.Bytes.Span;
            if (IsBlank(span))
            {
                continue;
            }

            var head = RunLineHead.Read(span);
            switch (head.Kind)
            {
                case RunLineKind.Header:
                    if (!RunFile.IsKnownFormat(head.Format))
                    {
                        issues.Add(new LineIssue(fileName, line.Number, $"header format is '{head.Format}', expected one of {string.Join(", ", RunFile.KnownFormats)}"));
                        break;
                    }

                    header = ReadHeader(span, fileName, line.Number, issues) ?? header;
                    break;
                case RunLineKind.Program:
                    programs[head.Program!] = line.Offset;
                    break;
                case RunLineKind.Case:
                    hasProtocols |= head.Protocol is not null;
                    var key = ResultKeyHash.Of(head.Key!);
                    if (!seen.Add(key))
                    {
                        repeated[key] = line.Number;
                    }

                    break;
                default:
                    issues.Add(new LineIssue(fileName, line.Number, "not a readable case result: " + (head.Problem ?? "unknown line")));
                    break;
            }
        }

        foreach (var (number, bytes) in reader.Oversized)
        {
            issues.Add(new LineIssue(fileName, number, $"the line is {bytes} bytes long; at most {reader.MaxLineBytes} are read"));
        }

        if (reader.TornTail)
        {
            issues.Add(new LineIssue(fileName, reader.TornLine, "incomplete last line (the run was interrupted while writing it); it is ignored and the case will run again"));
        }

        return new RunFileIndex(path, header, issues, reader.CompleteLength, seen.Count, repeated, programs, hasProtocols);
    }

    /// <summary>Opens a run file for reading line by line; a file that is not text is refused with a message.</summary>
    public static JsonLineReader OpenRunFile(string path)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);
        return new JsonLineReader(stream)
        {
            Name = path,
            Kind = "run file",
            KindHint = "Run files are the JSON Lines that 'faithful run' and 'faithful score' write.",
        };
    }

    /// <summary>Whether a line holds only spaces (and a CR).</summary>
    public static bool IsBlank(ReadOnlySpan<byte> line) => line.Trim((byte)' ').Trim((byte)'\r').IsEmpty;

    private static RunHeader? ReadHeader(ReadOnlySpan<byte> line, string fileName, int number, List<LineIssue> issues)
    {
        try
        {
            return JsonSerializer.Deserialize<RunHeader>(line, FaithfulJson.Options);
        }
        catch (JsonException e)
        {
            issues.Add(new LineIssue(fileName, number, "not a readable header: " + e.Message));
            return null;
        }
    }
}
