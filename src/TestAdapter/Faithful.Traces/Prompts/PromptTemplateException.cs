namespace Faithful.Traces.Prompts;

/// <summary>A template names a placeholder the program does not have. The message names it, where it is, and the closest valid name.</summary>
public sealed class PromptTemplateException : Exception
{
    public PromptTemplateException()
    {
    }

    public PromptTemplateException(string message)
        : base(message)
    {
    }

    public PromptTemplateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal PromptTemplateException(IReadOnlyList<TemplateProblem> problems)
        : base(string.Join(Environment.NewLine, problems.Select(p => p.Message)))
    {
        Problems = problems;
    }

    /// <summary>Every problem found, in template order.</summary>
    public IReadOnlyList<TemplateProblem> Problems { get; } = [];
}

/// <summary>One unknown placeholder: its name, one-based line and column in the template, and the closest valid name, if any is close.</summary>
public sealed record TemplateProblem(string TemplateId, string Placeholder, int Line, int Column, string? Suggestion, string Message);
