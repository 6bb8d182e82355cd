using Faithful.GpuRef.Batches;

namespace Faithful.GpuRef.Hosting;

/// <summary>Evaluates runs of a batch's pairs straight into a trace matrix and fault cells.</summary>
internal interface ITraceBackend : IDisposable
{
    GpuRefBackend Kind { get; }

    string Description { get; }

    /// <summary>Bytes one chunk may occupy on the device (inputs, trace rows, per-pair and override cells).</summary>
    long ChunkByteBudget { get; }

    /// <summary>Evaluates pairs <paramref name="firstPair"/> to <c>firstPair + pairCount - 1</c> into <paramref name="target"/>.</summary>
    void Run(TraceBatch batch, int firstPair, int pairCount, TraceTarget target);
}
