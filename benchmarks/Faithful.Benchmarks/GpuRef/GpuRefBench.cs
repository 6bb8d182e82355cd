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

    public string Description => "ground-truth backends in step-evaluations/s [--pairs N] [--reference-pairs N] [--rounds N]; or --check N [--counterfactuals] [--inputs-per-program K] [--backend B] against the oracle";

    public int Run(string[] args)
    {
        var options = Args.Parse(args);
        return options.Check is { } check
            ? CheckAgainstOracle(check, options.Backend, options.InputsPerProgram, options.Counterfactuals)
            : Throughput(options.Pairs, options.ReferencePairs, options.Rounds);
    }

    private static int Throughput(int pairs, int referencePairs, int rounds)
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

        var counterfactuals = CounterfactualBatch(program, inputs, pairs, random);
        var smallBatch = new TraceBatch();
        smallBatch.AddProgram(program);
        for (var i = 0; i < referencePairs; i++)
        {
            smallBatch.AddBits(0, inputs.AsSpan(3 * i, 3));
        }

        Console.WriteLine($"gpuref throughput: program {program.Id} ({BenchProgram.Steps} steps), {pairs:N0} pairs, {Environment.ProcessorCount} core(s), .NET {Environment.Version}");
        Console.WriteLine($"fast rows interleaved over {rounds} rounds, best of each; reference and ILGPU rows on {referencePairs:N0} pairs");
        var width = BenchProgram.Steps + 1;
        var expected = new long[pairs * width];
        var scratch = new long[pairs * width];
        var buffers = (Trace: new long[batch.TraceCellCount], Faults: new int[2 * batch.PairCount]);
        var counterfactualBuffers = (Trace: new long[counterfactuals.TraceCellCount], Faults: new int[2 * counterfactuals.PairCount]);
        var compiled = StepProgramCompiler.Compile(program);
        using var cpu = GpuRefHost.Create(new GpuRefOptions { Backend = GpuRefBackend.Cpu });
        using var cpu1 = GpuRefHost.Create(new GpuRefOptions { Backend = GpuRefBackend.Cpu, MaxDegreeOfParallelism = 1 });
        TraceBatchResult? into = null, allocated = null, single = null, counterfactual = null;

        // The rows that matter for the ratio run in turns, round after round, so that a burst of load on this shared
        // machine hits all of them rather than one.
        var fast = new List<(string Name, int Pairs, Action Run)>
        {
            ("hand-fused C# loop, Parallel.For (machine limit)", pairs, () => Parallel.For(0, (pairs + 4095) / 4096, range =>
            {
                var end = Math.Min(pairs, (range + 1) * 4096);
                for (var i = range * 4096; i < end; i++)
                {
                    BenchProgram.Fused(inputs, 3 * i, expected, i * width);
                }
            })),
            ("hand-fused C# loop, 1 thread", pairs, () =>
            {
                for (var i = 0; i < pairs; i++)
                {
                    BenchProgram.Fused(inputs, 3 * i, scratch, i * width);
                }
            }),
            ("compiled delegate alone (no batch, no host), Parallel.For", pairs, () => Parallel.For(0, (pairs + 4095) / 4096, range =>
            {
                var end = Math.Min(pairs, (range + 1) * 4096);
                for (var i = range * 4096; i < end; i++)
                {
                    compiled(inputs, 3 * i, scratch, i * width);
                }
            })),
            ($"{cpu.Description}: EvaluateInto caller's buffers", pairs, () => into = cpu.EvaluateInto(batch, buffers.Trace, buffers.Faults)),
            ($"{cpu1.Description}: EvaluateInto caller's buffers", pairs, () => single = cpu1.EvaluateInto(batch, buffers.Trace, buffers.Faults)),
            ($"{cpu.Description}: Evaluate (allocates the result)", pairs, () => allocated = cpu.Evaluate(batch)),
            ($"counterfactuals (k random, 1 slot altered), {cpu.Description}", pairs, () => counterfactual = cpu.EvaluateInto(counterfactuals, counterfactualBuffers.Trace, counterfactualBuffers.Faults)),
        };
        var best = Interleaved(fast, rounds);
        Verify(into!, expected, "EvaluateInto");
        Verify(single!, expected, "EvaluateInto, 1 thread");
        Verify(allocated!, expected, "Evaluate");
        VerifyCounterfactuals(counterfactual!, 2000);

        var rows = new List<(string Name, double StepsPerSecond)>();
        rows.Add(("reference evaluator, 1 thread", Measure(referencePairs, () =>
        {
            for (var i = 0; i < referencePairs; i++)
            {
                ReferenceEvaluator.Evaluate(program, inputs[3 * i], inputs[(3 * i) + 1], inputs[(3 * i) + 2]);
            }
        })));
        rows.Add(("reference evaluator, Parallel.For", Measure(referencePairs, () =>
            Parallel.For(0, referencePairs, i => ReferenceEvaluator.Evaluate(program, inputs[3 * i], inputs[(3 * i) + 1], inputs[(3 * i) + 2])))));
        foreach (var backend in new[] { GpuRefBackend.IlgpuCpu, GpuRefBackend.Cuda, GpuRefBackend.OpenCL })
        {
            GpuRefHost host;
            try
            {
                host = GpuRefHost.Create(new GpuRefOptions { Backend = backend });
            }
            catch (InvalidOperationException e)
            {
                Console.WriteLine($"  {backend}: not present ({e.Message.Split(':', 3)[^1].Trim()})");
                continue;
            }

            using (host)
            {
                // A GPU gets the whole batch; the ILGPU CPU accelerator, an interpreter on the CPU, the small one.
                var measured = backend == GpuRefBackend.IlgpuCpu ? smallBatch : batch;
                var trace = new long[measured.TraceCellCount];
                var faults = new int[2 * measured.PairCount];
                host.EvaluateInto(measured, trace, faults);
                TraceBatchResult? result = null;
                var rate = Measure(measured.PairCount, () => result = host.EvaluateInto(measured, trace, faults));
                Verify(result!, expected, host.Description);
                rows.Add(($"{host.Description}: EvaluateInto", rate));
            }
        }

        rows.AddRange(fast.Select((row, i) => (row.Name, row.Pairs * (double)BenchProgram.Steps / best[i])));
        var fusedRate = rows.First(r => r.Name.StartsWith("hand-fused C# loop, Parallel.For", StringComparison.Ordinal)).StepsPerSecond;
        Console.WriteLine();
        Console.WriteLine($"{"backend",-96} {"M step-evals/s",15} {"x fused",9} {"x ref 1T",9}");
        var reference = rows[0].StepsPerSecond;
        foreach (var (name, rate) in rows)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Trim(name, 96),-96} {rate / 1e6,15:F1} {rate / fusedRate,9:F3} {rate / reference,9:F1}"));
        }

        var batchRate = rows.First(r => r.Name.EndsWith("EvaluateInto caller's buffers", StringComparison.Ordinal)).StepsPerSecond;
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"batch CPU path (EvaluateInto, all threads) / hand-fused loop (Parallel.For), same run: {batchRate / fusedRate:F3} (target >= 0.5)"));
        return 0;
    }

    /// <summary>One counterfactual per pair: state before a random step 1..20 with one random slot of it replaced.</summary>
    private static TraceBatch CounterfactualBatch(StepProgram program, long[] inputs, int pairs, Random random)
    {
        var batch = new TraceBatch();
        var index = batch.AddProgram(program);
        Span<int> slot = stackalloc int[1];
        Span<long> value = stackalloc long[1];
        for (var i = 0; i < pairs; i++)
        {
            var atStep = random.Next(1, BenchProgram.Steps + 1);
            slot[0] = random.Next(program.Parameters.Count + atStep);
            value[0] = random.NextInt64(-1_000_000, 1_000_000);
            batch.AddCounterfactualBits(index, inputs.AsSpan(3 * i, 3), atStep, slot, value);
        }

        return batch;
    }

    /// <summary>Runs every candidate once per round (after one warm-up round) and keeps each one's best time in seconds.</summary>
    private static double[] Interleaved(List<(string Name, int Pairs, Action Run)> candidates, int rounds)
    {
        var best = Enumerable.Repeat(double.MaxValue, candidates.Count).ToArray();
        for (var round = 0; round <= rounds; round++)
        {
            for (var i = 0; i < candidates.Count; i++)
            {
                var stopwatch = Stopwatch.StartNew();
                candidates[i].Run();
                if (round > 0)
                {
                    best[i] = Math.Min(best[i], stopwatch.Elapsed.TotalSeconds);
                }
            }
        }

        return best;
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

    /// <summary>The first <paramref name="sample"/> counterfactuals against <see cref="CounterfactualEvaluator"/>.</summary>
    private static void VerifyCounterfactuals(TraceBatchResult result, int sample)
    {
        for (var pair = 0; pair < Math.Min(sample, result.PairCount); pair++)
        {
            var batch = result.Batch;
            var oracle = CounterfactualEvaluator.Evaluate(batch.ProgramOf(pair), batch.InputsOf(pair), batch.StartStepOf(pair), batch.OverridesOf(pair));
            if (DifferentialCheck.Compare(result, pair, oracle) is { } difference)
            {
                throw new InvalidOperationException($"Counterfactual pair {pair} differs from the counterfactual evaluator: {difference}");
            }
        }
    }

    private static void Verify(TraceBatchResult result, long[] expected, string backend)
    {
        for (var pair = 0; pair < result.PairCount; pair++)
        {
            if (result.FaultCodeOf(pair) != 0)
            {
                throw new InvalidOperationException($"{backend} reports a fault at pair {pair}; the benchmark program never faults.");
            }
        }

        for (var pair = 0; pair < result.PairCount; pair++)
        {
            if (!result.RowOf(pair).SequenceEqual(expected.AsSpan(pair * (BenchProgram.Steps + 1), BenchProgram.Steps + 1)))
            {
                throw new InvalidOperationException($"{backend} differs from the hand-fused loop at pair {pair}.");
            }
        }
    }

    private static int CheckAgainstOracle(long pairs, GpuRefBackend backend, int inputsPerProgram, bool counterfactuals)
    {
        using var host = GpuRefHost.Create(new GpuRefOptions { Backend = backend });
        var what = counterfactuals ? "random counterfactuals (state before a random step, 1-3 slots altered)" : "random pairs";
        Console.WriteLine($"gpuref check: {pairs:N0} {what} ({inputsPerProgram} per program) on {host.Description} against the reference evaluator");
        var random = new Random(12345);
        var generator = new RandomPrograms(random);
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
                    if (counterfactuals)
                    {
                        var atStep = random.Next(program.Steps.Count + 1);
                        var stateSlots = program.Parameters.Count + atStep;
                        var overrides = Enumerable.Range(0, stateSlots).OrderBy(_ => random.Next()).Take(random.Next(1, 4))
                            .Select(slot => new SlotOverride(slot, generator.NextValue(program.SlotKind(slot)))).ToArray();
                        batch.AddCounterfactual(program, generator.Inputs(program), atStep, overrides);
                    }
                    else
                    {
                        batch.Add(program, generator.Inputs(program));
                    }
                }
            }

            var stopwatch = Stopwatch.StartNew();
            var result = host.Evaluate(batch);
            backendTime += stopwatch.Elapsed;
            var oracle = new Trace[batch.PairCount];
            Parallel.For(0, batch.PairCount, i => oracle[i] = counterfactuals
                ? CounterfactualEvaluator.Evaluate(batch.ProgramOf(i), batch.InputsOf(i), batch.StartStepOf(i), batch.OverridesOf(i)).ToTrace()
                : ReferenceEvaluator.Evaluate(batch.ProgramOf(i), batch.InputsOf(i)));
            for (var i = 0; i < batch.PairCount; i++)
            {
                var key = oracle[i].Fault is { } fault
                    ? (counterfactuals && fault.StepIndex < batch.StartStepOf(i) ? "prefix " : "") + fault.Kind
                    : "complete";
                faults[key] = faults.GetValueOrDefault(key) + 1;
                steps += oracle[i].StepValues.Count;
                if (DifferentialCheck.Compare(result, i, oracle[i]) is { } difference)
                {
                    if (mismatches++ < 5)
                    {
                        Console.WriteLine($"MISMATCH at step {batch.StartStepOf(i)} with {string.Join(", ", batch.OverridesOf(i))}: {difference}");
                    }
                }
            }

            done += batch.PairCount;
            if (done % 1_000_000 == 0 || done == pairs)
            {
                Console.WriteLine($"  {done:N0} pairs, {mismatches} mismatch(es), {total.Elapsed.TotalSeconds:F0} s");
            }
        }

        Console.WriteLine($"outcomes: {string.Join(", ", faults.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key} {f.Value:N0}"))}");
        Console.WriteLine($"{steps:N0} step values compared; backend {steps / backendTime.TotalSeconds / 1e6:F1} M step-evals/s (incl. compiling each program); total {total.Elapsed.TotalSeconds:F0} s");
        Console.WriteLine(mismatches == 0 ? "OK: every pair equals the reference evaluator" : $"FAILED: {mismatches} mismatch(es)");
        return mismatches == 0 ? 0 : 1;
    }

    private static string Trim(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";

    private sealed record Args(int Pairs, int ReferencePairs, long? Check, GpuRefBackend Backend, int InputsPerProgram, int Rounds, bool Counterfactuals)
    {
        public static Args Parse(string[] args)
        {
            var parsed = new Args(1_000_000, 100_000, null, GpuRefBackend.Auto, 100, 5, false);
            for (var i = 0; i < args.Length; i++)
            {
                if (args[i] == "--counterfactuals")
                {
                    parsed = parsed with { Counterfactuals = true };
                    continue;
                }

                var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
                parsed = args[i] switch
                {
                    "--pairs" => parsed with { Pairs = int.Parse(value, CultureInfo.InvariantCulture) },
                    "--reference-pairs" => parsed with { ReferencePairs = int.Parse(value, CultureInfo.InvariantCulture) },
                    "--check" => parsed with { Check = long.Parse(value, CultureInfo.InvariantCulture) },
                    "--inputs-per-program" => parsed with { InputsPerProgram = int.Parse(value, CultureInfo.InvariantCulture) },
                    "--backend" => parsed with { Backend = GpuRefOptions.ParseBackend(value) },
                    "--rounds" => parsed with { Rounds = int.Parse(value, CultureInfo.InvariantCulture) },
                    _ => throw new ArgumentException($"Unknown option {args[i]}: use --pairs, --reference-pairs, --rounds, --check, --counterfactuals, --inputs-per-program, --backend."),
                };
                i++;
            }

            return parsed;
        }
    }
}
