using System.Globalization;
using System.Text.Json;

namespace Faithful.Reports.RunFiles;

/// <summary>
/// Keeps two processes from writing one run file: <c>run.jsonl.lock</c> beside it names the holder (process id, host,
/// start time, command). The lock file is created atomically with its contents; a lock whose holder is gone (a killed
/// run on this host) is taken over, one held by a live process is refused with its name.
/// </summary>
public sealed class RunFileLock : IDisposable
{
    private readonly string _contents;
    private bool _released;

    private RunFileLock(string path, string contents)
    {
        Path = path;
        _contents = contents;
    }

    /// <summary>The lock file.</summary>
    public string Path { get; }

    /// <summary>Whether this lock replaced one left by a process that is gone.</summary>
    public RunFileLockHolder? TookOverFrom { get; private init; }

    public static string PathFor(string runFile) => runFile + ".lock";

    /// <summary>Takes the lock of <paramref name="runFile"/> for this process.</summary>
    /// <param name="command">What holds it, shown to a process that is refused (e.g. "faithful run").</param>
    /// <exception cref="RunFileInUseException">A live process holds it.</exception>
    public static RunFileLock Acquire(string runFile, string command)
    {
        ArgumentNullException.ThrowIfNull(runFile);
        var path = PathFor(System.IO.Path.GetFullPath(runFile));
        var directory = System.IO.Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var me = RunFileLockHolder.Current(command);
        var contents = JsonSerializer.Serialize(me, RunFileLockHolder.Json);
        RunFileLockHolder? staleHolder = null;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            if (TryCreate(path, contents))
            {
                return new RunFileLock(path, contents) { TookOverFrom = staleHolder };
            }

            var holder = RunFileLockHolder.Read(path);
            if (holder is not null && !holder.IsGone())
            {
                throw new RunFileInUseException(runFile, path, holder);
            }

            // The holder is gone (or its lock file is unreadable): take the lock over.
            staleHolder = holder;
            TryDelete(path);
        }

        throw new RunFileInUseException(runFile, path, RunFileLockHolder.Read(path));
    }

    public void Dispose()
    {
        if (_released)
        {
            return;
        }

        _released = true;

        // Only our own lock is removed; a process that wrongly took it over keeps its own.
        try
        {
            if (File.Exists(Path) && File.ReadAllText(Path) == _contents)
            {
                File.Delete(Path);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    // Written to a temporary file and linked into place, so the lock file never exists without its holder's name.
    private static bool TryCreate(string path, string contents)
    {
        var temporary = path + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllText(temporary, contents);
        try
        {
            File.Move(temporary, path, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
            return false;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
    }
}
