using Faithful.Execution;
using Faithful.GpuRef.Batches;
using Faithful.GpuRef.Hosting;
using Faithful.GpuRef.Tests.Support;
using Faithful.GpuRef.Verification;
using Faithful.Model;

namespace Faithful.GpuRef.Tests;

/// <summary>
/// Counterfactual ground truth, four ways: random programs (register programs included) are stopped before a random
/// step k, one to three slots of the state there are replaced by random values, and the rest runs. The compiled CPU
/// backend, the ILGPU kernel (CPU accelerator), <see cref="CounterfactualEvaluator"/> and the program's own C#
/// (compiled by Roslyn, the values assigned to their variables just before step k) must agree on every value, fault and
/// faulting step. 10^5 such cases, and 10^4 runs from states given whole, checked against the evaluator.
/// </summary>
[Collection(IlgpuCpuCollection.Name)]
public sealed class CounterfactualDifferentialTests(IlgpuCpuHostFixture fixture, ITestOutputHelper output)
{
    // Few programs, many states each: Roslyn's compile time grows with the programs, the check's worth with the cases.
    private const int Programs = 125;
    private const int AlteredPerProgram = 800;
    private const int GivenStatesPerProgram = 80;

    [Fact]
    public void Counterfactuals_from_random_states_equal_roslyn_compiled_csharp_the_evaluator_and_both_backends()
    {
        var random = new Random(1717);
        var generator = new RandomPrograms(random) { CSharpExpressible = true };
        var programs = Enumerable.Range(0, Programs).Select(_ => generator.Next(maxSteps: 30)).ToList();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var cpuTime = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        string Elapsed()
        {
            var now = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
            var text = $"{clock.ElapsedMilliseconds} ms ({(now - cpuTime).TotalMilliseconds:F0} ms CPU)";
            cpuTime = now;
            clock.Restart();
            return text;
        }

        var methods = CounterfactualCSharpPrograms.Compile(programs);
        output.WriteLine($"Roslyn: {Elapsed()}");

        var batch = new TraceBatch();
        foreach (var program in programs)
        {
            for (var q = 0; q < AlteredPerProgram; q++)
            {
                var atStep = random.Next(program.Steps.Count + 1);
                batch.AddCounterfactual(program, generator.Inputs(program), atStep, RandomOverrides(program, atStep, random, generator));
            }

            for (var q = 0; q < GivenStatesPerProgram; q++)
            {
                var state = Enumerable.Range(0, program.Parameters.Count + random.Next(program.Steps.Count + 1)).Select(slot => generator.NextValue(program.SlotKind(slot))).ToArray();
                batch.AddFromState(program, state);
            }
        }

        using var cpu = GpuRefHost.Create(new GpuRefOptions { Backend = GpuRefBackend.Cpu });
        output.WriteLine($"batch: {Elapsed()}");
        var compiled = cpu.Evaluate(batch);
        output.WriteLine($"cpu backend: {Elapsed()}");
        var results = new[] { compiled, fixture.Host.Evaluate(batch) };
        output.WriteLine($"ilgpu-cpu: {Elapsed()}");
        var oracle = new CounterfactualTrace[batch.PairCount];
        Parallel.For(0, batch.PairCount, pair => oracle[pair] = batch.IsFromGivenState(pair)
            ? CounterfactualEvaluator.EvaluateFromState(batch.ProgramOf(pair), [.. batch.StateInputsOf(pair), .. batch.OverridesOf(pair).Select(o => o.Value)])
            : CounterfactualEvaluator.Evaluate(batch.ProgramOf(pair), batch.InputsOf(pair), batch.StartStepOf(pair), batch.OverridesOf(pair)));
        output.WriteLine($"oracle: {Elapsed()}");

        var mismatches = new List<string>();
        var coverage = new Dictionary<string, int>();
        void Count(string key) => coverage[key] = coverage.GetValueOrDefault(key) + 1;
        for (var pair = 0; pair < batch.PairCount; pair++)
        {
            var expected = oracle[pair];
            foreach (var result in results)
            {
                if (DifferentialCheck.Compare(result, pair, expected) is { } difference && mismatches.Count < 5)
                {
                    mismatches.Add($"{result.Backend}: {difference}");
                }
            }

            if (batch.IsFromGivenState(pair))
            {
                Count("given state");
                continue;
            }

            var program = batch.ProgramOf(pair);
            var overrides = batch.OverridesOf(pair);
            var row = new long[program.Steps.Count + 1];
            var status = methods[batch.ProgramIndexOf(pair)](
                batch.InputsOf(pair).Select(v => v.Bits).ToArray(), row, expected.StartStep, overrides.Select(o => o.Slot).ToArray(), overrides.Select(o => o.Value.Bits).ToArray());
            if (CSharpDisagreement(expected, status, row) is { } csharp && mismatches.Count < 5)
            {
                mismatches.Add($"C#: {csharp}");
            }

            Count("altered, checked against C#");
            Count(!expected.ReachedStart ? "true prefix faulted" : expected.Fault is { } fault ? $"continuation {fault.Kind}" : "continuation complete");
            Count(overrides.Any(o => o.Slot < program.Parameters.Count) ? "an input altered" : "only steps altered");
            if (overrides.Any(o => o.Value is { Kind: ValueKind.Double } v && !double.IsFinite(v.AsDouble)))
            {
                Count("NaN or infinity in the state");
            }

            if (overrides.Any(o => IsOverwrittenBefore(program, o.Slot, expected.StartStep)))
            {
                Count("older register version altered");
            }
        }

        output.WriteLine($"compare and C#: {Elapsed()}");
        output.WriteLine(string.Join(", ", coverage.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}: {c.Value}")));
        Assert.True(mismatches.Count == 0, string.Join("\n\n", mismatches));
        Assert.Equal(Programs * AlteredPerProgram, coverage["altered, checked against C#"]);
        Assert.Equal(Programs * GivenStatesPerProgram, coverage["given state"]);
        foreach (var key in new[] { "continuation complete", "continuation DivideByZero", "continuation Overflow", "continuation NotFinite", "true prefix faulted", "an input altered", "NaN or infinity in the state", "older register version altered" })
        {
            Assert.True(coverage.GetValueOrDefault(key) >= 100, $"only {coverage.GetValueOrDefault(key)} cases of '{key}'");
        }

        Assert.True(coverage["continuation complete"] > 20_000, $"only {coverage["continuation complete"]} counterfactuals ran to their answer");
    }

    /// <summary>One to three distinct slots of the state before <paramref name="atStep"/>, now and then none (the true state resumed).</summary>
    private static SlotOverride[] RandomOverrides(StepProgram program, int atStep, Random random, RandomPrograms generator)
    {
        var stateSlots = program.Parameters.Count + atStep;
        var count = Math.Min(stateSlots, random.Next(20) switch { 0 => 0, < 14 => 1, < 18 => 2, _ => 3 });
        return Enumerable.Range(0, stateSlots)
            .OrderBy(_ => random.Next())
            .Take(count)
            .Select(slot => new SlotOverride(slot, generator.NextValue(program.SlotKind(slot))))
            .ToArray();
    }

    /// <summary>Whether a later step before <paramref name="atStep"/> wrote the slot's variable again, so that no statement reads it any more.</summary>
    private static bool IsOverwrittenBefore(StepProgram program, int slot, int atStep)
    {
        var variable = slot < program.Parameters.Count ? program.Parameters[slot].Name : program.Steps[slot - program.Parameters.Count].Variable;
        var after = slot < program.Parameters.Count ? 0 : slot - program.Parameters.Count + 1;
        return program.Steps.Skip(after).Take(atStep - after).Any(s => s.Variable == variable);
    }

    /// <summary>How the C# method's run differs from the counterfactual oracle: fault and step, and every value it computed.</summary>
    private static string? CSharpDisagreement(CounterfactualTrace oracle, int status, long[] row)
    {
        var program = oracle.Program;
        var code = status & 7;
        var step = status >> 3;
        var expectedCode = oracle.Fault?.Kind switch
        {
            null => 0,
            FaultKind.DivideByZero => 1,
            FaultKind.Overflow => 2,
            _ => 3,
        };
        var where = $"{program.Id}({string.Join(", ", oracle.Inputs)}) before step {oracle.StartStep + 1} with {string.Join(", ", oracle.Overrides.Select(o => $"{program.SlotName(o.Slot)} = {o.Value}"))}\n" +
            $"{string.Join("\n", program.Steps.Select(s => "  " + s.SourceText))}\n  return {program.ResultSourceText};";
        if (code != expectedCode || (code != 0 && step != oracle.Fault!.StepIndex))
        {
            return $"C# ended with code {code} at step {step}, oracle {oracle.Fault?.ToString() ?? "completed"}: {where}";
        }

        // Before the start the C# row holds the true values, the oracle's the altered state: compare what C# computed
        // from the altered state (or, when the true prefix faulted, the prefix itself).
        var first = oracle.ReachedStart ? oracle.StartStep : 0;
        for (var s = first; s < oracle.StepValues.Count; s++)
        {
            var value = new Value(program.Steps[s].Kind, row[s]);
            if (!SameValueComparer.Instance.Equals(value, oracle.StepValues[s]))
            {
                return $"C# step {program.Steps[s].Name} = {value}, oracle {oracle.StepValues[s]}: {where}";
            }
        }

        return oracle.Answer is { } answer && !SameValueComparer.Instance.Equals(new Value(answer.Kind, row[program.Steps.Count]), answer)
            ? $"C# answer {new Value(answer.Kind, row[program.Steps.Count])}, oracle {answer}: {where}"
            : null;
    }
}
