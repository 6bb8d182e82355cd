using System.Globalization;
using Faithful.Execution;
using Faithful.Model;
using Faithful.Traces.Parsing;
using Faithful.Traces.Scoring;

namespace Faithful.Reports.RunFiles.Compact;

/// <summary>An extra claim kept in a compact verdict: its reply line and value (its text is that reply line).</summary>
public sealed record CompactClaim(int Line, string? Value, int Attempt = 0);

/// <summary>The extra claims of a verdict: how many, and the first <see cref="CompactVerdict.MaxExtraClaims"/>.</summary>
public sealed record CompactExtras(int Count, IReadOnlyList<CompactClaim> Claims);

/// <summary>A mode's evidence with its reply lines and step indices as ranges (<c>0-9999</c> for every step of a long program).</summary>
public sealed record CompactEvidence(FailureMode Mode, string Explanation, string Lines, string Steps);

/// <summary>
/// A <see cref="TraceVerdict"/> as <c>faithful.run/2</c> stores it: the headline fields, one code per step (run-length
/// encoded), the reply line of each claimed step (as deltas), and only the claimed values that differ from ground truth.
/// With the program's ground truth and the reply it expands back to the full verdict (<see cref="Expand"/>): every step's
/// expected value, claimed value, reply line and verdict. What it does not keep: a claim's name, step number, shown work
/// and reading kind as the parser saw them (the claim's text is its reply line), and extra claims past the first 50.
/// </summary>
public sealed record CompactVerdict(
    FailureMode Mode,
    IReadOnlyList<FailureMode> Modes,
    bool First,
    bool Final,
    double Faith,
    double Complete,
    int? Div,
    string Steps,
    string Lines,
    IReadOnlyDictionary<string, string?>? Values,
    IReadOnlyDictionary<string, int>? Attempts,
    CompactExtras? Extra,
    IReadOnlyList<CompactEvidence> Evidence)
{
    /// <summary>Extra claims kept (the count keeps them all).</summary>
    public const int MaxExtraClaims = 50;

    /// <summary>Longest evidence explanation kept.</summary>
    public const int MaxExplanationChars = 2000;

    public static CompactVerdict From(TraceVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        Dictionary<string, string?>? values = null;
        Dictionary<string, int>? attempts = null;
        var lines = new List<int>();
        foreach (var step in verdict.Steps.AsSpan())
        {
            if (step.Claim is not { } claim)
            {
                continue;
            }

            lines.Add(claim.Line);
            var text = claim.Value?.Text;
            if (text != Fallback(step.Verdict, step.Expected))
            {
                (values ??= new(StringComparer.Ordinal))[Key(step.StepIndex)] = text;
            }

            if (claim.Attempt != 0)
            {
                (attempts ??= new(StringComparer.Ordinal))[Key(step.StepIndex)] = claim.Attempt;
            }
        }

        var extras = verdict.ExtraClaims.Count == 0
            ? null
            : new CompactExtras(verdict.ExtraClaims.Count, verdict.ExtraClaims.Take(MaxExtraClaims).Select(c => new CompactClaim(c.Line, c.Value?.Text, c.Attempt)).ToList());
        return new CompactVerdict(
            verdict.PrimaryMode,
            verdict.Modes.ToList(),
            verdict.FirstAnswerCorrect,
            verdict.FinalAnswerCorrect,
            verdict.StepFaithfulness,
            verdict.Completeness,
            verdict.FirstDivergence,
            StepCodes.Encode(verdict.Steps.AsSpan()),
            IntRuns.Deltas(lines),
            values,
            attempts,
            extras,
            verdict.Evidence.Select(Compact).ToList());
    }

    /// <summary>
    /// What <see cref="Headline"/> gives for <paramref name="verdict"/> once stored and read back, without serializing it:
    /// for summarizing results as they are written, equal to summarizing them read back from the file.
    /// </summary>
    public static TraceVerdict HeadlineOf(TraceVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        return verdict with
        {
            Steps = EquatableArray<StepAlignment>.Empty,
            ExtraClaims = EquatableArray<ParsedClaim>.Empty,
            Evidence = verdict.Evidence.Select(StoredEvidence).ToEquatableArray(),
        };
    }

    // Evidence as the file gives it back: its lines and steps are stored as ranges, which read back as the same lists,
    // so only the explanation changes (bounded). Not a round trip through the ranges: an under-executed 10,000-step
    // reply cites thousands of steps, and parsing them back was a twentieth of what `score` allocated.
    private static Evidence StoredEvidence(Evidence evidence)
    {
        var explanation = StoredExplanation(evidence);
        return ReferenceEquals(explanation, evidence.Explanation) ? evidence : evidence with { Explanation = explanation };
    }

    private static CompactEvidence Compact(Evidence evidence) =>
        new(evidence.Mode, StoredExplanation(evidence), IntRuns.Ranges(evidence.Lines), IntRuns.Ranges(evidence.StepIndices));

    // One bound for the file and for the headline summarized without it, so the two cannot drift apart.
    private static string StoredExplanation(Evidence evidence) => Formats.Text.Bound(evidence.Explanation, MaxExplanationChars);

    /// <summary>
    /// The verdict's headline (modes, evidence, answers, scores, first divergence) without the per-step table, which needs
    /// ground truth: what aggregation, gates and agreement read. <see cref="TraceVerdict.Steps"/> and
    /// <see cref="TraceVerdict.ExtraClaims"/> are empty; use <see cref="Expand"/> for them.
    /// </summary>
    public TraceVerdict Headline() => new(
        EquatableArray<StepAlignment>.Empty,
        EquatableArray<ParsedClaim>.Empty,
        Div,
        Mode,
        Modes.ToEquatableArray(),
        Evidence.Select(ToEvidence).ToEquatableArray(),
        First,
        Final,
        Faith,
        Complete);

    /// <summary>The full verdict, from the program's ground truth and the reply the verdict was given on.</summary>
    /// <exception cref="FormatException">The stored steps do not fit the program (another program, or a damaged line).</exception>
    public TraceVerdict Expand(Trace truth, string reply)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(reply);
        var program = truth.Program;
        var codes = StepCodes.Decode(Steps, program.Steps.Count);
        if (codes.Count != program.Steps.Count || truth.StepValues.Count < program.Steps.Count)
        {
            throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"the stored verdict has {codes.Count} steps but program {program.Id} has {program.Steps.Count}."));
        }

        var replyLines = reply.Split('\n');
        var claimLines = IntRuns.ParseDeltas(Lines, program.Steps.Count);
        var next = 0;
        var steps = new StepAlignment[program.Steps.Count];
        for (var s = 0; s < steps.Length; s++)
        {
            var (verdict, hasClaim) = codes[s];
            var expected = truth.StepValues[s];
            ParsedClaim? claim = null;
            if (hasClaim)
            {
                if (next >= claimLines.Count)
                {
                    throw new FormatException("the stored verdict has fewer claim lines than claimed steps.");
                }

                var line = claimLines[next++];
                var text = Values is not null && Values.TryGetValue(Key(s), out var stored) ? stored : Fallback(verdict, expected);
                var attempt = Attempts is not null && Attempts.TryGetValue(Key(s), out var a) ? a : 0;
                claim = new ParsedClaim(line, attempt, null, null, text is null ? null : ParseValue(text), null, ReplyLine(replyLines, line));
            }

            steps[s] = new StepAlignment(s, program.Steps[s].Name, expected, claim, verdict);
        }

        var extras = Extra?.Claims.Select(c => new ParsedClaim(c.Line, c.Attempt, null, null, c.Value is null ? null : ParseValue(c.Value), null, ReplyLine(replyLines, c.Line))) ?? [];
        return Headline() with
        {
            Steps = steps.ToEquatableArray(),
            ExtraClaims = extras.ToEquatableArray(),
        };
    }

    private static Evidence ToEvidence(CompactEvidence evidence) =>
        new(evidence.Mode, evidence.Explanation, IntRuns.ParseRanges(evidence.Lines).ToEquatableArray(), IntRuns.ParseRanges(evidence.Steps).ToEquatableArray());

    // The claimed value a step is taken to have when none is stored: ground truth, unless the step has no readable claim.
    private static string? Fallback(StepVerdict verdict, Value expected) => verdict == StepVerdict.Missing ? null : expected.ToString();

    private static string Key(int stepIndex) => stepIndex.ToString(CultureInfo.InvariantCulture);

    // The claim's text is its reply line, as bounded as the parser keeps it.
    private static string ReplyLine(string[] lines, int line) =>
        line >= 1 && line <= lines.Length ? Formats.Text.Bound(lines[line - 1].TrimEnd('\r').Trim(), 300) : "";

    private static ParsedValue ParseValue(string text)
    {
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
        {
            return new ParsedValue(text, whole, whole);
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real)
            ? new ParsedValue(text, null, real)
            : new ParsedValue(text, null, double.NaN);
    }
}
