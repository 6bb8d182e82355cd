using Faithful.Execution;
using Faithful.Model;
using Faithful.Traces.Parsing;

namespace Faithful.Benchmarks.Parsing;

/// <summary>One benchmark input: a program, its ground truth and a reply to it.</summary>
public sealed record PipelineCase(StepProgram Program, Trace Trace, string Reply, TraceParserOptions Options);

/// <summary>A stage run after parsing, on the parse result (align, classify, ...).</summary>
public sealed record PipelineStage(string Name, Func<PipelineCase, ParsedTrace, object?> Run);

/// <summary>
/// The stages the <c>parse</c> benchmark times after parsing. Hook for the trace pipeline: add alignment and
/// classification here (e.g. <c>new("align+classify", (c, parsed) => Scorer.Score(c.Trace, parsed))</c>) and the
/// benchmark prints parse alone and parse followed by every stage, in steps per second per core.
/// </summary>
public static class PipelineStages
{
    public static IReadOnlyList<PipelineStage> AfterParse { get; } = [];
}
