namespace Faithful;

/// <summary>
/// Marks a <c>const string</c> field as a prompt template for the named reference program.
/// Placeholders are written <c>{{name}}</c> and name a program input or step.
/// </summary>
[AttributeUsage(AttributeTargets.Field, AllowMultiple = false, Inherited = false)]
public sealed class PromptForAttribute : Attribute
{
    public PromptForAttribute(string program)
    {
        Program = program;
    }

    /// <summary>The reference program's method name (or <c>Type.Method</c>).</summary>
    public string Program { get; }
}
