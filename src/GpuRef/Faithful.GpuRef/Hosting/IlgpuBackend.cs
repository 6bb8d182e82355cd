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
    private readonly Action<Index1D, ArrayView<int>, ArrayView<long>, ArrayView<ProgramHeader>, ArrayView<int>, ArrayView<int>, ArrayView<long>, ArrayView<int>, ArrayView<long>, ArrayView<int>, TraceKernelArguments> _kernel;
    private ProgramTable? _uploadedTable;
    private MemoryBuffer1D<int, Stride1D.Dense>? _code;
    private MemoryBuffer1D<long, Stride1D.Dense>? _constants;
    private MemoryBuffer1D<ProgramHeader, Stride1D.Dense>? _headers;

    private IlgpuBackend(Context context, Accelerator accelerator, GpuRefBackend kind, string reason)
    {
        _context = context;
        _accelerator = accelerator;
        Kind = kind;
        Description = $"{KindName(kind)} ({accelerator.Name}, {accelerator.MemorySize / (1024 * 1024)} MiB){reason}";
        _kernel = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<int>, ArrayView<long>, ArrayView<ProgramHeader>, ArrayView<int>, ArrayView<int>, ArrayView<long>, ArrayView<int>, ArrayView<long>, ArrayView<int>, TraceKernelArguments>(TraceKernels.Evaluate);
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

    public void Run(PackedChunk chunk, long[] trace, int[] faults)
    {
        UploadTable(chunk.Batch.Table);
        using var pairPrograms = _accelerator.Allocate1D(chunk.PairPrograms);
        using var inputOffsets = _accelerator.Allocate1D(chunk.InputOffsets);
        using var inputs = _accelerator.Allocate1D(chunk.Inputs);
        using var traceOffsets = _accelerator.Allocate1D(chunk.TraceOffsets);
        using var traceBuffer = _accelerator.Allocate1D<long>(Math.Max(chunk.TraceLength, 1));
        using var faultBuffer = _accelerator.Allocate1D<int>(2 * chunk.PairCount);
        _kernel(
            chunk.PairCount,
            _code!.View,
            _constants!.View,
            _headers!.View,
            pairPrograms.View,
            inputOffsets.View,
            inputs.View,
            traceOffsets.View,
            traceBuffer.View,
            faultBuffer.View,
            new TraceKernelArguments(chunk.PairCount));
        _accelerator.Synchronize();
        traceBuffer.View.BaseView.SubView(0, chunk.TraceLength).CopyToCPU(trace.AsSpan(0, chunk.TraceLength));
        faultBuffer.View.BaseView.CopyToCPU(faults.AsSpan(0, 2 * chunk.PairCount));
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
        _uploadedTable = table;
    }

    private void DisposeTable()
    {
        _code?.Dispose();
        _constants?.Dispose();
        _headers?.Dispose();
        _code = null;
        _constants = null;
        _headers = null;
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
