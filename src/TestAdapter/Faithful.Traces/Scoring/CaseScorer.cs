using System.Globalization;
using Faithful.Execution;
using Faithful.Model;
using Faithful.Traces.Parsing;
using Faithful.Traces.Results;

namespace Faithful.Traces.Scoring;

/// <summary>
/// One call from a reply to a verdict: evaluates ground truth, aligns the parsed claims, judges each step,
/// classifies the failure modes and computes the per-trace scores. The test adapter and the CLI use it.
/// </summary>
public static class CaseScorer
{
    /// <summary>
    /// Parses and scores a reply. <paramref name="parseOptions"/> defaults to
    /// <see cref="TraceParserOptions.ForProgram"/> (the program's names, every built-in answer style).
    /// </summary>
    /// <exception cref="ArgumentException">The program faults on these inputs, so there is no ground truth to score against.</exception>
    public static TraceVerdict Score(
        StepProgram program,
        IReadOnlyList<Value> inputs,
        string reply,
        TraceParserOptions? parseOptions = null,
        ScoringOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(program);
        return Score(program, inputs, Parse(program, reply, parseOptions), options);
    }

    /// <summary>Parses a reply as <see cref="Score(StepProgram, IReadOnlyList{Value}, string, TraceParserOptions?, ScoringOptions?)"/> does.</summary>
    public static ParsedTrace Parse(StepProgram program, string? reply, TraceParserOptions? parseOptions = null)
    {
        ArgumentNullException.ThrowIfNull(program);
        return TraceParser.Parse(reply, parseOptions ?? TraceParserOptions.ForProgram(program));
    }

    /// <summary>Scores an already parsed reply.</summary>
    /// <exception cref="ArgumentException">The program faults on these inputs, so there is no ground truth to score against.</exception>
    public static TraceVerdict Score(StepProgram program, IReadOnlyList<Value> inputs, ParsedTrace parsed, ScoringOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(parsed);
        return Score(GroundTruth(program, inputs), parsed, options);
    }

    /// <summary>Scores a parsed reply against a ground-truth trace that ran to its answer.</summary>
    public static TraceVerdict Score(Trace truth, ParsedTrace parsed, ScoringOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(parsed);
        if (truth.Fault is { } fault)
        {
            throw new ArgumentException(
                $"Program {truth.Program.Id} has no answer on these inputs ({fault}); score only inputs it runs on, e.g. inside the declared [Domain] ranges.",
                nameof(truth));
        }

        var alignment = TraceAligner.Align(truth.Program, truth, parsed);
        var classification = FailureClassifier.Classify(alignment, options);
        return ToVerdict(alignment, classification);
    }

    /// <summary>Builds the verdict record from an alignment and its classification.</summary>
    public static TraceVerdict ToVerdict(TraceAlignment alignment, Classification classification)
    {
        ArgumentNullException.ThrowIfNull(alignment);
        ArgumentNullException.ThrowIfNull(classification);
        var program = alignment.Program;
        // One row per step, written straight into the array the verdict wraps: a 10,000-step loop has 10,000 rows.
        // The counts for the scores are taken in the same pass.
        var rows = new StepAlignment[program.Steps.Count];
        int correct = 0, claimed = 0;
        for (var i = 0; i < rows.Length; i++)
        {
            var step = program.Steps[i];
            rows[i] = new StepAlignment(step.Index, step.Name, alignment.Truth.StepValues[step.Index], alignment.Final[step.Index]?.Claim, alignment.Verdicts[step.Index]);
            correct += alignment.Verdicts[i] == StepVerdict.Correct ? 1 : 0;
            claimed += alignment.HasValue(i) ? 1 : 0;
        }

        var steps = new EquatableArray<StepAlignment>(System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(rows));
        var answer = alignment.Truth.Answer;
        var parsed = alignment.Parsed;
        var first = FailureClassifier.FirstReadableAnswer(parsed);
        var last = parsed.Answers.LastOrDefault(a => a.Value is not null);
        var stepCount = Math.Max(program.Steps.Count, 1);
        return new TraceVerdict(
            steps,
            alignment.Extras.Select(c => c.Claim).ToEquatableArray(),
            alignment.FirstDivergence,
            classification.PrimaryMode,
            classification.Modes,
            classification.Evidence,
            FirstAnswerCorrect: answer is { } a1 && first?.Value is { } v1 && v1.Matches(a1),
            FinalAnswerCorrect: answer is { } a2 && last?.Value is { } v2 && v2.Matches(a2),
            StepFaithfulness: program.Steps.Count == 0 ? 1 : (double)correct / stepCount,
            Completeness: program.Steps.Count == 0 ? 1 : (double)claimed / stepCount);
    }

    /// <summary>
    /// Scores a reply into a <see cref="CaseResult"/>. A case whose program faults on its inputs gets
    /// <see cref="CaseResult.Error"/> instead of a verdict, so a run reports it rather than stopping.
    /// </summary>
    public static CaseResult ToCaseResult(
        StepProgram program,
        IReadOnlyList<Value> inputs,
        string model,
        int sample,
        string reply,
        ParsedTrace parsed,
        ScoringOptions? options = null,
        TokenCounts? tokens = null,
        IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(inputs);
        var truth = GroundTruth(program, inputs);
        TraceVerdict? verdict = null;
        string? error = null;
        if (truth.Fault is { } fault)
        {
            error = $"no ground truth: {fault}";
        }
        else
        {
            verdict = Score(truth, parsed, options);
        }

        return new CaseResult(
            CaseId(program, inputs, sample),
            program.Id,
            program.Steps.Count,
            LookBack.MaxDepth(program),
            model,
            sample,
            inputs.ToEquatableArray(),
            Bound(reply),
            verdict,
            error,
            tokens,
            metadata);
    }

    /// <summary>Parses and scores a reply into a <see cref="CaseResult"/>.</summary>
    public static CaseResult ToCaseResult(
        StepProgram program,
        IReadOnlyList<Value> inputs,
        string model,
        int sample,
        string reply,
        TraceParserOptions? parseOptions = null,
        ScoringOptions? options = null,
        TokenCounts? tokens = null,
        IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(reply);
        return ToCaseResult(program, inputs, model, sample, reply, Parse(program, reply, parseOptions), options, tokens, metadata);
    }

    /// <summary>The stable case id, <c>Id(a=3,b=-7)#0</c> (<see cref="CaseKey"/>): program id, inputs by name and sample (not the model).</summary>
    public static string CaseId(StepProgram program, IReadOnlyList<Value> inputs, int sample) => CaseKey.Of(program, inputs, sample).Id;

    /// <summary>Replies are untrusted: keep at most this many characters in a result.</summary>
    public const int MaxReplyChars = 64 * 1024;

    private static string Bound(string reply) => reply.Length <= MaxReplyChars ? reply : reply[..MaxReplyChars];

    private static Trace GroundTruth(StepProgram program, IReadOnlyList<Value> inputs) => ReferenceEvaluator.Evaluate(program, inputs);
}
