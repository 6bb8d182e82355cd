namespace Faithful.Traces.Prompts;

/// <summary>
/// The templates Faithful ships. Their text is frozen under their id: a change gets a new version (<c>/v2</c>),
/// and snapshot tests pin every rendered character.
/// </summary>
public static class BuiltInTemplates
{
    private const string Semantics =
        "Use C# semantics: integers are 64-bit `long` values that wrap around on overflow, `/` truncates toward zero, "
        + "`%` keeps the sign of the dividend, and `& | ^ ~ << >>` act on 64-bit two's complement; `double` values follow IEEE 754.";

    /// <summary>
    /// The study's process-aware prompt: the steps as written, the inputs, and a strict format with one line per
    /// executed step and a final-answer line, so every intermediate value can be checked.
    /// </summary>
    public static PromptTemplate ProcessAware { get; } = new(
        "process-aware/v1",
        "Execute the following procedure by hand, exactly as written, one step at a time, in order.\n"
        + Semantics + "\n"
        + "\n"
        + "Inputs:\n"
        + "{{inputs}}\n"
        + "\n"
        + "Steps:\n"
        + "{{steps}}\n"
        + "\n"
        + "{{format}}\n");

    /// <summary>The control: the same procedure and inputs, asking only for the final answer.</summary>
    public static PromptTemplate FinalAnswerOnly { get; } = new(
        "final-answer-only/v1",
        "Compute the result of the following procedure.\n"
        + Semantics + "\n"
        + "\n"
        + "Inputs:\n"
        + "{{inputs}}\n"
        + "\n"
        + "Steps:\n"
        + "{{steps}}\n"
        + "\n"
        + "{{format}}\n");

    public static IReadOnlyList<PromptTemplate> All { get; } = [ProcessAware, FinalAnswerOnly];

    /// <summary>Whether a template asks only for the answer (its format block then asks for no steps).</summary>
    public static bool AsksOnlyForAnswer(PromptTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return template.Name == "final-answer-only";
    }

    /// <summary>The built-in template with this id (<c>process-aware/v1</c>), or with this name at its latest version; else null.</summary>
    public static PromptTemplate? Find(string idOrName) =>
        All.FirstOrDefault(t => string.Equals(t.Id, idOrName, StringComparison.OrdinalIgnoreCase))
        ?? All.Where(t => string.Equals(t.Name, idOrName, StringComparison.OrdinalIgnoreCase)).OrderByDescending(t => t.Version, StringComparer.Ordinal).FirstOrDefault();
}
