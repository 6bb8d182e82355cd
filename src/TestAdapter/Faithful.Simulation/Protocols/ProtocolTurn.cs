using Faithful.Model;
using Microsoft.Extensions.AI;

namespace Faithful.Traces.Simulation.Protocols;

/// <summary>What a protocol turn asks of the model.</summary>
public enum TurnTask
{
    /// <summary>Execute steps <c>[FromStep, ToStep)</c> and, when asked, give the final answer.</summary>
    Execute,

    /// <summary>Write the computation as statements over the inputs without evaluating them.</summary>
    Plan,

    /// <summary>Say what each step does and which earlier values it reads.</summary>
    Explain,
}

/// <summary>
/// Tells a simulated model what one turn of a multi-turn protocol asks, since it cannot read prompts (as
/// <see cref="CaseRef"/> tells it which case). It travels in <c>ChatOptions.AdditionalProperties["faithful.turn"]</c>
/// and, like every <c>faithful.</c> tag, is removed before a request reaches a real provider.
/// </summary>
/// <param name="Protocol">The protocol's name, e.g. <c>checkpointed</c>.</param>
/// <param name="Task">What the turn asks.</param>
/// <param name="Turn">Zero-based turn index in the conversation.</param>
/// <param name="FromStep">First step the turn executes (zero-based).</param>
/// <param name="ToStep">One past the last step the turn executes.</param>
/// <param name="AsksAnswer">The turn asks for the final answer.</param>
public sealed record ProtocolTurn(string Protocol, TurnTask Task, int Turn, int FromStep, int ToStep, bool AsksAnswer)
{
    public const string PropertyKey = "faithful.turn";

    /// <summary>
    /// The values of the steps before <see cref="FromStep"/> as the conversation left them: ground truth after a
    /// checkpoint's correction, otherwise the model's own values as the tool read them. Empty means ground truth.
    /// </summary>
    public EquatableArray<Value> Held { get; init; } = EquatableArray<Value>.Empty;

    /// <summary>
    /// The request ends with assistant text (prior work put in the model's mouth) that the reply continues, rather than
    /// with a user message; the reply is the continuation only.
    /// </summary>
    public bool ContinuesAssistant { get; init; }

    /// <summary>For a metamorphic variant: the case it was derived from.</summary>
    public VariantOf? Variant { get; init; }

    /// <summary>Returns <paramref name="options"/> (or new options) carrying this turn.</summary>
    public ChatOptions AttachTo(ChatOptions? options = null)
    {
        options ??= new ChatOptions();
        options.AdditionalProperties ??= [];
        options.AdditionalProperties[PropertyKey] = this;
        return options;
    }

    /// <summary>The turn a request carries, or null.</summary>
    public static ProtocolTurn? From(ChatOptions? options) =>
        options?.AdditionalProperties is { } properties && properties.TryGetValue(PropertyKey, out var value) ? value as ProtocolTurn : null;
}

/// <summary>A metamorphic variant's origin: the variant's name and the base case (program and inputs).</summary>
public sealed record VariantOf(string Variant, string BaseProgramId, EquatableArray<Value> BaseInputs);
