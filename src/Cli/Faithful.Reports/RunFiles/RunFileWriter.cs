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
    private readonly Lock _gate = new();

    private RunFileWriter(FileStream stream) => _stream = stream;

    /// <summary>Starts a new run file (replacing any), writing <paramref name="header"/> first.</summary>
    public static RunFileWriter Create(string path, RunHeader header)
    {
        ArgumentNullException.ThrowIfNull(path);
        EnsureDirectory(path);
        var writer = new RunFileWriter(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read));
        writer.WriteLine(JsonSerializer.SerializeToUtf8Bytes(header, FaithfulJson.Options));
        return writer;
    }

    /// <summary>Reopens a run file for appending after its last complete line.</summary>
    public static RunFileWriter Append(string path, long completeLength)
    {
        ArgumentNullException.ThrowIfNull(path);
        var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.Read);
        stream.SetLength(completeLength);
        stream.Seek(0, SeekOrigin.End);
        return new RunFileWriter(stream);
    }

    public void Write(CaseResult result) => WriteLine(JsonSerializer.SerializeToUtf8Bytes(result, FaithfulJson.Options));

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
