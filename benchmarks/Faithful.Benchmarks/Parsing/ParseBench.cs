using System.Diagnostics;
using System.Globalization;
using System.Text;
using Faithful.Families;
using Faithful.Model;
using Faithful.Traces.Parsing;
using Faithful.SourcePrograms;
using Faithful.Traces.Prompts;
using Faithful.Traces.Scoring;
using Faithful.Traces.Simulation;

namespace Faithful.Benchmarks.Parsing;

/// <summary>
/// Parse throughput on 95-step replies, single-threaded (so the figures are per core): lines/s and steps/s for
/// terse replies (<c>s3 = 42</c>) and verbose ones (markdown, work shown, chatter), chain and register programs;
/// then the same with every stage in <see cref="PipelineStages.AfterParse"/>.
/// </summary>
public sealed class ParseBench : IBench
{
    public string Name => "parse";

    public string Description => "parse (+ pipeline stages) throughput on 95-step replies, per core; args: [seconds] [row filter | styles]";

    // The rows, in the order they print, each with how its replies are made.
    private static readonly (string Label, Func<List<PipelineCase>> Cases)[] Rows =
    [
        ("chain terse", () => Cases(chain: true, verbose: false)),
        ("chain verbose", () => Cases(chain: true, verbose: true)),
        ("register terse", () => Cases(chain: false, verbose: false)),
        ("register verbose", () => Cases(chain: false, verbose: true)),
        ("chain real", () => RealCases(Programs(chain: true))),
        ("register real", () => RealCases(Programs(chain: false))),
        ("loop real", () => RealCases(LoopPrograms())),
    ];

    // The real-style rows' programs, for their rows by reply style ("chain real/snapshots").
    private static readonly (string Label, Func<List<StepProgram>> Programs)[] RealRows =
    [
        ("chain real", () => Programs(chain: true)),
        ("register real", () => Programs(chain: false)),
        ("loop real", LoopPrograms),
    ];

    /// <summary>The labels of the rows, in the order they print.</summary>
    public static IReadOnlyList<string> RowLabels { get; } = [.. Rows.Select(row => row.Label)];

    /// <summary>The replies of one row (<see cref="RowLabels"/>).</summary>
    public static List<PipelineCase> RowCases(string label) =>
        Array.Find(Rows, row => row.Label == label).Cases?.Invoke()
        ?? throw new ArgumentException($"no row '{label}'; the rows are: {string.Join(", ", RowLabels)}", nameof(label));

    /// <summary>
    /// The replies of one real-style row in one reply style only, by a label such as <c>chain real/snapshots</c>; null when
    /// the label names no such row and style.
    /// </summary>
    public static List<PipelineCase>? StyleRowCases(string label)
    {
        var slash = label.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return null;
        }

        var (rowLabel, styleName) = (label[..slash], label[(slash + 1)..]);
        var style = Array.FindIndex(RealStyles, s => string.Equals(s.ToString(), styleName, StringComparison.OrdinalIgnoreCase));
        var row = Array.FindIndex(RealRows, r => r.Label == rowLabel);
        return style < 0 || row < 0 ? null : RealCases(RealRows[row].Programs(), RealStyles[style]);
    }

    /// <summary>The labels <see cref="StyleRowCases"/> takes: each real-style row with each reply style.</summary>
    public static IEnumerable<string> StyleRowLabels =>
        from row in RealRows
        from style in RealStyles
        select $"{row.Label}/{style.ToString().ToLowerInvariant()}";

    /// <summary>
    /// Program steps per CPU-second of this process over <paramref name="seconds"/>: parse alone, or followed by every
    /// stage of <see cref="PipelineStages.AfterParse"/>. The entry point <see cref="ParseAbBench"/> calls in each build.
    /// </summary>
    public static double StepsPerSecond(List<PipelineCase> cases, bool withStages, double seconds) =>
        Measure(cases, withStages ? PipelineStages.AfterParse : [], seconds).StepsPerSecond;

    public int Run(string[] args)
    {
        var seconds = args.Length > 0 && double.TryParse(args[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var s) ? s : 2.0;
        var sets = Rows.Select(row => (row.Label, Cases: row.Cases())).ToArray();

        // An optional second argument keeps the rows whose label contains it ("real", "chain terse"), for profiling one shape;
        // "styles" gives each real-style row once per reply style instead, to see which style holds a row back (a third
        // argument keeps the style rows whose label contains it: "chain real/snapshots").
        if (args.Length > 1 && args[1] == "styles")
        {
            sets = [.. StyleRowLabels
                .Where(label => args.Length < 3 || label.Contains(args[2], StringComparison.OrdinalIgnoreCase))
                .Select(label => (label, StyleRowCases(label)!))];
        }
        else if (args.Length > 1)
        {
            sets = [.. sets.Where(set => set.Label.Contains(args[1], StringComparison.OrdinalIgnoreCase))];
        }

        // Tiered JIT and PGO settle over a few seconds: run the measuring loop itself on every set, untimed, first.
        for (var round = 0; round < 2; round++)
        {
            foreach (var (_, cases) in sets)
            {
                _ = Measure(cases, PipelineStages.AfterParse, 0.5);
            }
        }

        Console.WriteLine($"parse benchmark: ~95-step replies (classic styles, and the simulated model's real styles), one thread, best of two {seconds / 2:0.#} s runs per row; rates per CPU-second of this process (load average {LoadAverage()})");
        Console.WriteLine($"{"replies",-18} {"stages",-24} {"lines/s",12} {"steps/s",12} {"replies/s",10} {"µs/reply",9} {"KB/reply",9} {"gen0/1000",10}");
        foreach (var (label, cases) in sets)
        {
            var parseOnly = Best(Measure(cases, [], seconds / 2), Measure(cases, [], seconds / 2));
            Print(label, "parse", parseOnly);
            if (PipelineStages.AfterParse.Count > 0)
            {
                var all = Best(Measure(cases, PipelineStages.AfterParse, seconds / 2), Measure(cases, PipelineStages.AfterParse, seconds / 2));
                Print(label, "parse+" + string.Join("+", PipelineStages.AfterParse.Select(p => p.Name)), all);
                Console.WriteLine($"{"",-18} {"ratio full/parse",-24} {all.StepsPerSecond / parseOnly.StepsPerSecond,12:0.00}");
            }
        }

        return 0;
    }

    private static string LoadAverage()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
        }
        catch (IOException)
        {
            return "n/a";
        }
    }

    // Best of two runs: on a shared machine, a slow run measures the neighbours.
    private static Result Best(Result a, Result b) => a.StepsPerSecond >= b.StepsPerSecond ? a : b;

    private readonly record struct Result(double LinesPerSecond, double StepsPerSecond, double RepliesPerSecond, double BytesPerReply, double CollectionsPer1000Replies);

    private static void Print(string label, string stages, Result r) =>
        Console.WriteLine($"{label,-18} {stages,-24} {r.LinesPerSecond,12:N0} {r.StepsPerSecond,12:N0} {r.RepliesPerSecond,10:N0} {1e6 / r.RepliesPerSecond,9:0.0} {r.BytesPerReply / 1024,9:0.0} {r.CollectionsPer1000Replies,10:0.0}");

    private static Result Measure(List<PipelineCase> cases, IReadOnlyList<PipelineStage> stages, double seconds)
    {
        long lines = 0, steps = 0, replies = 0;
        var sink = 0;

        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var collectionsBefore = GC.CollectionCount(0);
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed.TotalSeconds < seconds)
        {
            foreach (var c in cases)
            {
                var parsed = TraceParser.Parse(c.Reply, c.Options);
                foreach (var stage in stages)
                {
                    sink += stage.Run(c, parsed) is null ? 0 : 1;
                }

                lines += parsed.LineCount;
                steps += c.Program.Steps.Count;
                replies++;
                sink += parsed.Claims.Count;
            }
        }

        // Bytes allocated per reply: garbage is most of a reply's cost, so the figure to watch next to the rate.
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        var collections = GC.CollectionCount(0) - collectionsBefore;

        // CPU time, not wall time: on a shared machine the wall clock counts other people's work.
        process.Refresh();
        var elapsed = Math.Max(1e-6, (process.TotalProcessorTime - cpuBefore).TotalSeconds);
        GC.KeepAlive(sink);
        return new Result(lines / elapsed, steps / elapsed, replies / elapsed, allocated / (double)Math.Max(1, replies), collections * 1000.0 / Math.Max(1, replies));
    }

    private static List<PipelineCase> Cases(bool chain, bool verbose)
    {
        var cases = new List<PipelineCase>();
        for (var seed = 1UL; seed <= 20; seed++)
        {
            var program = chain
                ? new ChainSpec(95, (int)(seed % 8) + 1, seed % 3 == 0 ? ValueKind.Double : ValueKind.Int64, OperatorMix.Mixed, seed).Generate()
                : new RegisterSpec(5, 95, RegisterQuery.OneVariable, RegisterOps.All, seed).Generate();
            var trace = InputSampler.Sample(program, seed).Trace;
            var reply = verbose ? Verbose(program, trace) : ExpectedReply.For(trace);
            cases.Add(new PipelineCase(program, trace, reply, TraceParserOptions.ForProgram(program)));
        }

        return cases;
    }

    private static List<StepProgram> Programs(bool chain) => [.. Enumerable.Range(1, 20).Select(seed => chain
        ? new ChainSpec(95, (seed % 8) + 1, seed % 3 == 0 ? ValueKind.Double : ValueKind.Int64, OperatorMix.Mixed, (ulong)seed).Generate()
        : new RegisterSpec(5, 95, RegisterQuery.OneVariable, RegisterOps.All, (ulong)seed).Generate())];

    // Loop programs shaped like the real corpus's: literal declarations (given values), nested constant loops, a sum.
    private static List<StepProgram> LoopPrograms()
    {
        var programs = new List<StepProgram>();
        for (var outer = 3; outer <= 7; outer++)
        {
            var inner = (93 / outer) - 1;
            var source = $"long n_0 = {outer % 3 - 1}; long n_1 = {outer % 2}; for (var i = 0; i < {outer}; i++) {{ n_0 += 2; for (var j = 0; j < {inner}; j++) {{ n_1 -= 1; }} }}";
            if (CSharpProgramReader.ReadStatements(source, "", ProgramAnswer.SumOfAll, $"Loop{outer}").Program is { } program)
            {
                programs.Add(program);
            }
        }

        return programs;
    }

    // Faithful replies written in the real-reply styles of the simulated model (prose, echoed lists, snapshots, readouts, code first).
    private static readonly ReplyStyle[] RealStyles = [ReplyStyle.Prose, ReplyStyle.EchoedList, ReplyStyle.Snapshots, ReplyStyle.Readout, ReplyStyle.CodeFirst];

    // One style only when given; otherwise the styles in turn.
    private static List<PipelineCase> RealCases(List<StepProgram> programs, ReplyStyle? only = null)
    {
        var simulator = new ReplySimulator(SimulationProfile.Perfect with { RealStyles = true });
        var cases = new List<PipelineCase>();
        var styles = only is { } style ? [style] : RealStyles;
        for (var i = 0; i < programs.Count * 4; i++)
        {
            var program = programs[i % programs.Count];
            var trace = program.Parameters.Count == 0 ? Faithful.Execution.ReferenceEvaluator.Evaluate(program, Array.Empty<Value>()) : InputSampler.Sample(program, (ulong)i).Trace;
            var reply = simulator.Simulate(program, trace.Inputs, i, FailureMode.Correct, styles[i % styles.Length]);
            cases.Add(new PipelineCase(program, trace, reply.Text, TraceParserOptions.ForProgram(program)));
        }

        return cases;
    }

    private static string Verbose(StepProgram program, Faithful.Execution.Trace trace)
    {
        var builder = new StringBuilder("Sure! Let's execute the procedure carefully, one step at a time.\n\n");
        for (var i = 0; i < trace.StepValues.Count; i++)
        {
            var step = program.Steps[i];
            builder.Append(CultureInfo.InvariantCulture, $"**Step {step.Number}:** `{StepDisplay.Statement(program, step)}` → **{step.Variable} = {trace.StepValues[i]}**\n");
            if (i % 10 == 9)
            {
                builder.Append("\nSo far so good; continuing.\n\n");
            }
        }

        builder.Append(CultureInfo.InvariantCulture, $"\nTherefore, the final answer is $\\boxed{{{trace.Answer}}}$.\n");
        return builder.ToString();
    }
}
