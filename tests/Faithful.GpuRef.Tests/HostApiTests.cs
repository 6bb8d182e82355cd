using Faithful.Execution;
using Faithful.GpuRef.Batches;
using Faithful.GpuRef.Hosting;
using Faithful.GpuRef.Tests.Support;
using Faithful.GpuRef.Verification;
using Faithful.Model;

namespace Faithful.GpuRef.Tests;

[Collection(IlgpuCpuCollection.Name)]
public sealed class HostApiTests(IlgpuCpuHostFixture fixture)
{
    private static TraceBatch MixedLengths(out List<Trace> oracle)
    {
        var batch = new TraceBatch();
        oracle = [];
        var random = new Random(7);
        foreach (var length in new[] { 1, 7, 95, 400, 3 })
        {
            var program = TestPrograms.LongChain(length);
            for (var i = 0; i < 20; i++)
            {
                var x = random.NextInt64(-50, 50);
                batch.Add(program, x);
                oracle.Add(ReferenceEvaluator.Evaluate(program, x));
            }
        }

        var chain = TestPrograms.Chain();
        foreach (var (a, b) in new[] { (3L, 4L), (3L, 0L), (long.MinValue, -1L), (7L, -1000L) })
        {
            batch.Add(chain, a, b);
            oracle.Add(ReferenceEvaluator.Evaluate(chain, a, b));
        }

        foreach (var x in new[] { long.MinValue, -5L, long.MaxValue })
        {
            batch.Add(TestPrograms.AbsThenDecrement(), x);
            oracle.Add(ReferenceEvaluator.Evaluate(TestPrograms.AbsThenDecrement(), x));
        }

        return batch;
    }

    public static TheoryData<GpuRefBackend> Backends => [GpuRefBackend.Cpu, GpuRefBackend.IlgpuCpu];

    private GpuRefHost HostFor(GpuRefBackend backend, out bool owned)
    {
        owned = backend != GpuRefBackend.IlgpuCpu;
        return owned ? GpuRefHost.Create(new GpuRefOptions { Backend = backend }) : fixture.Host;
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void Programs_of_different_lengths_in_one_batch_give_the_reference_traces_faults_and_messages_included(GpuRefBackend backend)
    {
        var host = HostFor(backend, out var owned);
        try
        {
            var batch = MixedLengths(out var oracle);

            var traces = host.Evaluate(batch).ToTraces().ToList();

            Assert.Equal(oracle, traces);
            Assert.Contains(traces, t => t.Fault?.Kind == FaultKind.DivideByZero);
            Assert.Contains(traces, t => t.Fault?.Kind == FaultKind.Overflow);
        }
        finally
        {
            if (owned)
            {
                host.Dispose();
            }
        }
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void Chunks_stream_contiguous_pairs_and_equal_the_whole_batch(GpuRefBackend backend)
    {
        var host = HostFor(backend, out var owned);
        try
        {
            var batch = MixedLengths(out var oracle);

            var chunks = host.EvaluateInChunks(batch, maxPairsPerChunk: 7).ToList();

            Assert.Equal((batch.PairCount + 6) / 7, chunks.Count);
            Assert.Equal(Enumerable.Range(0, chunks.Count).Select(i => i * 7), chunks.Select(c => c.FirstPair));
            Assert.Equal(oracle, chunks.SelectMany(c => c.ToTraces()));
        }
        finally
        {
            if (owned)
            {
                host.Dispose();
            }
        }
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void EvaluateInto_writes_each_row_at_its_offset_in_the_callers_buffers_chunk_after_chunk_and_reuses_them(GpuRefBackend backend)
    {
        using var cpu = GpuRefHost.Create(new GpuRefOptions { Backend = GpuRefBackend.Cpu, MaxPairsPerChunk = 7 });
        var host = backend == GpuRefBackend.Cpu ? cpu : fixture.Host;
        var batch = MixedLengths(out var oracle);
        const long untouched = 0x5A5A5A5A;
        var trace = Enumerable.Repeat(untouched, (int)batch.TraceCellCount + 5).ToArray();
        var faults = new int[2 * batch.PairCount];

        var result = host.EvaluateInto(batch, trace, faults);

        for (var pair = 0; pair < batch.PairCount; pair++)
        {
            var offset = (int)batch.TraceOffsetOf(pair);
            Assert.Equal(oracle[pair].StepValues.Select(v => v.Bits), trace.AsSpan(offset, oracle[pair].StepValues.Count).ToArray());
            Assert.Equal(oracle[pair].Fault is null ? 0 : result.FaultCodeOf(pair), faults[2 * pair]);
            Assert.Equal(oracle[pair], result.ToTrace(pair));
        }

        Assert.Equal(Enumerable.Repeat(untouched, 5), trace[^5..]);

        // The same buffers for the next batch.
        var next = new TraceBatch();
        next.Add(TestPrograms.Chain(), 10, 3);
        var again = host.EvaluateInto(next, trace, faults);
        Assert.Equal(ReferenceEvaluator.Evaluate(TestPrograms.Chain(), 10, 3), again.ToTrace(0));
        Assert.Equal([13L, 130, 117, 39, 39], trace[..5]);
    }

    [Fact]
    public void EvaluateInto_names_the_sizes_a_batch_needs()
    {
        using var host = GpuRefHost.Create(new GpuRefOptions { Backend = GpuRefBackend.Cpu });
        var batch = new TraceBatch();
        batch.Add(TestPrograms.Chain(), 1, 2);
        batch.Add(TestPrograms.Chain(), 3, 4);

        var cells = Assert.Throws<ArgumentException>(() => host.EvaluateInto(batch, new long[9], new int[4]));
        var faults = Assert.Throws<ArgumentException>(() => host.EvaluateInto(batch, new long[10], new int[3]));

        Assert.Contains("needs 10 trace cells (TraceBatch.TraceCellCount) but the buffer holds 9", cells.Message, StringComparison.Ordinal);
        Assert.Contains("needs 4 fault cells", faults.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Auto_picks_a_backend_and_says_why()
    {
        using var host = GpuRefHost.Create(new GpuRefOptions { Backend = GpuRefBackend.Auto });

        Assert.NotEqual(GpuRefBackend.Auto, host.Backend);
        Assert.NotEqual(GpuRefBackend.IlgpuCpu, host.Backend);
        Assert.Contains("auto:", host.Description, StringComparison.Ordinal);
        if (host.Backend == GpuRefBackend.Cpu)
        {
            Assert.Contains("no GPU", host.Description, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Sampled_inputs_and_the_pair_list_overload_give_reference_traces()
    {
        using var host = GpuRefHost.Create(new GpuRefOptions { Backend = GpuRefBackend.Cpu });
        var generator = new RandomPrograms(new Random(3));
        var programs = Enumerable.Range(0, 5).Select(_ => generator.Next(maxSteps: 12)).ToList();

        var result = host.Evaluate(programs, inputsPerProgram: 30, (program, _) => generator.Inputs(program), seed: 1);
        var traces = host.EvaluateTraces([(TestPrograms.Chain(), [Value.FromInt64(3), Value.FromInt64(4)])]);

        Assert.Equal(150, result.PairCount);
        Assert.All(result.ToTraces(), trace => Assert.Equal(ReferenceEvaluator.Evaluate(trace.Program, trace.Inputs), trace));
        Assert.Equal(ReferenceEvaluator.Evaluate(TestPrograms.Chain(), 3, 4), Assert.Single(traces));
    }

    [Fact]
    public void Doubles_fault_on_infinity_unless_the_program_allows_it()
    {
        using var host = GpuRefHost.Create(new GpuRefOptions { Backend = GpuRefBackend.Cpu });
        var batch = new TraceBatch();
        batch.Add(TestPrograms.DoubleRatio(), [Value.FromDouble(1), Value.FromDouble(0)]);
        batch.Add(TestPrograms.DoubleRatio(allowNonFinite: true), [Value.FromDouble(1), Value.FromDouble(0)]);

        var result = host.Evaluate(batch);

        Assert.Equal(FaultKind.NotFinite, result.FaultKindOf(0));
        Assert.Equal(1, result.ComputedStepCount(0));
        Assert.Null(result.FaultKindOf(1));
        Assert.Equal(Value.FromDouble(double.PositiveInfinity), result.ToTrace(1).Answer);
    }

    [Fact]
    public void A_disposed_host_refuses_work()
    {
        var host = GpuRefHost.Create(new GpuRefOptions { Backend = GpuRefBackend.Cpu });
        var batch = new TraceBatch();
        batch.Add(TestPrograms.Chain(), 1, 2);
        host.Dispose();

        Assert.Throws<ObjectDisposedException>(() => host.Evaluate(batch));
    }
}
