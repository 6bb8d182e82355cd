using System.Diagnostics;
using System.Globalization;
using Faithful.Differential;
using Faithful.Families;
using Faithful.Model;

namespace Faithful.Benchmarks;

/// <summary>
/// The evaluator against compiled C# at scale: generated programs (long and double chains, register programs and
/// fault-heavy stress programs) compiled with Roslyn in batches, every case compared step by step, bit for bit.
/// Prints cases/s and step evaluations/s; exits 1 on any mismatch.
/// </summary>
public sealed class DifferentialBench : IBench
{
    public string Name => "differential";

    public string Description => "evaluator vs compiled C#, bit for bit: [--cases N (1000000)] [--programs-per-batch N (200)] [--seed N] [--sequential]";

    public int Run(string[] args)
    {
        var cases = LongOption(args, "--cases", 1_000_000);
        var perBatch = (int)LongOption(args, "--programs-per-batch", 200);
        var seed = (ulong)LongOption(args, "--seed", 1);
        var parallel = !args.Contains("--sequential");
        if (cases < 1 || perBatch < 4)
        {
            Console.Error.WriteLine("error: --cases must be at least 1 and --programs-per-batch at least 4.");
            return 2;
        }

        // Cases per program: enough to amortize compilation, as the test suite does.
        const int chainInputs = 500;
        const int stressInputs = 100;
        var batchCases = (perBatch / 5 * 4 * chainInputs) + (perBatch / 5 * stressInputs);
        var batches = (int)Math.Ceiling(cases / (double)batchCases);
        Console.WriteLine($"differential: {batches} batch(es) of {perBatch} programs, about {batchCases} cases each, {(parallel ? $"parallel on {Environment.ProcessorCount} cores" : "sequential")}");

        long total = 0, faulted = 0, mismatches = 0, steps = 0;
        var causes = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;
        var compile = TimeSpan.Zero;
        var run = TimeSpan.Zero;
        for (var b = 0; b < batches; b++)
        {
            var batchSeed = SplitMix64.Derive(seed, b);
            var n = perBatch / 5;
            var clock = Stopwatch.StartNew();
            var compiled = CompiledBatch.CompileAll(
            [
                ($"LongChains{b}", Enumerable.Range(0, 2 * n).Select(i => Chain(batchSeed, i, ValueKind.Int64))),
                ($"DoubleChains{b}", Enumerable.Range(0, n).Select(i => Chain(batchSeed, i, ValueKind.Double))),
                ($"Registers{b}", Enumerable.Range(0, n).Select(i => Registers(batchSeed, i))),
                ($"Stress{b}", Enumerable.Range(0, n).Select(i => StressPrograms.Generate(1 + (i % 12), SplitMix64.Derive(batchSeed, 3, i), i))),
            ]);
            compile += clock.Elapsed;
            clock.Restart();
            foreach (var (name, batch) in compiled)
            {
                var isStress = name.StartsWith("Stress", StringComparison.Ordinal);
                var report = isStress
                    ? DifferentialRunner.Run(batch, stressInputs, (program, p, c) => StressPrograms.DrawInputs(program, SplitMix64.Derive(batchSeed, p, c)), parallel)
                    : DifferentialRunner.Run(batch, chainInputs, (program, p, c) => InDomain(program, SplitMix64.Derive(batchSeed, p, c)), parallel);
                total += report.Cases;
                foreach (var (cause, count) in report.FaultsByCause)
                {
                    causes[cause] = causes.GetValueOrDefault(cause) + count;
                }

                faulted += report.Faulted;
                mismatches += report.MismatchCount;
                steps += batch.Programs.Sum(p => (long)p.Steps.Count) * (isStress ? stressInputs : chainInputs);
                if (report.MismatchCount > 0)
                {
                    Console.WriteLine($"MISMATCH in {name}: {report}");
                }
            }

            run += clock.Elapsed;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cases:        {total:N0} ({faulted:N0} faulted, {mismatches:N0} mismatches)"));
        Console.WriteLine($"faults:       {string.Join(", ", causes.Select(c => $"{c.Key} {c.Value}"))}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"compile:      {compile.TotalSeconds:F1} s for {batches * (perBatch / 5 * 5)} programs"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"check:        {run.TotalSeconds:F1} s, {total / run.TotalSeconds:N0} cases/s, {steps / run.TotalSeconds:N0} step evaluations/s (evaluator + compiled + comparison)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"end to end:   {total / (run + compile).TotalSeconds:N0} cases/s"));
        // On a shared machine wall time says little; process CPU time says what the work cost.
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuAtStart;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"process CPU:  {cpu.TotalSeconds:F1} s, {total / cpu.TotalSeconds:N0} cases per CPU-second (compile included)"));
        Console.WriteLine("NaN results compare by NaN-ness: .NET does not keep NaN sign/payload bits stable across JIT tiers; all other bits compare exactly.");
        return mismatches == 0 ? 0 : 1;
    }

    private static StepProgram Chain(ulong seed, int i, ValueKind kind)
    {
        var random = new SplitMix64(SplitMix64.Derive(seed, (long)kind, i));
        var mixes = new[] { OperatorMix.Mixed, OperatorMix.AddSubtract, OperatorMix.AddSubtract | OperatorMix.MultiplyByLiteral, OperatorMix.DivideByLiteral | OperatorMix.RemainderByLiteral };
        var spec = new ChainSpec((int)random.NextInt64(5, 95), (int)random.NextInt64(1, 6), kind, random.Pick(mixes), random.NextUInt64());
        return spec.Generate() with { Name = $"C{i}" };
    }

    private static StepProgram Registers(ulong seed, int i)
    {
        var random = new SplitMix64(SplitMix64.Derive(seed, 2, i));
        var spec = new RegisterSpec((int)random.NextInt64(2, 8), (int)random.NextInt64(1, 95), random.Chance(0.5) ? RegisterQuery.Sum : RegisterQuery.OneVariable, ProgramSeed: random.NextUInt64());
        return spec.Generate() with { Name = $"R{i}" };
    }

    private static Value[] InDomain(StepProgram program, ulong seed)
    {
        var random = new SplitMix64(seed);
        return [.. program.Parameters.Select(parameter =>
        {
            var min = (long)parameter.Domain!.Min;
            var max = (long)parameter.Domain.Max;
            return parameter.Kind == ValueKind.Int64
                ? Value.FromInt64(random.NextInt64(min, max))
                : Value.FromDouble(random.NextInt64(min * 4, max * 4) * 0.25);
        })];
    }

    private static long LongOption(string[] args, string name, long fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && long.TryParse(args[index + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }
}
