using Faithful.Model;
using Faithful.Traces.Results;
using Faithful.Traces.Scoring;

namespace Faithful.Clients.Running;

/// <summary>One request to make: a program, its inputs, and which repeated sample this is.</summary>
public sealed record FaithfulCase(StepProgram Program, EquatableArray<Value> Inputs, int Sample = 0)
{
    /// <summary>The case's identity (program, inputs by name, sample), shared with every other producer of results.</summary>
    public CaseKey Key => CaseKey.Of(Program, Inputs, Sample);

    /// <summary>Stable across runs and models: <c>Namespace.Type.Method(a=3,b=-7)#0</c> (<see cref="CaseKey.Id"/>).</summary>
    public string CaseId => Key.Id;

    /// <summary>The inputs as <c>a=3,b=-7</c>.</summary>
    public string InputText => string.Join(",", Program.Parameters.Select((p, i) => $"{p.Name}={(i < Inputs.Count ? Inputs[i].ToString() : "?")}"));

    /// <summary>This case's result for <paramref name="model"/>, in the one shape every runner writes.</summary>
    public CaseResult ToResult(string model, string reply, TraceVerdict? verdict, string? error, TokenCounts? tokens, IReadOnlyDictionary<string, string>? metadata) => new(
        CaseId,
        Program.Id,
        Program.Steps.Count,
        LookBack.MaxDepth(Program),
        model,
        Sample,
        Inputs,
        reply,
        verdict,
        error,
        tokens,
        metadata);

    /// <summary>The same case as sample <paramref name="sample"/>.</summary>
    public FaithfulCase AsSample(int sample) => this with { Sample = sample };
}
