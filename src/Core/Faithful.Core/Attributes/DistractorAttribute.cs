namespace Faithful;

/// <summary>
/// Marks a step of a reference program as an intentional distractor: it is computed but never read,
/// so the dead-step diagnostic does not apply to it.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class DistractorAttribute : Attribute
{
    public DistractorAttribute(string step)
    {
        Step = step;
    }

    /// <summary>The step (local variable) name.</summary>
    public string Step { get; }
}
