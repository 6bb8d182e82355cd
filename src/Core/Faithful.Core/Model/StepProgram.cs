namespace Faithful.Model;

/// <summary>
/// A reference program: inputs, straight-line steps in execution order, and the answer expression.
/// Immutable and equal by value; <see cref="Serialization.ProgramJson"/> gives its stable JSON form.
/// </summary>
/// <param name="Name">The method name.</param>
/// <param name="Description">From <see cref="ReferenceProgramAttribute"/>.</param>
/// <param name="Parameters">Inputs, in slot order.</param>
/// <param name="Steps">Steps, in execution order.</param>
/// <param name="Result">The answer, usually a <see cref="Ref"/> to the last step.</param>
/// <param name="ResultSourceText">The <c>return</c> expression as written.</param>
/// <param name="ContainingType">Full name of the declaring type, without <c>global::</c>, or null.</param>
/// <param name="AllowNonFinite">When false, a NaN or infinite double step is a fault.</param>
public sealed record StepProgram(
    string Name,
    string Description,
    EquatableArray<Parameter> Parameters,
    EquatableArray<Step> Steps,
    Expr Result,
    string ResultSourceText,
    string? ContainingType = null,
    bool AllowNonFinite = false)
{
    /// <summary><c>Namespace.Type.Method</c>, unique within a catalog.</summary>
    public string Id => ContainingType is null ? Name : $"{ContainingType}.{Name}";

    public ValueKind ResultKind => Result.Kind;

    public int SlotCount => Parameters.Count + Steps.Count;

    public int SlotOfStep(int stepIndex) => Parameters.Count + stepIndex;

    /// <summary>The name of a slot: an input's name or a step's <see cref="Step.Name"/>.</summary>
    public string SlotName(int slot) => slot < Parameters.Count ? Parameters[slot].Name : Steps[slot - Parameters.Count].Name;

    public ValueKind SlotKind(int slot) => slot < Parameters.Count ? Parameters[slot].Kind : Steps[slot - Parameters.Count].Kind;

    /// <summary>The step with this <see cref="Step.Name"/>, or null.</summary>
    public Step? FindStep(string name)
    {
        foreach (var step in Steps)
        {
            if (step.Name == name)
            {
                return step;
            }
        }

        return null;
    }

    /// <summary>The slot the answer reads directly when the result is a plain reference, else null.</summary>
    public int? ResultSlot => Result is Ref r ? r.Slot : null;
}
