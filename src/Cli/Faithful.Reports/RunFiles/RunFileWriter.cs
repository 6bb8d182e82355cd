using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Faithful.Model;
using Faithful.Reports.RunFiles.Compact;
using Faithful.Traces.Results;

namespace Faithful.Reports.RunFiles;

/// <summary>
/// Appends results to a run file, one flushed line each, safe to call from concurrent cases.
/// Opening an existing file first cuts a torn last line so that new lines start clean. Lines take the form of the
/// file's format: compact verdicts and program lines in <c>faithful.run/2</c>, full verdicts in <c>faithful.run/1</c>.
/// </summary>
public sealed class RunFileWriter : IDisposable
{
    private readonly FileStream _stream;
    private readonly Func<string, string> _redact;
    private readonly bool _compact;
    private readonly HashSet<string> _programs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _programOffsets = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    // Lines the redactor changed, which are no longer the serializer's bytes (held weakly: a line is looked up only while
    // its result is between the scorer and the writer).
    private readonly ConditionalWeakTable<byte[], object> _redactedLines = [];
    private static readonly object Redacted = new();
    private int _linesWritten;
    private Streaming.RunFileIndex? _index;

    private RunFileWriter(FileStream stream, Func<string, string>? redact, string format)
    {
        _stream = stream;
        _redact = redact ?? (text => text);
        _compact = format != RunFile.FormatVersion1;
    }

    /// <summary>Starts a new run file (replacing any), writing <paramref name="header"/> first; its format decides the lines' form.</summary>
    /// <param name="redact">Applied to every line before it is written (the CLI passes its secret redactor).</param>
    public static RunFileWriter Create(string path, RunHeader header, Func<string, string>? redact = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(header);
        EnsureDirectory(path);
        var writer = new RunFileWriter(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read), redact, header.Format);
        writer.WriteLine(JsonSerializer.Serialize(header, FaithfulJson.Options));
        writer._index = Streaming.RunFileIndex.OfWriter(path, header, writer._programOffsets);
        return writer;
    }

    /// <summary>Reopens a run file of <paramref name="format"/> for appending after its last complete line.</summary>
    /// <param name="knownPrograms">Ids of the program lines the file already holds, which are not written again.</param>
    public static RunFileWriter Append(string path, long completeLength, Func<string, string>? redact = null, string format = RunFile.FormatVersion, IEnumerable<string>? knownPrograms = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.Read);
        stream.SetLength(completeLength);
        stream.Seek(0, SeekOrigin.End);
        var writer = new RunFileWriter(stream, redact, format);
        writer._programs.UnionWith(knownPrograms ?? []);
        return writer;
    }

    /// <summary>Rewrites the file as <paramref name="header"/> followed by <paramref name="lines"/> (complete JSON lines kept from a damaged file).</summary>
    public static RunFileWriter Rebuild(string path, RunHeader header, IEnumerable<string> lines, Func<string, string>? redact = null)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(lines);
        var temporary = path + ".rebuild." + Environment.ProcessId + ".tmp";
        using (var rebuilt = Create(temporary, header, redact))
        {
            foreach (var line in lines)
            {
                rebuilt.WriteLine(line);
            }
        }

        File.Move(temporary, path, overwrite: true);
        return Append(path, new FileInfo(path).Length, redact, header.Format, Streaming.RunFileIndex.Build(path).ProgramOffsets.Keys);
    }

    /// <summary>Whether results are written with compact verdicts (<c>faithful.run/2</c>).</summary>
    public bool Compact => _compact;

    /// <summary>
    /// For a file this writer created: an index that follows the writing (its program lines as they are written), so
    /// results summarized as they are written can be read back from their <see cref="WrittenLine"/> (drill-downs,
    /// <see cref="Recovery.CaseRecovery"/>) without a second pass over the file. It counts no results and no complete
    /// length: to scan the file, index it with <see cref="Streaming.RunFileIndex.Build"/> once it is closed. Null for an
    /// appended file, whose earlier lines this writer never saw.
    /// </summary>
    public Streaming.RunFileIndex? LiveIndex => _index;

    /// <summary>Writes a result; in a <c>faithful.run/2</c> file, after its program's line when <paramref name="program"/> is given and new.</summary>
    public WrittenLine Write(CaseResult result, StepProgram? program = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var line = SerializeLine(result);
        lock (_gate)
        {
            if (_compact && program is not null && _programs.Add(program.Id))
            {
                _programOffsets[program.Id] = WriteLine(ProgramLine.Serialize(program)).Offset;
            }

            return WriteSerialized(line);
        }
    }

    /// <summary>
    /// The line <see cref="Write(CaseResult, StepProgram?)"/> would write for <paramref name="result"/>, redacted, as UTF-8
    /// with its newline: safe to call from any thread, so results can be serialized where they are scored.
    /// </summary>
    public byte[] SerializeLine(CaseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return RedactedLine(_compact ? CompactCaseLine.Serialize(result) : JsonSerializer.SerializeToUtf8Bytes(result, FaithfulJson.Options));
    }

    /// <summary>
    /// The line <see cref="SerializeLine"/> would make for <paramref name="renumbered"/>, made from <paramref name="line"/>,
    /// the line it made for <paramref name="original"/>, by writing the new case id and sample over the old ones instead of
    /// serializing the whole result again (samples are numbered in file order, after the result was serialized where it
    /// was scored). Null when that cannot be done exactly: the results differ in more than their case id and sample, the
    /// redactor changed the original line, or the line does not hold both fields; the caller then serializes again.
    /// </summary>
    public byte[]? Renumbered(byte[] line, CaseResult original, CaseResult renumbered)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(renumbered);
        if (original with { CaseId = renumbered.CaseId, Sample = renumbered.Sample } != renumbered || _redactedLines.TryGetValue(line, out _))
        {
            return null;
        }

        // The line is the serializer's own bytes and its newline, so writing the two values over theirs gives the
        // serializer's bytes for the renumbered result; redaction then runs on them as on any line.
        return ResultLineFields.Rewrite(line, JsonSerializer.SerializeToUtf8Bytes(renumbered.CaseId, FaithfulJson.Options), renumbered.Sample) is { } json
            ? RedactedLine(json, hasNewline: true)
            : null;
    }

    /// <summary>Writes a line made by <see cref="SerializeLine"/>; returns where it starts (an appended file counts lines from the append).</summary>
    public WrittenLine WriteSerialized(byte[] line)
    {
        ArgumentNullException.ThrowIfNull(line);
        lock (_gate)
        {
            var at = new WrittenLine(_stream.Position, ++_linesWritten);

            // One write call per line keeps a line whole unless the process dies inside it.
            _stream.Write(line);
            _stream.Flush();
            return at;
        }
    }

    /// <summary>Writes a program line (a <c>faithful.run/2</c> file only), once per program id.</summary>
    public void WriteProgramLine(string programId, Func<byte[]> line)
    {
        ArgumentNullException.ThrowIfNull(programId);
        ArgumentNullException.ThrowIfNull(line);
        lock (_gate)
        {
            if (_compact && _programs.Add(programId))
            {
                _programOffsets[programId] = WriteLine(line()).Offset;
            }
        }
    }

    private WrittenLine WriteLine(string json) => WriteSerialized(Utf8Line(_redact(json)));

    private WrittenLine WriteLine(byte[] json) => WriteSerialized(RedactedLine(json));

    // A serialized line as written: redacted, with its newline; the serializer's own bytes when the redactor gives the
    // text back unchanged (no second UTF-8 encoding per line).
    private byte[] RedactedLine(byte[] json, bool hasNewline = false)
    {
        var text = Encoding.UTF8.GetString(json, 0, hasNewline ? json.Length - 1 : json.Length);
        var redacted = _redact(text);
        if (!ReferenceEquals(redacted, text))
        {
            var changed = Utf8Line(redacted);
            _redactedLines.AddOrUpdate(changed, Redacted);
            return changed;
        }

        if (hasNewline)
        {
            return json;
        }

        var line = new byte[json.Length + 1];
        json.CopyTo(line, 0);
        line[^1] = (byte)'\n';
        return line;
    }

    private static byte[] Utf8Line(string text) => Encoding.UTF8.GetBytes(text + "\n");

    public void Dispose() => _stream.Dispose();

    private static void EnsureDirectory(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
    }
}

/// <summary>Where <see cref="RunFileWriter"/> wrote a line: its byte offset and 1-based line number in the file.</summary>
public readonly record struct WrittenLine(long Offset, int Line);
