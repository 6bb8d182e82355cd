using System.Text.Json;
using Faithful.Traces.Results;

namespace Faithful.Reports.RunFiles;

/// <summary>
/// Appends results to a run file, one flushed line each, safe to call from concurrent cases.
/// Opening an existing file first cuts a torn last line so that new lines start clean.
/// </summary>
public sealed class RunFileWriter : IDisposable
{
    private readonly FileStream _stream;
    private readonly Func<string, string> _redact;
    private readonly Lock _gate = new();

    private RunFileWriter(FileStream stream, Func<string, string>? redact)
    {
        _stream = stream;
        _redact = redact ?? (text => text);
    }

    /// <summary>Starts a new run file (replacing any), writing <paramref name="header"/> first.</summary>
    /// <param name="redact">Applied to every line before it is written (the CLI passes its secret redactor).</param>
    public static RunFileWriter Create(string path, RunHeader header, Func<string, string>? redact = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        EnsureDirectory(path);
        var writer = new RunFileWriter(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read), redact);
        writer.WriteLine(JsonSerializer.Serialize(header, FaithfulJson.Options));
        return writer;
    }

    /// <summary>Reopens a run file for appending after its last complete line.</summary>
    public static RunFileWriter Append(string path, long completeLength, Func<string, string>? redact = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.Read);
        stream.SetLength(completeLength);
        stream.Seek(0, SeekOrigin.End);
        return new RunFileWriter(stream, redact);
    }

    /// <summary>Rewrites the file as <paramref name="header"/> followed by <paramref name="lines"/> (complete JSON lines kept from a damaged file).</summary>
    public static RunFileWriter Rebuild(string path, RunHeader header, IEnumerable<string> lines, Func<string, string>? redact = null)
    {
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
        return Append(path, new FileInfo(path).Length, redact);
    }

    public void Write(CaseResult result) => WriteLine(JsonSerializer.Serialize(result, FaithfulJson.Options));

    private void WriteLine(string json)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(_redact(json) + "\n");
        lock (_gate)
        {
            // One write call per line keeps a line whole unless the process dies inside it.
            _stream.Write(bytes);
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
