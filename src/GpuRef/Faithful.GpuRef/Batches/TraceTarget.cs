namespace Faithful.GpuRef.Batches;

/// <summary>
/// Where a backend writes a run of pairs: pair p's row at <c>Trace[batch.TraceOffsetOf(p) - CellBase]</c>, its fault
/// code and step at <c>Faults[2 * (p - FirstFaultPair)]</c> and the cell after. The caller's buffers, or a chunk's own.
/// </summary>
internal readonly record struct TraceTarget(long[] Trace, long CellBase, int[] Faults, int FirstFaultPair);
