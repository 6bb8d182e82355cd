using Faithful.Model;
using Faithful.Traces.Parsing;
using Faithful.Traces.Scoring;

namespace Faithful.Traces.Simulation;

/// <summary>
/// What a simulated model did on purpose: the failure mode it injected (or <see cref="FailureMode.Correct"/>),
/// the variant of that mode, the style it wrote in, and the verdict each step should get.
/// </summary>
public sealed record InjectedLabel(FailureMode Mode, string Variant, ReplyStyle Style, EquatableArray<StepVerdict> StepVerdicts)
{
    /// <summary>Compact text for <c>ChatResponse.AdditionalProperties</c> and run metadata: <c>UnderExecuted/copy</c>.</summary>
    public override string ToString() => $"{Mode}/{Variant}";
}

/// <summary>A simulated reply: its text, the label of what was injected, and the parse the script implies (what a perfect parser would read).</summary>
public sealed record SimulatedReply(string Text, InjectedLabel Label, ParsedTrace ScriptParse);
