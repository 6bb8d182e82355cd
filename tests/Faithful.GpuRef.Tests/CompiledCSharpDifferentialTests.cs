using Faithful.Execution;
using Faithful.GpuRef.Batches;
using Faithful.GpuRef.Hosting;
using Faithful.GpuRef.Tests.Support;
using Faithful.GpuRef.Verification;
using Faithful.Model;

namespace Faithful.GpuRef.Tests;

/// <summary>
/// The third side of the differential test: the programs written as C# methods, compiled by Roslyn and
/// run by the CLR, against the reference evaluator, the ILGPU kernel (CPU accelerator) and the compiled
/// CPU backend.
/// </summary>
[Collection(IlgpuCpuCollection.Name)]
public sealed class CompiledCSharpDifferentialTests(IlgpuCpuHostFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public void Roslyn_compiled_csharp_the_reference_evaluator_the_kernel_and_the_cpu_backend_agree()
    {
        var generator = new RandomPrograms(new Random(99)) { CSharpExpressible = true };
        var programs = Enumerable.Range(0, 200).Select(_ => generator.Next(maxSteps: 30)).ToList();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var methods = CSharpPrograms.Compile(programs);
        output.WriteLine($"Roslyn: {clock.ElapsedMilliseconds} ms");
        var batch = new TraceBatch();
        foreach (var program in programs)
        {
            for (var i = 0; i < 40; i++)
            {
                batch.Add(program, generator.Inputs(program));
            }
        }

        using var cpu = GpuRefHost.Create(new GpuRefOptions { Backend = GpuRefBackend.Cpu });
        clock.Restart();
        var kernel = fixture.Host.Evaluate(batch);
        output.WriteLine($"kernel: {clock.ElapsedMilliseconds} ms");
        clock.Restart();
        var compiled = cpu.Evaluate(batch);
        output.WriteLine($"cpu backend: {clock.ElapsedMilliseconds} ms");
        clock.Restart();
        var faults = 0;
        var mismatches = new List<string>();
        for (var pair = 0; pair < batch.PairCount; pair++)
        {
            var program = batch.ProgramOf(pair);
            var inputs = batch.InputsOf(pair);
            var row = new long[program.Steps.Count + 1];
            var status = methods[batch.ProgramIndexOf(pair)](inputs.Select(v => v.Bits).ToArray(), row);
            var oracle = ReferenceEvaluator.Evaluate(program, inputs);
            faults += status == 0 ? 0 : 1;

            var csharp = CSharpDisagreement(program, oracle, status, row);
            var difference = csharp ?? DifferentialCheck.Compare(kernel, pair, oracle) ?? DifferentialCheck.Compare(compiled, pair, oracle);
            if (difference is not null && mismatches.Count < 5)
            {
                mismatches.Add($"{(csharp is null ? "backend" : "C#")}: {difference}");
            }
        }

        output.WriteLine($"compare: {clock.ElapsedMilliseconds} ms");
        output.WriteLine($"{batch.PairCount} pairs of {programs.Count} programs, {faults} faulted in C#");
        Assert.True(mismatches.Count == 0, string.Join("\n\n", mismatches));
        Assert.InRange(faults, batch.PairCount / 50, batch.PairCount - (batch.PairCount / 4));
    }

    /// <summary>How the C# method's run differs from the oracle's trace, or null.</summary>
    private static string? CSharpDisagreement(StepProgram program, Trace oracle, int status, long[] row)
    {
        var code = status & 7;
        var step = status >> 3;
        var expectedCode = oracle.Fault?.Kind switch
        {
            null => 0,
            FaultKind.DivideByZero => 1,
            FaultKind.Overflow => 2,
            _ => 3,
        };
        var where = $"{program.Id}({string.Join(", ", oracle.Inputs)})\n{string.Join("\n", program.Steps.Select(s => "  " + s.SourceText))}\n  return {program.ResultSourceText};";
        if (code != expectedCode || (code != 0 && step != oracle.Fault!.StepIndex))
        {
            return $"C# ended with code {code} at step {step}, reference {oracle.Fault?.ToString() ?? "completed"}: {where}";
        }

        for (var s = 0; s < oracle.StepValues.Count; s++)
        {
            var value = new Value(program.Steps[s].Kind, row[s]);
            if (!SameValueComparer.Instance.Equals(value, oracle.StepValues[s]))
            {
                return $"C# step {program.Steps[s].Name} = {value}, reference {oracle.StepValues[s]}: {where}";
            }
        }

        return oracle.Answer is { } answer && !SameValueComparer.Instance.Equals(new Value(answer.Kind, row[program.Steps.Count]), answer)
            ? $"C# answer {row[program.Steps.Count]}, reference {answer}: {where}"
            : null;
    }
}
