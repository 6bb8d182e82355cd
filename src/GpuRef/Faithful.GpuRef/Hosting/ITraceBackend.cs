using Faithful.GpuRef.Batches;

namespace Faithful.GpuRef.Hosting;

/// <summary>Evaluates packed chunks of pairs into a trace matrix and fault cells.</summary>
internal interface ITraceBackend : IDisposable
{
    GpuRefBackend Kind { get; }

    string Description { get; }

    /// <summary>Bytes one chunk may occupy on the device (inputs, trace rows, fault cells).</summary>
    long ChunkByteBudget { get; }

    /// <param name="chunk">The pairs.</param>
    /// <param name="trace">Receives <see cref="PackedChunk.TraceLength"/> cells.</param>
    /// <param name="faults">Receives two cells per pair: fault code and faulting step.</param>
    void Run(PackedChunk chunk, long[] trace, int[] faults);
}
