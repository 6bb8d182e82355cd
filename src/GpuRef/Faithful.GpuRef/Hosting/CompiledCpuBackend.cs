using System.Collections.Concurrent;
using Faithful.GpuRef.Batches;
using Faithful.GpuRef.Cpu;
using Faithful.Model;

namespace Faithful.GpuRef.Hosting;

/// <summary>
/// The fast CPU backend: each program compiled once to a delegate (cached per program instance) and the
/// pairs run in parallel ranges, with no allocation per pair.
/// </summary>
internal sealed class CompiledCpuBackend(int? maxDegreeOfParallelism, string reason) : ITraceBackend
{
    private const int PairsPerRange = 2048;
    private readonly ConcurrentDictionary<StepProgram, CompiledSteps> _compiled = new(ReferenceEqualityComparer.Instance);
    private readonly int _threads = maxDegreeOfParallelism ?? Environment.ProcessorCount;

    public GpuRefBackend Kind => GpuRefBackend.Cpu;

    public string Description => $"cpu (programs compiled to delegates, {_threads} thread(s)){reason}";

    public long ChunkByteBudget => long.MaxValue;

    public void Run(PackedChunk chunk, long[] trace, int[] faults)
    {
        var programs = chunk.Batch.Programs;
        var delegates = new CompiledSteps[programs.Count];
        Parallel.For(
            0,
            programs.Count,
            new ParallelOptions { MaxDegreeOfParallelism = _threads },
            i => delegates[i] = _compiled.GetOrAdd(programs[i].Source, StepProgramCompiler.Compile));

        var ranges = (chunk.PairCount + PairsPerRange - 1) / PairsPerRange;
        Parallel.For(0, ranges, new ParallelOptions { MaxDegreeOfParallelism = _threads }, range =>
        {
            var end = Math.Min(chunk.PairCount, (range + 1) * PairsPerRange);
            for (var i = range * PairsPerRange; i < end; i++)
            {
                var status = delegates[chunk.PairPrograms[i]](chunk.Inputs, chunk.InputOffsets[i], trace, chunk.TraceOffsets[i]);
                faults[2 * i] = status & ((1 << StepProgramCompiler.FaultStepShift) - 1);
                faults[(2 * i) + 1] = status >> StepProgramCompiler.FaultStepShift;
            }
        });
    }

    public void Dispose()
    {
        _compiled.Clear();
    }
}
