using Faithful.GpuRef.Batches;
using Faithful.GpuRef.Kernels;
using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using ILGPU.Runtime.Cuda;
using ILGPU.Runtime.OpenCL;

namespace Faithful.GpuRef.Hosting;

/// <summary>
/// The ILGPU kernel on one accelerator. Owns the context and the accelerator (one of each per process),
/// loads the kernel once, keeps the current batch's program table on the device between chunks, and
/// disposes buffers, then the accelerator, then the context.
/// </summary>
internal sealed class IlgpuBackend : ITraceBackend
{
    // GPU hosts alive in this process; the ILGPU CPU accelerator (a cross-checking tool) may sit beside one.
    private static int s_live;

    private readonly Context _context;
    private readonly Accelerator _accelerator;
    private readonly Action<Index1D, ArrayView<int>, ArrayView<long>, ArrayView<ProgramHeader>, ArrayView<int>, ArrayView<int>, ArrayView<int>, ArrayView<long>, ArrayView<long>, ArrayView<long>, ArrayView<int>, ArrayView<int>, ArrayView<long>, TraceKernelArguments> _kernel;
    private ProgramTable? _uploadedTable;
    private MemoryBuffer1D<int, Stride1D.Dense>? _code;
    private MemoryBuffer1D<long, Stride1D.Dense>? _constants;
    private MemoryBuffer1D<ProgramHeader, Stride1D.Dense>? _headers;
    private MemoryBuffer1D<int, Stride1D.Dense>? _stepStarts;

    private IlgpuBackend(Context context, Accelerator accelerator, GpuRefBackend kind, string reason)
    {
        _context = context;
        _accelerator = accelerator;
        Kind = kind;
        Description = $"{KindName(kind)} ({accelerator.Name}, {accelerator.MemorySize / (1024 * 1024)} MiB){reason}";
        _kernel = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<int>, ArrayView<long>, ArrayView<ProgramHeader>, ArrayView<int>, ArrayView<int>, ArrayView<int>, ArrayView<long>, ArrayView<long>, ArrayView<long>, ArrayView<int>, ArrayView<int>, ArrayView<long>, TraceKernelArguments>(TraceKernels.Evaluate);
    }

    public GpuRefBackend Kind { get; }

    public string Description { get; }

    /// <summary>A quarter of the device's memory: the rest stays for the program table and other work.</summary>
    public long ChunkByteBudget => Kind == GpuRefBackend.IlgpuCpu ? long.MaxValue : _accelerator.MemorySize / 4;

    /// <summary>Opens the accelerator of <paramref name="kind"/>, or returns null with the reason when there is none.</summary>
    public static IlgpuBackend? TryCreate(GpuRefBackend kind, string reason, out string? unavailable)
    {
        unavailable = null;
        var ownsGpu = kind is GpuRefBackend.Cuda or GpuRefBackend.OpenCL;
        if (ownsGpu && Interlocked.Increment(ref s_live) > 1)
        {
            Interlocked.Decrement(ref s_live);
            throw new InvalidOperationException(
                "A GPU GpuRefHost is already open in this process: ILGPU wants one context and accelerator per device and process. " +
                "Share the existing host, or dispose it before creating another.");
        }

        Context? context = null;
        try
        {
            // MathMode.Default keeps IEEE division and square roots: Fast would swap in approximations.
            context = Context.Create(builder =>
            {
                builder.Math(MathMode.Default);
                _ = kind switch
                {
                    GpuRefBackend.Cuda => builder.Cuda(),
                    GpuRefBackend.OpenCL => builder.OpenCL(),
                    _ => builder.CPU(),
                };
            });
            Device? device = kind switch
            {
                GpuRefBackend.Cuda => FirstDevice(context.GetCudaDevices(), _ => true),
                GpuRefBackend.OpenCL => FirstDevice(context.GetCLDevices(), d => d.DeviceType == CLDeviceType.CL_DEVICE_TYPE_GPU),
                _ => FirstDevice(context.GetCPUDevices(), _ => true),
            };
            if (device is null)
            {
                unavailable = $"no {KindName(kind)} device found";
                context.Dispose();
                Release(ownsGpu);
                return null;
            }

            var accelerator = device.CreateAccelerator(context);
            return new IlgpuBackend(context, accelerator, kind, reason);
        }
#pragma warning disable CA1031 // A missing driver surfaces as many exception types; any of them means "not available here".
        catch (Exception e)
#pragma warning restore CA1031
        {
            unavailable = $"{KindName(kind)} unavailable: {e.GetType().Name}: {e.Message}";
            context?.Dispose();
            Release(ownsGpu);
            return null;
        }
    }

    private static Device? FirstDevice<TDevice>(Context.DeviceCollection<TDevice> devices, Func<TDevice, bool> accept)
        where TDevice : Device
    {
        foreach (var device in devices)
        {
            if (accept(device))
            {
                return device;
            }
        }

        return null;
    }

    public static string KindName(GpuRefBackend kind) => kind switch
    {
        GpuRefBackend.Cuda => "cuda",
        GpuRefBackend.OpenCL => "opencl",
        GpuRefBackend.IlgpuCpu => "ilgpu-cpu",
        GpuRefBackend.Cpu => "cpu",
        _ => "auto",
    };

    public void Run(TraceBatch batch, int firstPair, int pairCount, TraceTarget target)
    {
        UploadTable(batch.Table);

        // Each column goes up as the slice of the batch's own array: nothing is repacked on the host.
        var firstInput = batch.InputOffsetAt(firstPair);
        var inputCount = batch.InputOffsetAt(firstPair + pairCount) - firstInput;
        var firstCell = batch.TraceOffsetAt(firstPair);
        var cellCount = checked((int)(batch.TraceOffsetAt(firstPair + pairCount) - firstCell));
        var firstOverride = batch.OverrideIndexAt(firstPair);
        var overrideCount = batch.OverrideIndexAt(firstPair + pairCount) - firstOverride;
        var counterfactuals = batch.CounterfactualColumn;

        using var pairPrograms = Upload(batch.PairProgramColumn.AsSpan(firstPair, pairCount));
        using var inputOffsets = Upload(batch.InputOffsetColumn.AsSpan(firstPair, pairCount));
        using var inputs = Upload(batch.InputColumn.AsSpan(firstInput, inputCount));
        using var traceOffsets = Upload(batch.TraceOffsetColumn.AsSpan(firstPair, pairCount));
        using var counterfactualCells = Upload(counterfactuals is null ? [] : counterfactuals.AsSpan(4 * firstPair, 4 * pairCount));
        using var overrides = Upload(batch.OverrideColumn.AsSpan(2 * firstOverride, 2 * overrideCount));
        using var traceBuffer = _accelerator.Allocate1D<long>(Math.Max(cellCount, 1));
        using var faultBuffer = _accelerator.Allocate1D<int>(2 * pairCount);
        _kernel(
            pairCount,
            _code!.View,
            _constants!.View,
            _headers!.View,
            _stepStarts!.View,
            pairPrograms.View,
            inputOffsets.View,
            inputs.View,
            traceOffsets.View,
            traceBuffer.View,
            faultBuffer.View,
            counterfactualCells.View,
            overrides.View,
            new TraceKernelArguments(pairCount, firstInput, firstCell, firstOverride, counterfactuals is not null));
        _accelerator.Synchronize();
        traceBuffer.View.BaseView.SubView(0, cellCount).CopyToCPU(target.Trace.AsSpan(checked((int)(firstCell - target.CellBase)), cellCount));
        faultBuffer.View.BaseView.CopyToCPU(target.Faults.AsSpan(2 * (firstPair - target.FirstFaultPair), 2 * pairCount));
    }

    /// <summary>A device copy of <paramref name="cells"/>; ILGPU cannot allocate an empty buffer, so an empty one gets a placeholder cell.</summary>
    private MemoryBuffer1D<T, Stride1D.Dense> Upload<T>(ReadOnlySpan<T> cells)
        where T : unmanaged
    {
        var buffer = _accelerator.Allocate1D<T>(Math.Max(cells.Length, 1));
        if (cells.Length > 0)
        {
            buffer.View.BaseView.SubView(0, cells.Length).CopyFromCPU(cells);
        }

        return buffer;
    }

    private void UploadTable(ProgramTable table)
    {
        if (ReferenceEquals(table, _uploadedTable))
        {
            return;
        }

        DisposeTable();
        _code = _accelerator.Allocate1D(table.Code);
        _constants = _accelerator.Allocate1D(table.Constants);
        _headers = _accelerator.Allocate1D(table.Headers);
        _stepStarts = _accelerator.Allocate1D(table.StepStarts);
        _uploadedTable = table;
    }

    private void DisposeTable()
    {
        _code?.Dispose();
        _constants?.Dispose();
        _headers?.Dispose();
        _stepStarts?.Dispose();
        _code = null;
        _constants = null;
        _headers = null;
        _stepStarts = null;
        _uploadedTable = null;
    }

    public void Dispose()
    {
        DisposeTable();
        _accelerator.Dispose();
        _context.Dispose();
        Release(Kind is GpuRefBackend.Cuda or GpuRefBackend.OpenCL);
    }

    private static void Release(bool ownsGpu)
    {
        if (ownsGpu)
        {
            Interlocked.Decrement(ref s_live);
        }
    }
}
