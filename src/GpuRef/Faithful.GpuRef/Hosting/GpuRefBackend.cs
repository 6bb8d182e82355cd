namespace Faithful.GpuRef.Hosting;

/// <summary>Where ground-truth traces are computed. The environment variable <c>FAITHFUL_GPUREF_BACKEND</c> takes the lower-case names.</summary>
public enum GpuRefBackend
{
    /// <summary>A CUDA GPU when present, else an OpenCL GPU, else <see cref="Cpu"/> (never the slow ILGPU CPU accelerator).</summary>
    Auto,

    /// <summary>The ILGPU kernel on the first CUDA device (<c>cuda</c>).</summary>
    Cuda,

    /// <summary>The ILGPU kernel on the first OpenCL device (<c>opencl</c>).</summary>
    OpenCL,

    /// <summary>The ILGPU kernel on ILGPU's CPU accelerator (<c>ilgpu-cpu</c>): slow, for cross-checking the kernel without a GPU.</summary>
    IlgpuCpu,

    /// <summary>Each program compiled to a delegate and run with Parallel.For (<c>cpu</c>): the fastest CPU backend.</summary>
    Cpu,
}
