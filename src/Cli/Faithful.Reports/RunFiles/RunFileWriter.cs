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
    private readonly bool _compact;
    private readonly HashSet<string> _programs = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    private RunFileWriter(FileStream stream, string format)
    {
        _stream = stream;
        _compact = format != RunFile.FormatVersion1;
    }

    /// <summary>Starts a new run file (replacing any), writing <paramref name="header"/> first; its format decides the lines' form.</summary>
    public static RunFileWriter Create(string path, RunHeader header)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(header);
        EnsureDirectory(path);
        var writer = new RunFileWriter(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read), header.Format);
        writer.WriteLine(JsonSerializer.SerializeToUtf8Bytes(header, FaithfulJson.Options));
        return writer;
    }

    /// <summary>Reopens a run file of <paramref name="format"/> for appending after its last complete line.</summary>
    /// <param name="knownPrograms">Ids of the program lines the file already holds, which are not written again.</param>
    public static RunFileWriter Append(string path, long completeLength, string format = RunFile.FormatVersion, IEnumerable<string>? knownPrograms = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.Read);
        stream.SetLength(completeLength);
        stream.Seek(0, SeekOrigin.End);
        var writer = new RunFileWriter(stream, format);
        writer._programs.UnionWith(knownPrograms ?? []);
        return writer;
    }

    /// <summary>Whether results are written with compact verdicts (<c>faithful.run/2</c>).</summary>
    public bool Compact => _compact;

    /// <summary>Writes a result; in a <c>faithful.run/2</c> file, after its program's line when <paramref name="program"/> is given and new.</summary>
    public void Write(CaseResult result, StepProgram? program = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (!_compact)
        {
            WriteLine(JsonSerializer.SerializeToUtf8Bytes(result, FaithfulJson.Options));
            return;
        }

        var line = CompactCaseLine.Serialize(result);
        lock (_gate)
        {
            if (program is not null && _programs.Add(program.Id))
            {
                WriteLine(ProgramLine.Serialize(program));
            }

            WriteLine(line);
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
                WriteLine(line());
            }
        }
    }

    private void WriteLine(byte[] json)
    {
        lock (_gate)
        {
            // One write call per line keeps a line whole unless the process dies inside it.
            var line = new byte[json.Length + 1];
            json.CopyTo(line, 0);
            line[^1] = (byte)'\n';
            _stream.Write(line);
            _stream.Flush();
        }
    }

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
