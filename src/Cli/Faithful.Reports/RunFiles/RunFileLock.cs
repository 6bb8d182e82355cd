using System.Diagnostics;
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

/// <summary>Who holds a run file's lock.</summary>
public sealed record RunFileLockHolder(int ProcessId, string Host, DateTime ProcessStartUtc, string Command)
{
    internal static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static RunFileLockHolder Current(string command)
    {
        using var process = Process.GetCurrentProcess();
        return new RunFileLockHolder(Environment.ProcessId, Environment.MachineName, process.StartTime.ToUniversalTime(), command);
    }

    public static RunFileLockHolder? Read(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<RunFileLockHolder>(File.ReadAllText(path), Json);
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Whether the holder has certainly ended: same host, and no process with its id and start time.</summary>
    public bool IsGone()
    {
        if (!string.Equals(Host, Environment.MachineName, StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            using var process = Process.GetProcessById(ProcessId);

            // A reused process id belongs to a process that started at another time.
            return process.HasExited || Math.Abs((process.StartTime.ToUniversalTime() - ProcessStartUtc).TotalSeconds) > 2;
        }
        catch (ArgumentException)
        {
            return true;
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"process {ProcessId} on {Host} ({Command}, started {ProcessStartUtc:yyyy-MM-dd HH:mm:ss}Z)");
}

/// <summary>Another live process holds the run file's lock.</summary>
public sealed class RunFileInUseException : IOException
{
    public RunFileInUseException(string runFile, string lockPath, RunFileLockHolder? holder)
        : base($"run file '{runFile}' is in use by {holder?.ToString() ?? "another process"}. Wait for it to finish, choose another --run-file or --out, or, if that process is gone, delete {lockPath}.")
    {
        LockPath = lockPath;
        Holder = holder;
    }

    public RunFileInUseException()
    {
        LockPath = "";
    }

    public RunFileInUseException(string message)
        : base(message)
    {
        LockPath = "";
    }

    public RunFileInUseException(string message, Exception innerException)
        : base(message, innerException)
    {
        LockPath = "";
    }

    public string LockPath { get; }

    public RunFileLockHolder? Holder { get; }
}
