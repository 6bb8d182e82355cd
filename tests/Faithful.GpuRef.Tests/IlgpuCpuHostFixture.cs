using Faithful.GpuRef.Hosting;

namespace Faithful.GpuRef.Tests;

/// <summary>One ILGPU CPU-accelerator host for every kernel test, created once and disposed at the end.</summary>
public sealed class IlgpuCpuHostFixture : IDisposable
{
    public GpuRefHost Host { get; } = GpuRefHost.Create(new GpuRefOptions { Backend = GpuRefBackend.IlgpuCpu });

    public void Dispose() => Host.Dispose();
}

[CollectionDefinition(Name)]
public sealed class IlgpuCpuCollection : ICollectionFixture<IlgpuCpuHostFixture>
{
    public const string Name = "ILGPU CPU accelerator";
}
