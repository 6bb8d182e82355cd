using Faithful.Traces.Parsing;
using Microsoft.Extensions.AI;

namespace Faithful.Traces.Prompts;

/// <summary>A prompt ready to send: the messages, the template that made them, and how to read the answer.</summary>
/// <param name="System">The system message, or null.</param>
/// <param name="User">The user message.</param>
/// <param name="TemplateId">The template's id, e.g. <c>process-aware/v1</c>.</param>
/// <param name="TemplateVersion">The version part of the id, e.g. <c>v1</c>.</param>
/// <param name="Answers">The answer settings the template asks for, with the prompt's own example answers marked as echoes.</param>
public sealed record RenderedPrompt(string? System, string User, string TemplateId, string TemplateVersion, AnswerExtraction Answers)
{
    /// <summary>The messages for an <see cref="IChatClient"/>: the system message (when there is one), then the user message.</summary>
    public IList<ChatMessage> ToChatMessages()
    {
        var messages = new List<ChatMessage>(2);
        if (!string.IsNullOrEmpty(System))
        {
            messages.Add(new ChatMessage(ChatRole.System, System));
        }

        messages.Add(new ChatMessage(ChatRole.User, User));
        return messages;
    }

    /// <summary>The whole prompt as one text (system, blank line, user), for caching keys and reports.</summary>
    public string Text => string.IsNullOrEmpty(System) ? User : $"{System}\n\n{User}";
}
