using System.Diagnostics;
using System.Globalization;
using Faithful.Families;
using Faithful.Model;
using Faithful.Traces.Parsing;
using Faithful.Traces.Scoring;
using Faithful.Traces.Simulation;

namespace Faithful.Benchmarks;

/// <summary>
/// Parse + align + classify throughput on 95-step simulated replies (chains and register programs, the study
/// profile's mix of failure modes), on one thread, so the figure is per core.
/// </summary>
public sealed class ScoreBench : IBench
{
    public string Name => "score";

    public string Description => "parse+align+classify throughput on 95-step traces (steps/s per core); [--replies N] [--length L]";

    public int Run(string[] args)
    {
        var replies = Option(args, "--replies", 2000);
        var length = Option(args, "--length", 95);
        var programs = new List<StepProgram>();
        for (var depth = 1; depth <= 5; depth++)
        {
            programs.Add(new ChainSpec(length, depth, ProgramSeed: (ulong)depth).Generate());
        }

        foreach (var registers in new[] { 3, 5, 8 })
        {
            programs.Add(new RegisterSpec(registers, length, ProgramSeed: (ulong)registers).Generate());
        }

        var simulator = new ReplySimulator(SimulationProfile.Study, seed: 1);
        var cases = new List<(StepProgram Program, EquatableArray<Value> Inputs, string Text)>(replies);
        var generation = Stopwatch.StartNew();
        for (var i = 0; i < replies; i++)
        {
            var program = programs[i % programs.Count];
            var inputs = InputSampler.Sample(program, (ulong)i).Inputs;
            cases.Add((program, inputs, simulator.Simulate(program, inputs, i).Text));
        }

        generation.Stop();
        var steps = (double)cases.Sum(c => c.Program.Steps.Count);
        var characters = cases.Sum(c => (long)c.Text.Length);

        // Best of three rounds: the first also pays for JIT tiering, and the machine may be shared.
        var parsed = new ParsedTrace[cases.Count];
        var parse = Best(() =>
        {
            for (var i = 0; i < cases.Count; i++)
            {
                parsed[i] = CaseScorer.Parse(cases[i].Program, cases[i].Text);
            }
        });
        var score = Best(() =>
        {
            for (var i = 0; i < cases.Count; i++)
            {
                CaseScorer.Score(cases[i].Program, cases[i].Inputs, parsed[i]);
            }
        });
        var total = Best(() =>
        {
            foreach (var c in cases)
            {
                CaseScorer.Score(c.Program, c.Inputs, c.Text);
            }
        });

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"score: {cases.Count} simulated replies to {programs.Count} programs of {length} steps ({steps:0} steps, {characters / 1024.0:0} KiB), one thread"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  simulate              {generation.Elapsed.TotalMilliseconds,9:0.0} ms  {steps / generation.Elapsed.TotalSeconds,12:N0} steps/s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  parse                 {parse.TotalMilliseconds,9:0.0} ms  {steps / parse.TotalSeconds,12:N0} steps/s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  align+classify        {score.TotalMilliseconds,9:0.0} ms  {steps / score.TotalSeconds,12:N0} steps/s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  parse+align+classify  {total.TotalMilliseconds,9:0.0} ms  {steps / total.TotalSeconds,12:N0} steps/s per core  ({cases.Count / total.TotalSeconds:N0} replies/s)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  align+classify share of the pipeline: {score.TotalMilliseconds / total.TotalMilliseconds:P0}"));
        return 0;
    }

    private static TimeSpan Best(Action round)
    {
        var best = TimeSpan.MaxValue;
        for (var i = 0; i < 3; i++)
        {
            var watch = Stopwatch.StartNew();
            round();
            best = watch.Elapsed < best ? watch.Elapsed : best;
        }

        return best;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
    }
}
