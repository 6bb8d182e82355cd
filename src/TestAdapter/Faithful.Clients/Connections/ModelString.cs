namespace Faithful.Clients.Connections;

/// <summary>
/// A model string such as <c>openai:gpt-4o-mini</c>, <c>ollama:llama3.1</c>, <c>sim:study</c> or
/// <c>replay:./responses</c>: a provider, a colon, and what that provider needs (model name, profile or folder).
/// </summary>
public sealed record ModelString(string Provider, string Target)
{
    public static readonly IReadOnlyList<string> KnownProviders = ["openai", "azure", "ollama", "anthropic", "sim", "replay"];

    /// <summary>Parses <paramref name="text"/>; throws <see cref="ArgumentException"/> with the accepted forms when it is malformed.</summary>
    public static ModelString Parse(string text)
    {
        if (!TryParse(text, out var model, out var error))
        {
            throw new ArgumentException(error, nameof(text));
        }

        return model;
    }

    public static bool TryParse(string? text, out ModelString model, out string error)
    {
        model = new ModelString("", "");
        var colon = text?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (text is null || colon <= 0 || colon == text.Length - 1)
        {
            error = $"Model string '{text}' is not of the form provider:model. Use one of: openai:<model>, azure:<deployment>, ollama:<model>, anthropic:<model>, sim:<profile>, replay:<cache folder>.";
            return false;
        }

        var provider = text[..colon].Trim().ToLowerInvariant();
        if (!KnownProviders.Contains(provider))
        {
            error = $"Model string '{text}' names an unknown provider '{provider}'. Known providers: {string.Join(", ", KnownProviders)}.";
            return false;
        }

        model = new ModelString(provider, text[(colon + 1)..].Trim());
        error = "";
        return true;
    }

    public override string ToString() => $"{Provider}:{Target}";
}
