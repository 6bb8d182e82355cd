namespace Faithful.GpuRef.Hosting;

/// <summary>How <see cref="GpuRefHost"/> picks and drives its backend.</summary>
public sealed record GpuRefOptions
{
    public const string BackendEnvironmentVariable = "FAITHFUL_GPUREF_BACKEND";

    /// <summary>The backend; null reads <see cref="BackendEnvironmentVariable"/>, and <see cref="GpuRefBackend.Auto"/> when it is unset.</summary>
    public GpuRefBackend? Backend { get; init; }

    /// <summary>Upper bound on pairs per chunk; a GPU chunk is further bounded by a quarter of the device's memory.</summary>
    public int MaxPairsPerChunk { get; init; } = 1 << 20;

    /// <summary>Threads for the compiled CPU backend; null uses every core.</summary>
    public int? MaxDegreeOfParallelism { get; init; }

    /// <summary>The backend these options ask for, after the environment variable.</summary>
    /// <exception cref="ArgumentException">The environment variable holds an unknown name.</exception>
    public GpuRefBackend ResolveRequestedBackend(Func<string, string?>? readEnvironment = null)
    {
        if (Backend is { } chosen)
        {
            return chosen;
        }

        var text = (readEnvironment ?? Environment.GetEnvironmentVariable)(BackendEnvironmentVariable);
        return string.IsNullOrWhiteSpace(text) ? GpuRefBackend.Auto : ParseBackend(text);
    }

    public static GpuRefBackend ParseBackend(string text) => text.Trim().ToLowerInvariant() switch
    {
        "auto" => GpuRefBackend.Auto,
        "cuda" => GpuRefBackend.Cuda,
        "opencl" => GpuRefBackend.OpenCL,
        "ilgpu-cpu" => GpuRefBackend.IlgpuCpu,
        "cpu" => GpuRefBackend.Cpu,
        _ => throw new ArgumentException(
            $"{BackendEnvironmentVariable}='{text}' is not a GpuRef backend. Use one of: auto, cuda, opencl, ilgpu-cpu, cpu.",
            nameof(text)),
    };
}
