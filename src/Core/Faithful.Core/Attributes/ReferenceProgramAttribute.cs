namespace Faithful;

/// <summary>
/// Marks a static method as a reference program: each executed assignment is a step,
/// later steps may read earlier ones, and the <c>return</c> names the answer.
/// The Faithful generator extracts the step structure at compile time.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class ReferenceProgramAttribute : Attribute
{
    public ReferenceProgramAttribute(string description = "")
    {
        Description = description;
    }

    /// <summary>Human-readable description, shown in prompts and reports.</summary>
    public string Description { get; }

    /// <summary>
    /// When false (the default), a <c>double</c> step that yields NaN or an infinity is a fault.
    /// </summary>
    public bool AllowNonFinite { get; set; }
}
