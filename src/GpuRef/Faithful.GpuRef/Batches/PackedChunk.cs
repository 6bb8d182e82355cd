namespace Faithful.GpuRef.Batches;

/// <summary>
/// A contiguous run of a batch's pairs laid out for a backend: per-pair program index, input offset and
/// trace-row offset (all relative to this chunk), the inputs, and the size of the ragged trace matrix.
/// </summary>
internal sealed class PackedChunk
{
    public PackedChunk(TraceBatch batch, int firstPair, int pairCount)
    {
        Batch = batch;
        FirstPair = firstPair;
        PairCount = pairCount;
        PairPrograms = new int[pairCount];
        InputOffsets = new int[pairCount];
        TraceOffsets = new int[pairCount];

        var firstInput = batch.InputOffsetOf(firstPair);
        var endInput = firstPair + pairCount < batch.PairCount ? batch.InputOffsetOf(firstPair + pairCount) : batch.InputCellCount;
        Inputs = batch.InputCells(firstInput, endInput - firstInput);

        // Spans and a width table: packing runs once per pair and must stay cheap beside the evaluation.
        var widths = batch.Programs.Select(p => p.TraceWidth).ToArray();
        var programs = batch.PairProgramSpan(firstPair, pairCount);
        var offsets = batch.InputOffsetSpan(firstPair, pairCount);
        var traceLength = 0L;
        for (var i = 0; i < pairCount; i++)
        {
            var program = programs[i];
            PairPrograms[i] = program;
            InputOffsets[i] = offsets[i] - firstInput;
            TraceOffsets[i] = (int)traceLength;
            traceLength += widths[program];
        }

        TraceLength = (int)traceLength;
    }

    public TraceBatch Batch { get; }

    public int FirstPair { get; }

    public int PairCount { get; }

    public int[] PairPrograms { get; }

    public int[] InputOffsets { get; }

    public long[] Inputs { get; }

    public int[] TraceOffsets { get; }

    public int TraceLength { get; }

    /// <summary>Marks pairs the host must not evaluate (inputs out of domain under <see cref="OutOfDomainPolicy.Fault"/>).</summary>
    public bool IsPreFaulted(int chunkPair) => Batch.IsOutOfDomain(FirstPair + chunkPair);
}
