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

    /// <summary>Evaluates the whole batch into one result, in a trace matrix allocated for it.</summary>
    /// <exception cref="ArgumentException">The batch is empty.</exception>
    /// <exception cref="InvalidOperationException">The whole trace matrix would not fit one array: use <see cref="EvaluateInChunks"/>.</exception>
    public TraceBatchResult Evaluate(TraceBatch batch)
    {
        CheckBatch(batch);
        if (batch.TraceCellCount > Array.MaxLength)
        {
            throw new InvalidOperationException(
                $"The batch's {batch.PairCount} pairs need {batch.TraceCellCount} trace cells, more than one array holds. Use EvaluateInChunks to stream the results.");
        }

        return EvaluateInto(batch, new long[Math.Max(batch.TraceCellCount, 1)], new int[2 * batch.PairCount]);
    }

    /// <summary>
    /// Evaluates the whole batch straight into the caller's buffers, which can be reused from batch to batch: pair p's
    /// row (its steps, then its answer) at <c>trace[batch.TraceOffsetOf(p)]</c>, its fault code and faulting step at
    /// <c>faults[2 * p]</c> and <c>faults[2 * p + 1]</c>. Cells after a fault keep what they held. The result reads
    /// the same buffers, so it is valid until they are written again.
    /// </summary>
    /// <exception cref="ArgumentException">The batch is empty, or a buffer is shorter than the batch needs (the message gives the sizes).</exception>
    public TraceBatchResult EvaluateInto(TraceBatch batch, long[] trace, int[] faults)
    {
        CheckBatch(batch);
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentNullException.ThrowIfNull(faults);
        if (trace.Length < batch.TraceCellCount)
        {
            throw new ArgumentException($"The batch needs {batch.TraceCellCount} trace cells (TraceBatch.TraceCellCount) but the buffer holds {trace.Length}.", nameof(trace));
        }

        if (faults.Length < 2L * batch.PairCount)
        {
            throw new ArgumentException($"The batch needs {2L * batch.PairCount} fault cells (two per pair) but the buffer holds {faults.Length}.", nameof(faults));
        }

        var target = new TraceTarget(trace, 0, faults, 0);
        for (var first = 0; first < batch.PairCount;)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var count = ChunkLength(batch, first, _options.MaxPairsPerChunk);
            _backend.Run(batch, first, count, target);
            first += count;
        }

        MarkOutOfDomain(batch, 0, batch.PairCount, target);
        return new TraceBatchResult(batch, 0, batch.PairCount, trace, 0, faults, Description);
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

    /// <summary>
    /// Evaluates counterfactuals and returns them in order: each the program run from its true state before step
    /// <c>AtStep</c> with <c>Overrides</c> written into it (see <see cref="TraceBatch.AddCounterfactual"/>).
    /// </summary>
    public IReadOnlyList<CounterfactualTrace> EvaluateCounterfactuals(
        IEnumerable<(StepProgram Program, IReadOnlyList<Value> Inputs, int AtStep, IReadOnlyList<SlotOverride> Overrides)> queries)
    {
        ArgumentNullException.ThrowIfNull(queries);
        var batch = new TraceBatch();
        foreach (var (program, inputs, atStep, overrides) in queries)
        {
            batch.AddCounterfactual(program, inputs, atStep, overrides);
        }

        return Evaluate(batch).ToCounterfactuals().ToList();
    }

    private IEnumerable<TraceBatchResult> Chunks(TraceBatch batch, int maxPairs)
    {
        var first = 0;
        while (first < batch.PairCount)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var count = ChunkLength(batch, first, maxPairs);
            var cellBase = batch.TraceOffsetAt(first);
            var trace = new long[Math.Max(batch.TraceOffsetAt(first + count) - cellBase, 1)];
            var target = new TraceTarget(trace, cellBase, new int[2 * count], first);
            _backend.Run(batch, first, count, target);
            MarkOutOfDomain(batch, first, count, target);
            yield return new TraceBatchResult(batch, first, count, trace, cellBase, target.Faults, Description);
            first += count;
        }
    }

    /// <summary>Pairs kept under <see cref="OutOfDomainPolicy.Fault"/> were not meant to run: their outcome is the domain fault.</summary>
    private static void MarkOutOfDomain(TraceBatch batch, int first, int count, TraceTarget target)
    {
        foreach (var pair in batch.OutOfDomainPairs)
        {
            if (pair >= first && pair < first + count)
            {
                target.Faults[2 * (pair - target.FirstFaultPair)] = FaultCode.InputOutOfDomain;
                target.Faults[(2 * (pair - target.FirstFaultPair)) + 1] = -1;
            }
        }
    }

    /// <summary>
    /// The most pairs from <paramref name="first"/> that fit the backend's memory budget, the pair limit and int
    /// offsets (at least one). The batch's columns are prefix sums, so a chunk's size is a difference of two cells
    /// and a binary search finds the length without walking the pairs.
    /// </summary>
    private int ChunkLength(TraceBatch batch, int first, int maxPairs)
    {
        var budget = _backend.ChunkByteBudget;
        var perPair = batch.HasCounterfactuals ? 40L : 24L;
        bool Fits(int count)
        {
            var cells = batch.TraceOffsetAt(first + count) - batch.TraceOffsetAt(first);
            var inputs = (long)batch.InputOffsetAt(first + count) - batch.InputOffsetAt(first);
            var overrides = (long)batch.OverrideIndexAt(first + count) - batch.OverrideIndexAt(first);
            var bytes = (8 * (cells + inputs)) + (perPair * count) + (16 * overrides);
            return cells <= int.MaxValue / 2 && bytes <= budget;
        }

        int low = 1, high = Math.Min(maxPairs, batch.PairCount - first);
        while (low < high)
        {
            var middle = low + ((high - low + 1) / 2);
            if (Fits(middle))
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        return low;
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
