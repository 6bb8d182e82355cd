using Faithful.Execution;
using Faithful.Model;
using Faithful.Traces.Parsing;
using Faithful.Traces.Scoring;

namespace Faithful.Benchmarks.Parsing;

/// <summary>One benchmark input: a program, its ground truth and a reply to it.</summary>
public sealed record PipelineCase(StepProgram Program, Trace Trace, string Reply, TraceParserOptions Options);

/// <summary>A stage run after parsing, on the parse result (align, classify, ...).</summary>
public sealed record PipelineStage(string Name, Func<PipelineCase, ParsedTrace, object?> Run);

/// <summary>
/// The stages the <c>parse</c> benchmark times after parsing: alignment and classification, so the benchmark prints
/// parse alone and parse followed by every stage, in steps per second per core.
/// </summary>
public static class PipelineStages
{
    public static IReadOnlyList<PipelineStage> AfterParse { get; } =
    [
        new("align+classify", (c, parsed) => CaseScorer.Score(c.Trace, parsed)),
    ];
}
