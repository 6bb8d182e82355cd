using Faithful.Model;
using Microsoft.Extensions.AI;

namespace Faithful.Traces.Simulation;

/// <summary>
/// Names the case a request is about, so that a simulated model (which has no understanding of prompts)
/// knows which program to execute on which inputs. Attach it to a request with <see cref="AttachTo"/>:
/// it travels in <c>ChatOptions.AdditionalProperties["faithful.case"]</c>. Real models ignore it.
/// </summary>
/// <param name="ProgramId">The program's <see cref="StepProgram.Id"/>, resolved through the simulated model's <see cref="ProgramCatalog"/>.</param>
/// <param name="Inputs">The inputs, in parameter order.</param>
/// <param name="Sample">Zero-based sample index: the same case and sample always get the same simulated reply.</param>
public sealed record CaseRef(string ProgramId, EquatableArray<Value> Inputs, int Sample = 0)
{
    /// <summary>The <see cref="ChatOptions.AdditionalProperties"/> key that carries a <see cref="CaseRef"/>.</summary>
    public const string PropertyKey = "faithful.case";

    public static CaseRef For(StepProgram program, IReadOnlyList<Value> inputs, int sample = 0)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(inputs);
        return new CaseRef(program.Id, inputs.ToEquatableArray(), sample);
    }

    /// <summary>Returns <paramref name="options"/> (or new options) carrying this case.</summary>
    public ChatOptions AttachTo(ChatOptions? options = null)
    {
        options ??= new ChatOptions();
        options.AdditionalProperties ??= [];
        options.AdditionalProperties[PropertyKey] = this;
        return options;
    }

    /// <summary>The case a request carries, or null.</summary>
    public static CaseRef? From(ChatOptions? options) =>
        options?.AdditionalProperties is { } properties && properties.TryGetValue(PropertyKey, out var value) ? value as CaseRef : null;
}
