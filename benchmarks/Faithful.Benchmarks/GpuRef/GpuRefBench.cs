using System.Diagnostics;
using System.Globalization;
using Faithful.Execution;
using Faithful.GpuRef.Batches;
using Faithful.GpuRef.Cpu;
using Faithful.GpuRef.Hosting;
using Faithful.GpuRef.Tests.Support;
using Faithful.GpuRef.Verification;
using Faithful.Model;
using Trace = Faithful.Execution.Trace;

namespace Faithful.Benchmarks.GpuRef;

/// <summary>
/// <c>gpuref</c>: step-evaluations per second of every ground-truth backend on one program, in one run,
/// as ratios to the hand-fused loop; <c>gpuref --check N</c> checks N random pairs against the oracle.
/// </summary>
public sealed class GpuRefBench : IBench
{
    public string Name => "gpuref";

    public string Description => "ground-truth backends in step-evaluations/s [--pairs N] [--reference-pairs N]; or --check N [--inputs-per-program K] [--backend B] against the oracle";

    public int Run(string[] args)
    {
        var options = Args.Parse(args);
        return options.Check is { } check
            ? CheckAgainstOracle(check, options.Backend, options.InputsPerProgram)
            : Throughput(options.Pairs, options.ReferencePairs);
    }

    private static int Throughput(int pairs, int referencePairs)
    {
        var program = BenchProgram.Build();
        var random = new Random(1);
        var batch = new TraceBatch();
        var index = batch.AddProgram(program);
        var inputs = new long[3 * pairs];
        for (var i = 0; i < pairs; i++)
        {
            inputs[3 * i] = random.NextInt64(-1_000_000, 1_000_000);
            inputs[(3 * i) + 1] = random.NextInt64(-1_000_000, 1_000_000);
            inputs[(3 * i) + 2] = random.NextInt64(-1_000_000, 1_000_000);
            batch.AddBits(index, inputs.AsSpan(3 * i, 3));
        }

        Console.WriteLine($"gpuref throughput: program {program.Id} ({BenchProgram.Steps} steps), {pairs:N0} pairs, {Environment.ProcessorCount} core(s), .NET {Environment.Version}");
        var rows = new List<(string Name, double StepsPerSecond)>();
        var expected = FusedTrace(inputs, pairs, out var fusedRate);

        rows.Add(("reference evaluator, 1 thread", Measure(referencePairs, () =>
        {
            for (var i = 0; i < referencePairs; i++)
            {
                ReferenceEvaluator.Evaluate(program, inputs[3 * i], inputs[(3 * i) + 1], inputs[(3 * i) + 2]);
            }
        })));
        rows.Add(("reference evaluator, Parallel.For", Measure(referencePairs, () =>
            Parallel.For(0, referencePairs, i => ReferenceEvaluator.Evaluate(program, inputs[3 * i], inputs[(3 * i) + 1], inputs[(3 * i) + 2])))));

        var backends = new[]
        {
            new GpuRefOptions { Backend = GpuRefBackend.Cpu, MaxDegreeOfParallelism = 1 },
            new GpuRefOptions { Backend = GpuRefBackend.Cpu },
            new GpuRefOptions { Backend = GpuRefBackend.IlgpuCpu },
            new GpuRefOptions { Backend = GpuRefBackend.Cuda },
            new GpuRefOptions { Backend = GpuRefBackend.OpenCL },
        };
        foreach (var options in backends)
        {
            var backend = options.Backend;
            GpuRefHost host;
            try
            {
                host = GpuRefHost.Create(options);
            }
            catch (InvalidOperationException e)
            {
                Console.WriteLine($"  {backend}: not present ({e.Message.Split(':', 3)[^1].Trim()})");
                continue;
            }

            using (host)
            {
                host.Evaluate(batch);
                TraceBatchResult? result = null;
                var rate = Measure(pairs, () => result = host.Evaluate(batch));
                Verify(result!, expected, host.Description);
                rows.Add(($"{host.Description}", rate));
            }
        }

        var compiled = StepProgramCompiler.Compile(program);
        var compiledTrace = new long[pairs * (BenchProgram.Steps + 1)];
        rows.Add(("compiled delegate alone (no batch packing), Parallel.For", Measure(pairs, () => Parallel.For(0, (pairs + 4095) / 4096, range =>
        {
            var end = Math.Min(pairs, (range + 1) * 4096);
            for (var i = range * 4096; i < end; i++)
            {
                compiled(inputs, 3 * i, compiledTrace, i * (BenchProgram.Steps + 1));
            }
        }))));
        rows.Add(("hand-fused C# loop, 1 thread", Measure(pairs, () =>
        {
            for (var i = 0; i < pairs; i++)
            {
                BenchProgram.Fused(inputs, 3 * i, compiledTrace, i * (BenchProgram.Steps + 1));
            }
        })));
        rows.Add(("hand-fused C# loop, Parallel.For (machine limit)", fusedRate));
        Console.WriteLine();
        Console.WriteLine($"{"backend",-78} {"M step-evals/s",15} {"x fused",9} {"x ref 1T",9}");
        var reference = rows[0].StepsPerSecond;
        foreach (var (name, rate) in rows)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Trim(name, 78),-78} {rate / 1e6,15:F1} {rate / fusedRate,9:F3} {rate / reference,9:F1}"));
        }

        return 0;
    }

    private static long[] FusedTrace(long[] inputs, int pairs, out double rate)
    {
        var trace = new long[pairs * (BenchProgram.Steps + 1)];
        void Run() => Parallel.For(0, (pairs + 4095) / 4096, range =>
        {
            var end = Math.Min(pairs, (range + 1) * 4096);
            for (var i = range * 4096; i < end; i++)
            {
                BenchProgram.Fused(inputs, 3 * i, trace, i * (BenchProgram.Steps + 1));
            }
        });
        Run();
        rate = Measure(pairs, Run);
        return trace;
    }

    /// <summary>Best of three runs, in step-evaluations per second.</summary>
    private static double Measure(int pairs, Action run)
    {
        var best = double.MaxValue;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var stopwatch = Stopwatch.StartNew();
            run();
            best = Math.Min(best, stopwatch.Elapsed.TotalSeconds);
        }

        return pairs * (double)BenchProgram.Steps / best;
    }

    private static void Verify(TraceBatchResult result, long[] expected, string backend)
    {
        for (var pair = 0; pair < result.PairCount; pair++)
        {
            if (!result.RowOf(pair).SequenceEqual(expected.AsSpan(pair * (BenchProgram.Steps + 1), BenchProgram.Steps + 1)))
            {
                throw new InvalidOperationException($"{backend} differs from the hand-fused loop at pair {pair}.");
            }
        }
    }

    private static int CheckAgainstOracle(long pairs, GpuRefBackend backend, int inputsPerProgram)
    {
        using var host = GpuRefHost.Create(new GpuRefOptions { Backend = backend });
        Console.WriteLine($"gpuref check: {pairs:N0} random pairs ({inputsPerProgram} per program) on {host.Description} against the reference evaluator");
        var generator = new RandomPrograms(new Random(12345));
        var faults = new Dictionary<string, long>();
        long done = 0, mismatches = 0, steps = 0;
        var backendTime = TimeSpan.Zero;
        var total = Stopwatch.StartNew();
        while (done < pairs)
        {
            var batch = new TraceBatch();
            var size = (int)Math.Min(100_000, pairs - done);
            while (batch.PairCount < size)
            {
                var program = generator.Next(maxSteps: 95);
                for (var i = 0; i < inputsPerProgram && batch.PairCount < size; i++)
                {
                    batch.Add(program, generator.Inputs(program));
                }
            }

            var stopwatch = Stopwatch.StartNew();
            var result = host.Evaluate(batch);
            backendTime += stopwatch.Elapsed;
            var oracle = new Trace[batch.PairCount];
            Parallel.For(0, batch.PairCount, i => oracle[i] = ReferenceEvaluator.Evaluate(batch.ProgramOf(i), batch.InputsOf(i)));
            for (var i = 0; i < batch.PairCount; i++)
            {
                var key = oracle[i].Fault?.Kind.ToString() ?? "complete";
                faults[key] = faults.GetValueOrDefault(key) + 1;
                steps += oracle[i].StepValues.Count;
                if (DifferentialCheck.Compare(result, i, oracle[i]) is { } difference)
                {
                    if (mismatches++ < 5)
                    {
                        Console.WriteLine($"MISMATCH {difference}");
                    }
                }
            }

            done += batch.PairCount;
            if (done % 1_000_000 == 0 || done == pairs)
            {
                Console.WriteLine($"  {done:N0} pairs, {mismatches} mismatch(es), {total.Elapsed.TotalSeconds:F0} s");
            }
        }

        Console.WriteLine($"outcomes: {string.Join(", ", faults.OrderBy(f => f.Key).Select(f => $"{f.Key} {f.Value:N0}"))}");
        Console.WriteLine($"{steps:N0} step values compared; backend {steps / backendTime.TotalSeconds / 1e6:F1} M step-evals/s (incl. compiling each program and packing); total {total.Elapsed.TotalSeconds:F0} s");
        Console.WriteLine(mismatches == 0 ? "OK: every pair equals the reference evaluator" : $"FAILED: {mismatches} mismatch(es)");
        return mismatches == 0 ? 0 : 1;
    }

    private static string Trim(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";

    private sealed record Args(int Pairs, int ReferencePairs, long? Check, GpuRefBackend Backend, int InputsPerProgram)
    {
        public static Args Parse(string[] args)
        {
            var parsed = new Args(1_000_000, 100_000, null, GpuRefBackend.Auto, 100);
            for (var i = 0; i < args.Length; i++)
            {
                var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
                parsed = args[i] switch
                {
                    "--pairs" => parsed with { Pairs = int.Parse(value, CultureInfo.InvariantCulture) },
                    "--reference-pairs" => parsed with { ReferencePairs = int.Parse(value, CultureInfo.InvariantCulture) },
                    "--check" => parsed with { Check = long.Parse(value, CultureInfo.InvariantCulture) },
                    "--inputs-per-program" => parsed with { InputsPerProgram = int.Parse(value, CultureInfo.InvariantCulture) },
                    "--backend" => parsed with { Backend = GpuRefOptions.ParseBackend(value) },
                    _ => throw new ArgumentException($"Unknown option {args[i]}: use --pairs, --reference-pairs, --check, --inputs-per-program, --backend."),
                };
                i++;
            }

            return parsed;
        }
    }
}
