using Faithful.GpuRef.Hosting;

namespace Faithful.GpuRef.Tests;

[Collection(IlgpuCpuCollection.Name)]
public sealed class DifferentialTests(IlgpuCpuHostFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public void Corpus_reaches_every_fault_kind_and_both_program_shapes()
    {
        var coverage = DifferentialCorpus.Coverage();
        output.WriteLine(string.Join(", ", coverage.OrderBy(c => c.Key).Select(c => $"{c.Key}: {c.Value}")));

        Assert.Equal(100_000, DifferentialCorpus.Batch.PairCount);
        Assert.True(coverage.GetValueOrDefault("complete") > 30_000);
        foreach (var kind in new[] { "DivideByZero", "Overflow", "NotFinite", "answer fault", "register program", "program with double steps" })
        {
            Assert.True(coverage.GetValueOrDefault(kind) >= 100, $"the corpus has only {coverage.GetValueOrDefault(kind)} cases of {kind}");
        }
    }

    [Fact]
    public void Ilgpu_kernel_on_the_cpu_accelerator_matches_the_reference_evaluator_on_100k_pairs()
    {
        var result = fixture.Host.Evaluate(DifferentialCorpus.Batch);

        Assert.Equal(GpuRefBackend.IlgpuCpu, fixture.Host.Backend);
        var mismatches = DifferentialCorpus.Mismatches(result);
        Assert.True(mismatches.Count == 0, string.Join("\n\n", mismatches));
    }

    [Fact]
    public void Compiled_cpu_backend_matches_the_reference_evaluator_on_100k_pairs()
    {
        using var host = GpuRefHost.Create(new GpuRefOptions { Backend = GpuRefBackend.Cpu });

        var result = host.Evaluate(DifferentialCorpus.Batch);

        Assert.Equal(GpuRefBackend.Cpu, host.Backend);
        var mismatches = DifferentialCorpus.Mismatches(result);
        Assert.True(mismatches.Count == 0, string.Join("\n\n", mismatches));
    }
}
