using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Faithful.Execution;
using Faithful.Model;
using Faithful.SourcePrograms;
using Faithful.Traces.Conversations;
using Faithful.Traces.Parsing;
using Faithful.Traces.Scoring;
using Microsoft.Extensions.AI;

namespace Faithful.Benchmarks.Scale;

/// <summary>
/// Where scoring a transcript file spends its time, one stage at a time on one thread: reading the program (Roslyn),
/// ground truth (the interpreter), parsing the reply, aligning and classifying it. Figures per stage and their shares.
/// </summary>
public sealed class TranscriptStagesBench : IBench
{
    public string Name => "transcript-stages";

    public string Description => "time per stage of scoring a transcript file on one thread: <file.jsonl> [--lines N]";

    public int Run(string[] args)
    {
        if (args.Length == 0 || !File.Exists(args[0]))
        {
            Console.Error.WriteLine("usage: transcript-stages <transcripts.jsonl> [--lines N]");
            return 2;
        }

        var limit = args.Length > 2 && args[1] == "--lines" ? int.Parse(args[2], CultureInfo.InvariantCulture) : int.MaxValue;
        var watches = new[] { "json", "program", "truth", "parse", "align+classify" }.ToDictionary(n => n, _ => new Stopwatch());
        var programs = new Dictionary<string, StepProgram?>(StringComparer.Ordinal);
        long steps = 0, lines = 0, reads = 0, heldSteps = 0, maxHeld = 0;
        foreach (var line in File.ReadLines(args[0]).Take(limit))
        {
            watches["json"].Start();
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            var text = root.GetProperty("program").GetString()!;
            var question = root.GetProperty("question").GetString()!;
            var reply = root.GetProperty("reply").GetString()!;
            var prompt = root.TryGetProperty("prompt", out var p) ? p.GetString() : null;
            watches["json"].Stop();

            watches["program"].Start();
            if (!programs.TryGetValue(text, out var program))
            {
                reads++;
                program = ProgramAnswer.Parse(question, out _) is { } answer
                    ? CSharpProgramReader.ReadStatements(UntypedLocals.Widen(text), "", answer, "Bench", "program").Program
                    : null;
                // Bounded like the scorer's program cache: a heap that holds every program makes the GC the benchmark.
                if (heldSteps > 200_000)
                {
                    programs.Clear();
                    heldSteps = 0;
                }

                programs[text] = program;
                heldSteps += program?.Steps.Count ?? 0;
                maxHeld = Math.Max(maxHeld, heldSteps);
            }

            watches["program"].Stop();
            if (program is null)
            {
                continue;
            }

            watches["truth"].Start();
            var truth = ReferenceEvaluator.Evaluate(program, Array.Empty<Value>());
            watches["truth"].Stop();
            if (truth.Fault is not null)
            {
                continue;
            }

            watches["parse"].Start();
            ChatMessage[] conversation = string.IsNullOrEmpty(prompt) ? [] : [new ChatMessage(ChatRole.User, prompt)];
            var parsed = ConversationScorer.Parse(program, conversation, reply);
            watches["parse"].Stop();
            watches["align+classify"].Start();
            _ = CaseScorer.Score(truth, parsed);
            watches["align+classify"].Stop();
            steps += program.Steps.Count;
            lines++;
        }

        var held = programs.Values.OfType<StepProgram>().Sum(pr => (long)pr.Steps.Count);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"program cache: at most {maxHeld:N0} steps held (cleared past 200,000)"));
        var before = GC.GetTotalMemory(forceFullCollection: true);
        programs.Clear();
        var after = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"programs held: {held:N0} steps in {(before - after) / 1048576.0:0.0} MiB, {(double)(before - after) / Math.Max(1, held):0} bytes per step"));
        var total = watches.Values.Sum(w => w.Elapsed.TotalSeconds);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"allocated {GC.GetTotalAllocatedBytes() / 1048576.0:N0} MiB ({GC.GetTotalAllocatedBytes() / (double)Math.Max(1, steps):0} bytes per program step scored); collections gen0 {GC.CollectionCount(0)}, gen1 {GC.CollectionCount(1)}, gen2 {GC.CollectionCount(2)}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"transcript-stages: {lines} lines, {reads} distinct programs read, {steps:N0} program steps, one thread"));
        foreach (var (name, watch) in watches)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-16} {watch.Elapsed.TotalSeconds,8:0.00} s  {watch.Elapsed.TotalSeconds / total,6:P0}"));
        }

        return 0;
    }
}
