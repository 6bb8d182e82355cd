using Faithful.Execution;
using Faithful.GpuRef.Batches;
using Faithful.GpuRef.Kernels;
using Faithful.Model;

namespace Faithful.GpuRef.Hosting;

/// <summary>
/// Computes ground-truth traces for batches of (program, inputs) pairs on the backend the options or
/// <c>FAITHFUL_GPUREF_BACKEND</c> select. Create one per process and dispose it at the end: an ILGPU
/// backend owns the process's ILGPU context and accelerator.
/// </summary>
public sealed class GpuRefHost : IDisposable
{
    private readonly ITraceBackend _backend;
    private readonly GpuRefOptions _options;
    private bool _disposed;

    private GpuRefHost(ITraceBackend backend, GpuRefOptions options)
    {
        _backend = backend;
        _options = options;
    }

    /// <summary>The backend in use (never <see cref="GpuRefBackend.Auto"/>: auto resolves to what it found).</summary>
    public GpuRefBackend Backend => _backend.Kind;

    /// <summary>What runs the traces and why it was picked, e.g. <c>cpu (programs compiled to delegates, 2 thread(s)); auto: no CUDA or OpenCL GPU found</c>.</summary>
    public string Description => _backend.Description;

    /// <exception cref="InvalidOperationException">An explicitly requested GPU backend is not available here.</exception>
    /// <exception cref="ArgumentException">The environment variable names no backend.</exception>
    public static GpuRefHost Create(GpuRefOptions? options = null)
    {
        options ??= new GpuRefOptions();
        if (options.MaxPairsPerChunk < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxPairsPerChunk, "MaxPairsPerChunk must be at least 1.");
        }

        var requested = options.ResolveRequestedBackend();
        return new GpuRefHost(OpenBackend(requested, options), options);
    }

    private static ITraceBackend OpenBackend(GpuRefBackend requested, GpuRefOptions options)
    {
        switch (requested)
        {
            case GpuRefBackend.Cpu:
                return new CompiledCpuBackend(options.MaxDegreeOfParallelism, "");
            case GpuRefBackend.Auto:
            {
                var cuda = IlgpuBackend.TryCreate(GpuRefBackend.Cuda, "; auto: picked the CUDA GPU", out var noCuda);
                if (cuda is not null)
                {
                    return cuda;
                }

                var openCl = IlgpuBackend.TryCreate(GpuRefBackend.OpenCL, "; auto: no CUDA device, picked the OpenCL GPU", out var noOpenCl);
                if (openCl is not null)
                {
                    return openCl;
                }

                // The ILGPU CPU accelerator is an order of magnitude slower than compiled code: never auto-pick it.
                return new CompiledCpuBackend(options.MaxDegreeOfParallelism, $"; auto: no GPU ({noCuda}; {noOpenCl})");
            }

            default:
                return IlgpuBackend.TryCreate(requested, $"; requested {IlgpuBackend.KindName(requested)}", out var why)
                    ?? throw new InvalidOperationException(
                        $"GpuRef backend '{IlgpuBackend.KindName(requested)}' was requested but is not available: {why}. " +
                        $"Use '{IlgpuBackend.KindName(GpuRefBackend.Auto)}' or 'cpu' (option Backend or {GpuRefOptions.BackendEnvironmentVariable}).");
        }
    }

    /// <summary>Evaluates the whole batch into one result.</summary>
    /// <exception cref="ArgumentException">The batch is empty.</exception>
    /// <exception cref="InvalidOperationException">The whole trace matrix would not fit one array: use <see cref="EvaluateInChunks"/>.</exception>
    public TraceBatchResult Evaluate(TraceBatch batch)
    {
        CheckBatch(batch);
        long totalCells = 0;
        for (var pair = 0; pair < batch.PairCount; pair++)
        {
            totalCells += batch.Programs[batch.ProgramIndexOf(pair)].TraceWidth;
        }

        if (totalCells > Array.MaxLength)
        {
            throw new InvalidOperationException(
                $"The batch's {batch.PairCount} pairs need {totalCells} trace cells, more than one array holds. Use EvaluateInChunks to stream the results.");
        }

        var chunks = EvaluateInChunks(batch).ToList();
        if (chunks.Count == 1)
        {
            return chunks[0];
        }

        var trace = new long[totalCells];
        var offsets = new int[batch.PairCount];
        var faults = new int[2 * batch.PairCount];
        var cell = 0;
        foreach (var chunk in chunks)
        {
            for (var i = 0; i < chunk.PairCount; i++)
            {
                var pair = chunk.FirstPair + i;
                var row = chunk.RowOf(pair);
                offsets[pair] = cell;
                row.CopyTo(trace.AsSpan(cell));
                cell += row.Length;
                faults[2 * pair] = chunk.FaultCodeOf(pair);
                faults[(2 * pair) + 1] = chunk.FaultStepOf(pair);
            }
        }

        return new TraceBatchResult(batch, 0, batch.PairCount, trace, offsets, faults, Description);
    }

    /// <summary>
    /// Evaluates the batch chunk by chunk, each chunk sized to the device's memory and
    /// <see cref="GpuRefOptions.MaxPairsPerChunk"/>, yielding each result as soon as it is back.
    /// The batch is checked before the first chunk runs.
    /// </summary>
    public IEnumerable<TraceBatchResult> EvaluateInChunks(TraceBatch batch, int? maxPairsPerChunk = null)
    {
        CheckBatch(batch);
        var limit = maxPairsPerChunk ?? _options.MaxPairsPerChunk;
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1, nameof(maxPairsPerChunk));
        return Chunks(batch, limit);
    }

    /// <summary>Samples <paramref name="inputsPerProgram"/> input vectors per program and evaluates them all.</summary>
    public TraceBatchResult Evaluate(IEnumerable<StepProgram> programs, int inputsPerProgram, InputSampler sampler, int seed)
    {
        ArgumentNullException.ThrowIfNull(programs);
        var batch = new TraceBatch();
        var random = new Random(seed);
        foreach (var program in programs)
        {
            batch.AddSampled(program, inputsPerProgram, sampler, random);
        }

        return Evaluate(batch);
    }

    /// <summary>Evaluates pairs and returns core traces, in order.</summary>
    public IReadOnlyList<Trace> EvaluateTraces(IEnumerable<(StepProgram Program, IReadOnlyList<Value> Inputs)> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var batch = new TraceBatch();
        foreach (var (program, inputs) in pairs)
        {
            batch.Add(program, inputs);
        }

        return Evaluate(batch).ToTraces().ToList();
    }

    private IEnumerable<TraceBatchResult> Chunks(TraceBatch batch, int maxPairs)
    {
        var first = 0;
        while (first < batch.PairCount)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var count = ChunkLength(batch, first, maxPairs);
            var chunk = new PackedChunk(batch, first, count);
            var trace = new long[Math.Max(chunk.TraceLength, 1)];
            var faults = new int[2 * count];
            _backend.Run(chunk, trace, faults);
            for (var i = 0; i < count && batch.HasOutOfDomainPairs; i++)
            {
                if (chunk.IsPreFaulted(i))
                {
                    faults[2 * i] = FaultCode.InputOutOfDomain;
                    faults[(2 * i) + 1] = -1;
                }
            }

            yield return new TraceBatchResult(batch, first, count, trace, chunk.TraceOffsets, faults, Description);
            first += count;
        }
    }

    /// <summary>Pairs from <paramref name="first"/> that fit the backend's memory budget, the pair limit and int offsets.</summary>
    private int ChunkLength(TraceBatch batch, int first, int maxPairs)
    {
        var budget = _backend.ChunkByteBudget;
        var widths = batch.Programs.Select(p => p.TraceWidth).ToArray();
        var parameters = batch.Programs.Select(p => p.ParameterCount).ToArray();
        var programs = batch.PairProgramSpan(first, batch.PairCount - first);
        long bytes = 0;
        long cells = 0;
        var count = 0;
        while (first + count < batch.PairCount && count < maxPairs)
        {
            var program = programs[count];
            var pairBytes = (8L * (parameters[program] + widths[program])) + 20;
            if (count > 0 && (bytes + pairBytes > budget || cells + widths[program] > int.MaxValue / 2))
            {
                break;
            }

            bytes += pairBytes;
            cells += widths[program];
            count++;
        }

        return count;
    }

    private void CheckBatch(TraceBatch batch)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.PairCount == 0)
        {
            throw new ArgumentException("The batch is empty: add at least one (program, inputs) pair before evaluating it.", nameof(batch));
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _backend.Dispose();
    }
}
