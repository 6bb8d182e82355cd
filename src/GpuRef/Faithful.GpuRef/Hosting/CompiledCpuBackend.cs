using System.Collections.Concurrent;
using Faithful.GpuRef.Batches;
using Faithful.GpuRef.Cpu;
using Faithful.GpuRef.Kernels;
using Faithful.Model;

namespace Faithful.GpuRef.Hosting;

/// <summary>
/// The fast CPU backend: each program compiled once to a delegate (cached per program instance), the pairs split
/// into one contiguous chunk per task, each delegate reading the batch's input column and writing its row straight
/// into the target buffer: nothing is packed, copied or allocated per pair.
/// </summary>
internal sealed class CompiledCpuBackend(int? maxDegreeOfParallelism, string reason) : ITraceBackend
{
    // Enough chunks per thread to even out uneven programs, few enough that scheduling stays negligible.
    private const int ChunksPerThread = 4;
    private const int MinPairsPerChunk = 1024;

    private readonly ConcurrentDictionary<StepProgram, CompiledSteps> _compiled = new(ReferenceEqualityComparer.Instance);
    private readonly ConcurrentDictionary<StepProgram, ResumableSteps> _resumable = new(ReferenceEqualityComparer.Instance);
    private readonly int _threads = maxDegreeOfParallelism ?? Environment.ProcessorCount;

    public GpuRefBackend Kind => GpuRefBackend.Cpu;

    public string Description => $"cpu (programs compiled to delegates, {_threads} thread(s)){reason}";

    public long ChunkByteBudget => long.MaxValue;

    public void Run(TraceBatch batch, int firstPair, int pairCount, TraceTarget target)
    {
        bool[]? plainUsed = null;
        bool[]? resumableUsed = null;
        if (batch.CounterfactualColumn is { } counterfactuals)
        {
            // Compile each program only in the form its pairs in this run need.
            plainUsed = new bool[batch.Programs.Count];
            resumableUsed = new bool[batch.Programs.Count];
            for (var pair = firstPair; pair < firstPair + pairCount; pair++)
            {
                var used = counterfactuals[(4 * pair) + 1] == CounterfactualMode.Plain ? plainUsed : resumableUsed;
                used[batch.PairProgramColumn[pair]] = true;
            }
        }

        var plain = Compile(batch, _compiled, StepProgramCompiler.Compile, plainUsed);
        var resumable = resumableUsed is null ? null : Compile(batch, _resumable, StepProgramCompiler.CompileResumable, resumableUsed);
        var chunks = Math.Clamp(pairCount / MinPairsPerChunk, 1, _threads * ChunksPerThread);
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = _threads }, chunk =>
        {
            var start = firstPair + (int)((long)pairCount * chunk / chunks);
            var end = firstPair + (int)((long)pairCount * (chunk + 1) / chunks);
            if (resumable is null)
            {
                RunPlain(batch, plain, start, end, target);
            }
            else
            {
                RunMixed(batch, plain, resumable, start, end, target);
            }
        });
    }

    private static void RunPlain(TraceBatch batch, CompiledSteps[] delegates, int start, int end, TraceTarget target)
    {
        var programs = batch.PairProgramColumn;
        var inputOffsets = batch.InputOffsetColumn;
        var traceOffsets = batch.TraceOffsetColumn;
        var inputs = batch.InputColumn;
        var (trace, cellBase, faults, faultBase) = target;
        for (var pair = start; pair < end; pair++)
        {
            var status = delegates[programs[pair]](inputs, inputOffsets[pair], trace, (int)(traceOffsets[pair] - cellBase));
            Record(faults, pair - faultBase, status);
        }
    }

    private static void RunMixed(TraceBatch batch, CompiledSteps[] plain, ResumableSteps[] resumable, int start, int end, TraceTarget target)
    {
        var programs = batch.PairProgramColumn;
        var inputOffsets = batch.InputOffsetColumn;
        var traceOffsets = batch.TraceOffsetColumn;
        var inputs = batch.InputColumn;
        var counterfactuals = batch.CounterfactualColumn!;
        var overrides = batch.OverrideColumn;
        var (trace, cellBase, faults, faultBase) = target;
        for (var pair = start; pair < end; pair++)
        {
            var program = programs[pair];
            var rowBase = (int)(traceOffsets[pair] - cellBase);
            var mode = counterfactuals[(4 * pair) + 1];
            int status;
            if (mode == CounterfactualMode.Plain)
            {
                status = plain[program](inputs, inputOffsets[pair], trace, rowBase);
            }
            else
            {
                var source = batch.Programs[program];
                var startStep = counterfactuals[4 * pair];
                var run = resumable[program];
                status = mode == CounterfactualMode.FromTruth && startStep > 0
                    ? run(inputs, inputOffsets[pair], trace, rowBase, 0, startStep)
                    : 0;
                if (status == 0)
                {
                    // The state's step overrides go into the row; its inputs (overrides applied) follow the true ones.
                    var first = counterfactuals[(4 * pair) + 2];
                    var count = counterfactuals[(4 * pair) + 3];
                    for (var o = first; o < first + count; o++)
                    {
                        var slot = (int)overrides[2 * o];
                        if (slot >= source.ParameterCount)
                        {
                            trace[rowBase + slot - source.ParameterCount] = overrides[(2 * o) + 1];
                        }
                    }

                    status = run(inputs, inputOffsets[pair] + source.ParameterCount, trace, rowBase, startStep, source.StepCount + 1);
                }
            }

            Record(faults, pair - faultBase, status);
        }
    }

    private static void Record(int[] faults, int local, int status)
    {
        faults[2 * local] = status & ((1 << StepProgramCompiler.FaultStepShift) - 1);
        faults[(2 * local) + 1] = status >> StepProgramCompiler.FaultStepShift;
    }

    /// <summary>The batch's programs (those <paramref name="used"/> marks, or all) as delegates, compiled in parallel the first time each is seen.</summary>
    private TDelegate[] Compile<TDelegate>(TraceBatch batch, ConcurrentDictionary<StepProgram, TDelegate> cache, Func<StepProgram, TDelegate> compile, bool[]? used)
        where TDelegate : class
    {
        var programs = batch.Programs;
        var delegates = new TDelegate[programs.Count];
        Parallel.For(
            0,
            programs.Count,
            new ParallelOptions { MaxDegreeOfParallelism = _threads },
            i =>
            {
                if (used is null || used[i])
                {
                    delegates[i] = cache.GetOrAdd(programs[i].Source, compile);
                }
            });
        return delegates;
    }

    public void Dispose()
    {
        _compiled.Clear();
        _resumable.Clear();
    }
}
