namespace Faithful.Reports.RunFiles;

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
