using Faithful.Model;
using Faithful.Traces.Scoring;

namespace Faithful.Traces.Results;

/// <summary>Token counts reported by a model for one request.</summary>
public sealed record TokenCounts(long Input, long Output);

/// <summary>
/// One scored sample: a program, its inputs, a model, a sample index, the reply and the verdict.
/// This is the unit that run files stream, reports aggregate and gates compare.
/// </summary>
/// <param name="CaseId">Stable key shared by runs of the same case: program id, inputs and sample index (not the model).</param>
/// <param name="ProgramId">The program's <see cref="StepProgram.Id"/>.</param>
/// <param name="Length">The program's step count.</param>
/// <param name="LookBackDepth">The program's maximum look-back distance.</param>
/// <param name="Model">The model string (e.g. <c>sim:study</c>, <c>openai:gpt-4o-mini</c>), never a key.</param>
/// <param name="Sample">Zero-based sample index among repeated samples of the case.</param>
/// <param name="Inputs">The inputs, in parameter order.</param>
/// <param name="Reply">The model's reply (bounded, untrusted text).</param>
/// <param name="Verdict">The instrument's verdict, or null when the request failed.</param>
/// <param name="Error">Why there is no verdict (request failed, budget exhausted), else null.</param>
/// <param name="Tokens">Token usage, when the model reported it.</param>
/// <param name="Metadata">Free-form tags (family, variant, injected labels of a simulated model, imported metadata).</param>
/// <param name="Protocol">How the case was put to the model (<c>checkpointed</c>, <c>metamorphic/renamed</c>, ...); null for the
/// one-prompt, one-reply <c>single</c> protocol. Part of the result's identity: the same case under two protocols is two results.</param>
/// <param name="Evidence">What the protocol did (conversation, checkpoints, plan, ...); null for <c>single</c>.</param>
public sealed record CaseResult(
    string CaseId,
    string ProgramId,
    int Length,
    int LookBackDepth,
    string Model,
    int Sample,
    EquatableArray<Value> Inputs,
    string Reply,
    TraceVerdict? Verdict,
    string? Error = null,
    TokenCounts? Tokens = null,
    IReadOnlyDictionary<string, string>? Metadata = null,
    string? Protocol = null,
    ProtocolEvidence? Evidence = null);
