using Faithful.Traces.Parsing;

namespace Faithful.Traces.Prompts;

/// <summary>
/// A prompt with <c>{{placeholder}}</c> slots (see docs/prompt-templates.md). The id carries the version
/// (<c>process-aware/v1</c>): a template's text never changes under the same id, so runs stay comparable.
/// </summary>
/// <param name="Id"><c>name/vN</c>; a template without a <c>/</c> is version <c>v1</c>.</param>
/// <param name="Body">The user message, with placeholders.</param>
/// <param name="System">An optional system message, with placeholders.</param>
/// <param name="Answers">How replies to this template mark their final answer; the default reads every built-in style.</param>
public sealed record PromptTemplate(string Id, string Body, string? System = null, AnswerExtraction? Answers = null)
{
    /// <summary>The template's name: the id before the version (<c>process-aware</c>).</summary>
    public string Name => Id.Contains('/', StringComparison.Ordinal) ? Id[..Id.LastIndexOf('/')] : Id;

    /// <summary>The template's version: the id after the last <c>/</c> (<c>v1</c>).</summary>
    public string Version => Id.Contains('/', StringComparison.Ordinal) ? Id[(Id.LastIndexOf('/') + 1)..] : "v1";

    /// <summary>The answer settings in force: <see cref="Answers"/> or every built-in style.</summary>
    public AnswerExtraction AnswerSettings => Answers ?? AnswerExtraction.Default;

    /// <summary>A user template.</summary>
    /// <exception cref="ArgumentException">The id or body is empty.</exception>
    public static PromptTemplate Custom(string body, string id = "custom/v1", string? system = null, AnswerExtraction? answers = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(body);
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return new PromptTemplate(id, body, system, answers);
    }
}
