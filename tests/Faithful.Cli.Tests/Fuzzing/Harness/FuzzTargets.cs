using System.Text;
using Faithful.Model;
using Faithful.SourcePrograms;
using Faithful.SourcePrograms.Limits;
using Faithful.Traces.Parsing;
using Faithful.Transcripts;

namespace Faithful.Fuzzing;

/// <summary>The three readers of untrusted text: transcript files, program text, model replies.</summary>
public static class FuzzTargets
{
    // Reading a program may take up to its time budget; the rest of a line (JSON, the trace parser) gets a margin on top.
    private static readonly TimeSpan ReadBudget = ProgramReadLimits.Default.TimeBudget;

    public static FuzzTarget TranscriptReader { get; } = new(
        "transcripts",
        TranscriptFiles.Gen,
        RunTranscript,
        ReadBudget + TimeSpan.FromSeconds(5),
        TranscriptFiles.Bytes,
        Encoding.Latin1.GetString,
        LongRunInputs: 100_000);

    public static FuzzTarget ProgramReader { get; } = new(
        "programs",
        ProgramTexts.Gen,
        RunProgram,
        ReadBudget + TimeSpan.FromSeconds(5),
        Encoding.UTF8.GetBytes,
        Encoding.UTF8.GetString,
        LongRunInputs: 100_000);

    public static FuzzTarget TraceParser { get; } = new(
        "traces",
        ReplyTexts.Gen,
        RunTrace,
        TimeSpan.FromSeconds(5),
        Encoding.UTF8.GetBytes,
        Encoding.UTF8.GetString,
        LongRunInputs: 800_000);

    public static IReadOnlyList<FuzzTarget> All { get; } = [TranscriptReader, ProgramReader, TraceParser];

    public static FuzzTarget Named(string name) =>
        All.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"No fuzz target '{name}'; targets: {string.Join(", ", All.Select(t => t.Name))}.", nameof(name));

    private static readonly Lazy<StepProgram[]> Programs = new(() =>
    [
        Read("var s1 = a + b;\nvar s2 = s1 * a;\nvar s3 = s2 - s1;\nvar s4 = s3 / b;", "long a, long b", "s4"),
        Read("a2 -= a3;\na1 = a0;\na4 += a1;\na0 &= a4;\nfor (var i = 0; i < 3; i++) { a3 += a2; }", "long a0, long a1, long a2, long a3, long a4", "a3"),
        Read("x *= n;\nvar y = x / 4;\nvar z = Math.Max(y, x) - 1.5;", "double x, long n", "z"),
    ]);

    private static StepProgram Read(string statements, string parameters, string answer) =>
        CSharpProgramReader.ReadStatements(statements, parameters, ProgramAnswer.Of(answer)).Program
        ?? throw new InvalidOperationException("a fuzz target's own program does not read");

    private static void RunTranscript(string file)
    {
        TranscriptImport import;
        try
        {
            import = TranscriptScorer.Score(new MemoryStream(TranscriptFiles.Bytes(file)), "fuzz.jsonl");
        }
        catch (InvalidDataException e) when (e.Message.Contains("not a text file", StringComparison.Ordinal))
        {
            // The documented refusal of non-text input.
            return;
        }

        Check(import.Results.Count + import.Issues.Count <= import.Lines, "more results and issues than lines");
        Check(import.Issues.All(i => i.Line >= 1 && i.Line <= import.Lines && i.Reason.Length > 0), "an issue outside the file's lines or without a reason");
        Check(import.Results.All(r => r.Verdict is not null && r.Reply.Length <= Traces.Scoring.CaseScorer.MaxReplyChars), "a result without a verdict or with an unbounded reply");
    }

    private static void RunProgram(string statements)
    {
        var read = CSharpProgramReader.ReadStatements(statements, "long a0, long a1, long a2, long a3", ProgramAnswer.Of("a1"), "Fuzz", "fuzz");
        Check(read.Succeeded ? read.Problems.Count == 0 : read.Problems.Count > 0, "a read that neither succeeded nor said why");
        Check(read.Problems.All(p => p.Message.Length > 0 && p.Line >= 0), "a problem without a message");
        // A whole file is read too for one input in eight: it doubles the cost of an input.
        if (statements.Length < 4_000 && statements.Length % 8 == 0)
        {
            var source = CSharpProgramReader.ReadSource("static class P { [Faithful.ReferenceProgram] static long M(long a0, long a1, long a2, long a3) {\n" + statements + "\nreturn a1; } }", "fuzz.cs");
            Check(source.Programs.Count > 0 || source.Problems.Count > 0, "a file read that found nothing and said nothing");
        }
    }

    // Answer settings read from a prompt that asks about one input, so replies are also read for answers to other inputs.
    private static readonly Faithful.Traces.Parsing.AnswerExtraction AskedForN =
        Faithful.Traces.Parsing.AnswerExtraction.Default.WithExamplesFrom("Reply with the output of f(n) for n=3.");

    private static void RunTrace(string reply)
    {
        // One parse per input: against one of the programs (half of those asked about one input), or (one in four) with
        // no program at all.
        var programs = Programs.Value;
        var pick = (reply.Length + (reply.Length > 0 ? reply[^1] : 0)) % (programs.Length + 1);
        var parsed = pick < programs.Length
            ? Faithful.Traces.Parsing.TraceParser.Parse(reply, programs[pick], reply.Length % 2 == 0 ? AskedForN : null)
            : Faithful.Traces.Parsing.TraceParser.Parse(reply);
        Check(parsed is not null, "no parsed trace");
    }

    private static void Check(bool holds, string what)
    {
        if (!holds)
        {
            throw new FuzzInvariantException(what);
        }
    }
}
