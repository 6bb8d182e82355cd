using System.Text.RegularExpressions;
using Faithful.GpuRef.Kernels;
using ILGPU;
using ILGPU.Backends.EntryPoints;
using ILGPU.Backends.PTX;
using ILGPU.Runtime;
using ILGPU.Runtime.Cuda;

namespace Faithful.GpuRef.Tests;

/// <summary>
/// No GPU is lent to these tests, so the CUDA path is checked at the PTX level: the kernel must compile
/// with ILGPU's PTX backend, use IEEE division, and leave ptxas nothing to contract into an FMA.
/// </summary>
public sealed class KernelCompilationTests(ITestOutputHelper output)
{
    private static string CompilePtx()
    {
        using var context = Context.Create(builder => builder.Math(MathMode.Default).Cuda());
        var architecture = CudaArchitecture.SM_70;
        using var backend = new PTXBackend(context, new CudaCapabilityContext(architecture), architecture, CudaInstructionSet.ISA_70, null);
        var entry = EntryPointDescription.FromImplicitlyGroupedKernel(typeof(TraceKernels).GetMethod(nameof(TraceKernels.Evaluate))!);
        var kernel = (PTXCompiledKernel)backend.Compile(entry, default(KernelSpecialization));
        return kernel.PTXAssembly;
    }

    [Fact]
    public void Kernel_compiles_to_ptx_with_ieee_double_arithmetic_and_no_fused_multiply_add()
    {
        var ptx = CompilePtx();
        output.WriteLine($"{ptx.Length} characters of PTX");
        if (Environment.GetEnvironmentVariable("FAITHFUL_DUMP_PTX") is { Length: > 0 } path)
        {
            File.WriteAllText(path, ptx);
        }

        Assert.Contains(".entry", ptx, StringComparison.Ordinal);
        Assert.Matches(new Regex(@"\bmul(\.rn)?\.f64\b"), ptx);
        Assert.Matches(new Regex(@"\bdiv\.rn\.f64\b"), ptx);
        Assert.DoesNotMatch(new Regex(@"\b(fma|mad)\.[a-z.]*f64\b"), ptx);
        Assert.DoesNotMatch(new Regex(@"\b(rcp|div)\.approx"), ptx);
    }

    [Fact]
    public void No_double_add_or_subtract_reads_a_multiply_result_so_ptxas_cannot_contract_one()
    {
        var ptx = CompilePtx();
        var products = Regex.Matches(ptx, @"\bmul(?:\.rn)?\.f64\s+(%fd\d+),").Select(m => m.Groups[1].Value).ToHashSet();
        // Follow register copies (mov), so a product renamed before an add still counts as a product.
        var copies = Regex.Matches(ptx, @"\bmov\.(?:f64|b64)\s+(%\w+),\s*(%\w+);").Select(m => (To: m.Groups[1].Value, From: m.Groups[2].Value)).ToList();
        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var (to, from) in copies)
            {
                grew |= products.Contains(from) && products.Add(to);
            }
        }

        var sums = Regex.Matches(ptx, @"\b(?:add|sub)(?:\.rn)?\.f64\s+%fd\d+,\s*(%fd\d+),\s*(%fd\d+);").ToList();

        Assert.NotEmpty(products);
        Assert.NotEmpty(sums);
        Assert.All(sums, sum =>
        {
            Assert.DoesNotContain(sum.Groups[1].Value, products);
            Assert.DoesNotContain(sum.Groups[2].Value, products);
        });
    }
}
