using System.Globalization;
using Faithful.Fuzzing;

namespace Faithful.Benchmarks.Fuzzing;

/// <summary>
/// The long fuzzing run on demand: generated inputs through the transcript reader, the program reader and the trace
/// parser (the harness is tests/Faithful.Cli.Tests/Fuzzing/Harness, whose CI slice runs in the tests). Prints inputs,
/// crashes, throughput and the slowest input per target; failing inputs go to --save-crashes to be kept as regressions.
/// </summary>
public sealed class FuzzBench : IBench
{
    public string Name => "fuzz";

    public string Description => "fuzz the transcript reader, program reader and trace parser (10^6 inputs in all by default); [--inputs N per target] [--target NAME] [--threads T] [--seed S] [--save-crashes DIR]";

    public int Run(string[] args)
    {
        long? inputs = Option(args, "--inputs") is { } n ? long.Parse(n, CultureInfo.InvariantCulture) : null;
        var threads = int.Parse(Option(args, "--threads") ?? "-1", CultureInfo.InvariantCulture);
        var seed = Option(args, "--seed");
        var crashes = Option(args, "--save-crashes") ?? Path.Combine(Path.GetTempPath(), "faithful-fuzz-crashes");
        var targets = Option(args, "--target") is { } name ? [FuzzTargets.Named(name)] : FuzzTargets.All;
        if (seed is not null && !IsSeed(seed))
        {
            // A seed CsCheck cannot read would otherwise be reported as a crash of the first target, with 0 inputs run.
            Console.Error.WriteLine($"error: --seed '{seed}' is not a CsCheck seed; pass the seed a failing run printed (12 to 17 characters), or leave --seed out for a random one");
            return 2;
        }


        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fuzz: {(inputs is { } each ? each.ToString("N0", CultureInfo.InvariantCulture) : string.Join(" + ", targets.Select(t => t.LongRunInputs.ToString("N0", CultureInfo.InvariantCulture))))} inputs, {(threads > 0 ? threads : Environment.ProcessorCount)} threads, seed {seed ?? "random"}; crashes saved to {crashes}"));
        var reports = new List<FuzzReport>();
        foreach (var target in targets)
        {
            var report = FuzzRunner.Run(target, inputs ?? target.LongRunInputs, threads, seed, crashes, Console.WriteLine);
            reports.Add(report);
            Console.WriteLine(report);
            if (report.Failure is { } failure)
            {
                Console.WriteLine("  failure: " + failure.ReplaceLineEndings("\n  "));
                foreach (var file in report.CrashFiles)
                {
                    Console.WriteLine("  kept: " + file + " (copy into tests/Faithful.Cli.Tests/Fuzzing/Regressions/" + target.Name + "/)");
                }
            }
        }

        var total = reports.Sum(r => r.Inputs);
        var crashCount = reports.Sum(r => r.Crashes);
        var slowest = reports.MaxBy(r => r.SlowestInput)!;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"total: {total:N0} inputs, {crashCount} crashes, {reports.Sum(r => r.Elapsed.TotalSeconds):0} s; slowest input {slowest.SlowestInput.TotalMilliseconds:0} ms ({slowest.Target}), budget {string.Join(", ", targets.Select(t => $"{t.Name} {t.Budget.TotalSeconds:0} s"))}"));
        return crashCount == 0 ? 0 : 1;
    }

    private static bool IsSeed(string seed)
    {
        try
        {
            CsCheck.PCG.Parse(seed);
            return true;
        }
        catch (Exception e) when (e is CsCheck.CsCheckException or ArgumentException or FormatException)
        {
            return false;
        }
    }

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
