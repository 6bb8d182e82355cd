using System.Diagnostics;
using System.Globalization;
using Faithful.Traces.Parsing;
using Faithful.Traces.Parsing.Reading;
using Faithful.Traces.Scoring;

namespace Faithful.Benchmarks.Parsing;

/// <summary>
/// Where a reply's parse, alignment and classification go, row by row: the whole parse, then each per-line part of it
/// run on its own over the same lines (splitting, the answer and task-prompt checks, normalizing, restart phrases,
/// tokenizing, the line context, the line reader with its recognisers), the line pass as a whole, the document pass on
/// the line pass's events, and then alignment and scoring on the parse's result. The parts are timed apart, so they do
/// not add up exactly. A sampling profiler attributes the runtime's helpers to the wrong frames on this code; these
/// figures are per part, measured directly.
/// </summary>
public sealed class ParseStagesBench : IBench
{
    public string Name => "parse-stages";

    public string Description => "µs per reply of the parse, each part of it, alignment and scoring, per row; args: [row filter, or row/style such as chain real/snapshots] [rounds (8)] [slice seconds (0.1)]";

    public int Run(string[] args)
    {
        var filter = args.Length > 0 ? args[0] : "";
        var rounds = args.Length > 1 && int.TryParse(args[1], out var r) && r > 0 ? r : 8;
        var slice = args.Length > 2 && double.TryParse(args[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s > 0 ? s : 0.1;
        // "chain real/snapshots" (a real-style row in one reply style) times that style alone, to see which style holds a row back.
        var byStyle = filter.Contains('/', StringComparison.Ordinal);
        var styleRows = byStyle ? ParseBench.StyleRowLabels.Where(label => label.Contains(filter, StringComparison.OrdinalIgnoreCase)).ToList() : [];
        var labels = byStyle ? styleRows : ParseBench.RowLabels.Where(label => label.Contains(filter, StringComparison.OrdinalIgnoreCase)).ToList();
        if (labels.Count == 0)
        {
            Console.Error.WriteLine($"error: no row matches '{filter}'; the rows are: {string.Join(", ", ParseBench.RowLabels)}, and each real row by style: {string.Join(", ", ParseBench.StyleRowLabels)}");
            return 2;
        }

        // Every row parsed for a while first: with tiered PGO the reader's code reaches its final tier only after seconds
        // of use, and the first row measured would otherwise pay for it (3.5x on `chain terse` with a 0.5 s warm-up).
        // The replies of each row are made once, for the warm-up and the measurement alike.
        var rows = ParseBench.RowLabels.ToDictionary(label => label, ParseBench.RowCases);
        foreach (var label in styleRows)
        {
            rows[label] = ParseBench.StyleRowCases(label)!;
        }

        var warmUp = Stopwatch.StartNew();
        while (warmUp.Elapsed.TotalSeconds < 4)
        {
            foreach (var reply in rows.Values.SelectMany(cases => cases))
            {
                TraceParser.Parse(reply.Reply, reply.Options);
            }
        }

        Console.WriteLine($"parse-stages: µs per reply, the best pass of {rounds} rounds of {slice:0.##} s slices per part, after 4 s of parsing every row; one thread");
        Console.WriteLine($"{"row",-17} {"parse",7} | {"split",6} {"answers",7} {"task",6} {"norm",6} {"restart",7} {"tokens",7} {"context",7} {"read",7} {"loop",6} | {"document",8} {"result",6} | {"align",6} {"classify",8} | {"full",6} {"lines",6} {"claims",6}");
        foreach (var label in labels)
        {
            var replies = rows[label].Select(Prepared.Of).ToList();
            var tokenBuffer = new List<Token>(64);
            (string Name, Action Pass)[] parts =
            [
                ("parse", () =>
                {
                    foreach (var reply in replies)
                    {
                        Sink += TraceParser.Parse(reply.Case.Reply, reply.Case.Options).Claims.Count;
                    }
                }),
                ("split", () =>
                {
                    foreach (var reply in replies)
                    {
                        Sink += reply.Case.Reply.Split('\n').Length;
                    }
                }),
                ("answers", PerLine(replies, (reply, i) => AnswerReader.Read(reply.Lines, i, reply.Case.Options.Answers, reply.Pattern, reply.Names) is null ? 0 : 1)),
                ("task", PerLine(replies, (reply, i) => Lexicon.TaskPromptCues.InAnyCase(reply.Lines[i].TrimStart()) ? 1 : 0)),
                ("norm", PerLine(replies, (reply, i) => LinePrefix.Strip(LineNormalizer.Normalize(reply.Lines[i])).Rest.Length)),
                ("restart", PerLine(replies, (reply, i) => (int)RestartPhrases.Classify(reply.Contents[i].Rest))),
                ("tokens", PerLine(replies, (reply, i) => Tokenizer.TokenizeInto(reply.Contents[i].Rest, reply.Names, tokenBuffer, out _).Count)),
                ("context", PerLine(replies, (reply, i) =>
                {
                    var line = reply.Contents[i];
                    return new LineContext(line.Rest, line.StepNumber, line.NameHint, reply.Names, LineSection.None, reply.Knowledge, !line.ListItem, tokenBuffer).Sentences.Count;
                })),
                ("read", PerLine(replies, (reply, i) =>
                {
                    var line = reply.Contents[i];
                    return LineReader.Read(line.Rest, line.StepNumber, line.NameHint, reply.Names, LineSection.None, reply.Knowledge, !line.ListItem).Claims.Count;
                })),
                ("events", () =>
                {
                    foreach (var reply in replies)
                    {
                        Sink += new ParseRun(reply.Case.Reply, reply.Case.Options, reply.Pattern).ReadEvents().Count;
                    }
                }),

                // The document pass changes the events it reads (list numbers), so it reads copies; the copying is timed
                // on its own and taken off.
                ("copy", () =>
                {
                    foreach (var reply in replies)
                    {
                        Sink += Copies(reply.Events).Count;
                    }
                }),
                ("copy+document", () =>
                {
                    foreach (var reply in replies)
                    {
                        var pass = new DocumentPass(reply.Knowledge, reply.SingleWrite, reply.Case.Options.Answers.Allows(AnswerStyle.Prose));
                        pass.Run(Copies(reply.Events));
                        Sink += pass.Claims.Count;
                    }
                }),
                ("align", () =>
                {
                    foreach (var reply in replies)
                    {
                        Sink += TraceAligner.Align(reply.Case.Program, reply.Case.Trace, reply.Parsed).Claims.Count;
                    }
                }),
                ("score", () =>
                {
                    foreach (var reply in replies)
                    {
                        Sink += CaseScorer.Score(reply.Case.Trace, reply.Parsed) is null ? 0 : 1;
                    }
                }),
            ];

            // Rounds of one short slice per part, each part's best pass kept: the parts of a row are measured interleaved,
            // so a slow phase of a shared machine slows them all rather than whichever came last.
            var best = new double[parts.Length];
            Array.Fill(best, double.MaxValue);
            for (var round = 0; round < rounds; round++)
            {
                for (var k = 0; k < parts.Length; k++)
                {
                    best[k] = Math.Min(best[k], BestPass(slice, parts[k].Pass) / replies.Count);
                }
            }

            var at = parts.Select((part, k) => (part.Name, k)).ToDictionary(p => p.Name, p => best[p.k]);

            // The line reader tokenizes and builds the context itself: those parts are inside "read", not beside it.
            var loop = at["events"] - (at["split"] + at["answers"] + at["task"] + at["norm"] + at["restart"] + at["read"]);
            var document = at["copy+document"] - at["copy"];
            var result = at["parse"] - at["events"] - document;
            var classify = at["score"] - at["align"];
            var lines = replies.Average(reply => reply.Lines.Length);
            var claims = replies.Average(reply => reply.Parsed.Claims.Count);
            Console.WriteLine($"{label,-17} {at["parse"],7:0.0} | {at["split"],6:0.0} {at["answers"],7:0.0} {at["task"],6:0.0} {at["norm"],6:0.0} {at["restart"],7:0.0} {at["tokens"],7:0.0} {at["context"],7:0.0} {at["read"],7:0.0} {loop,6:0.0} | {document,8:0.0} {result,6:0.0} | {at["align"],6:0.0} {classify,8:0.0} | {at["parse"] + at["score"],6:0.0} {lines,6:0} {claims,6:0}");

            // Bytes allocated per reply by each part, from one more pass of it: garbage is paid for later, by whichever
            // part happens to be running when a collection comes, so the times above do not show who made it.
            var kb = parts.ToDictionary(part => part.Name, part => AllocatedKilobytes(part.Pass) / replies.Count);
            var loopKb = kb["events"] - (kb["split"] + kb["answers"] + kb["task"] + kb["norm"] + kb["restart"] + kb["read"]);
            var documentKb = kb["copy+document"] - kb["copy"];
            Console.WriteLine($"{"  KB allocated",-17} {kb["parse"],7:0.0} | {kb["split"],6:0.0} {kb["answers"],7:0.0} {kb["task"],6:0.0} {kb["norm"],6:0.0} {kb["restart"],7:0.0} {kb["tokens"],7:0.0} {kb["context"],7:0.0} {kb["read"],7:0.0} {loopKb,6:0.0} | {documentKb,8:0.0} {kb["parse"] - kb["events"] - documentKb,6:0.0} | {kb["align"],6:0.0} {kb["score"] - kb["align"],8:0.0} | {kb["parse"] + kb["score"],6:0.0}");
        }

        Console.WriteLine("tokens and context are parts of read; loop = line pass - (split + answers + task + norm + restart + read): the line loop's own work;");
        Console.WriteLine("document = the document pass on the line pass's events; result = parse - line pass - document; classify = score - align; full = parse + score;");
        Console.WriteLine("KB allocated: the same parts' garbage per reply, from one pass each");
        return 0;
    }

    private static List<ReadEvent> Copies(List<ReadEvent> events) => events.ConvertAll(e => e.Copy());

    // One reply of a row with its lines, and the tables the parser reads it with (those it keeps for its options).
    // The line pass's events and the parse's result are made once, for the parts that start from them.
    private sealed record Prepared(
        PipelineCase Case,
        string[] Lines,
        LinePrefix.Stripped[] Contents,
        NameRules Names,
        ReaderKnowledge Knowledge,
        HashSet<string> SingleWrite,
        System.Text.RegularExpressions.Regex? Pattern,
        List<ReadEvent> Events,
        ParsedTrace Parsed)
    {
        public static Prepared Of(PipelineCase reply)
        {
            var tables = ParseRun.TablesFor(reply.Options);
            var lines = reply.Reply.Split('\n').Select(line => line.TrimEnd('\r')).Where(line => line.Trim().Length > 0).ToArray();
            var pattern = reply.Options.Answers.CompilePattern();
            return new Prepared(
                reply,
                lines,
                [.. lines.Select(line => LinePrefix.Strip(LineNormalizer.Normalize(line)))],
                tables.Names,
                tables.Knowledge,
                tables.SingleWrite,
                pattern,
                new ParseRun(reply.Reply, reply.Options, pattern).ReadEvents(),
                TraceParser.Parse(reply.Reply, reply.Options));
        }
    }

    // Where the parts' results go, so that no part is optimized away.
    private static int Sink;

    private static Action PerLine(List<Prepared> replies, Func<Prepared, int, int> part) => () =>
    {
        foreach (var reply in replies)
        {
            for (var i = 0; i < reply.Lines.Length; i++)
            {
                Sink += part(reply, i);
            }
        }
    };

    private static double AllocatedKilobytes(Action pass)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        pass();
        return (GC.GetAllocatedBytesForCurrentThread() - before) / 1024.0;
    }

    // µs of the best pass over every reply within `seconds`.
    private static double BestPass(double seconds, Action pass)
    {
        var best = double.MaxValue;
        var slice = Stopwatch.StartNew();
        do
        {
            var one = Stopwatch.StartNew();
            pass();
            best = Math.Min(best, one.Elapsed.TotalMicroseconds);
        }
        while (slice.Elapsed.TotalSeconds < seconds);

        return best;
    }
}
