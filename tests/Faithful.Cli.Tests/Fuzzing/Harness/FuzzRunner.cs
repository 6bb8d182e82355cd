using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using CsCheck;

namespace Faithful.Fuzzing;

/// <summary>
/// Runs a target's generated inputs through CsCheck (parallel, seeded, shrinking on failure), timing every input.
/// A failing input is written to <c>crashDirectory</c> when one is given, to be kept as a regression.
/// </summary>
public static class FuzzRunner
{
    public static FuzzReport Run(FuzzTarget target, long inputs, int threads = -1, string? seed = null, string? crashDirectory = null, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        long count = 0;
        long slowestTicks = 0;

        // Log2 buckets of microseconds: enough for a p99 bound without keeping a million timings.
        var buckets = new long[48];
        var crashes = new ConcurrentQueue<(string Input, Exception Error)>();
        var watch = Stopwatch.StartNew();
        string? failure = null;
        try
        {
            target.Inputs.Sample(
                input =>
                {
                    var start = Stopwatch.GetTimestamp();
                    try
                    {
                        target.Run(input);
                    }
                    catch (Exception e)
                    {
                        crashes.Enqueue((input, e));
                        throw;
                    }

                    var elapsed = Stopwatch.GetElapsedTime(start);
                    if (elapsed > target.Budget)
                    {
                        var slow = new TimeoutException($"one input took {elapsed.TotalSeconds:0.00} s, over the {target.Budget.TotalSeconds:0.#} s budget");
                        crashes.Enqueue((input, slow));
                        throw slow;
                    }

                    var done = Interlocked.Increment(ref count);
                    Max(ref slowestTicks, elapsed.Ticks);
                    Interlocked.Increment(ref buckets[Math.Min(buckets.Length - 1, 64 - long.LeadingZeroCount(Math.Max(1, (long)elapsed.TotalMicroseconds)))]);
                    if (log is not null && done % 50_000 == 0)
                    {
                        log(string.Create(CultureInfo.InvariantCulture, $"  {target.Name}: {done:N0} inputs, {watch.Elapsed.TotalSeconds:0} s"));
                    }
                },
                iter: inputs,
                threads: threads,
                seed: seed,
                print: FuzzTarget.Describe);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            failure = e.Message;
        }

        var files = crashDirectory is null ? [] : Save(target, crashes, crashDirectory);
        return new FuzzReport(target.Name, count, crashes.IsEmpty && failure is null ? 0 : Math.Max(1, crashes.Count), watch.Elapsed, TimeSpan.FromTicks(slowestTicks), P99(buckets, count), failure, files);
    }

    private static List<string> Save(FuzzTarget target, IEnumerable<(string Input, Exception Error)> crashes, string directory)
    {
        var folder = Path.Combine(directory, target.Name);
        Directory.CreateDirectory(folder);
        var files = new List<string>();
        foreach (var (input, error) in crashes.Take(20))
        {
            var bytes = target.Encode(input);
            var name = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))[..12] + ".fuzz";
            var path = Path.Combine(folder, name);
            File.WriteAllBytes(path, bytes);
            File.WriteAllText(path + ".txt", error.GetType().Name + ": " + error.Message + "\n");
            files.Add(path);
        }

        return files;
    }

    private static TimeSpan P99(long[] buckets, long count)
    {
        var wanted = (long)Math.Ceiling(count * 0.99);
        long seen = 0;
        for (var i = 0; i < buckets.Length; i++)
        {
            seen += buckets[i];
            if (seen >= wanted && count > 0)
            {
                return TimeSpan.FromMicroseconds(Math.Pow(2, i));
            }
        }

        return TimeSpan.Zero;
    }

    private static void Max(ref long target, long value)
    {
        var current = Volatile.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
