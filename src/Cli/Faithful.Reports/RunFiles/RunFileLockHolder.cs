using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Faithful.Reports.RunFiles;

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
