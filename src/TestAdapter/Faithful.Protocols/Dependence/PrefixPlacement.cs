namespace Faithful.Protocols;

/// <summary>How a trace-dependence protocol puts the steps it shows into the conversation (<c>--prefix-as</c>).</summary>
public enum PrefixPlacement
{
    /// <summary>As prior assistant work where the provider continues a final assistant message (Anthropic, Ollama, the simulated model), else quoted in the user turn.</summary>
    Auto,

    /// <summary>As the start of the assistant's own reply, which the model continues (prefill).</summary>
    Assistant,

    /// <summary>Quoted in the user turn, with the instruction to continue or to answer.</summary>
    User,
}

/// <summary>Resolves <see cref="PrefixPlacement.Auto"/> from the provider a client names.</summary>
public static class PrefixPlacements
{
    /// <summary>Providers whose chat API continues a final assistant message instead of starting a new one.</summary>
    public static IReadOnlyList<string> ContinuingProviders { get; } = ["anthropic", "ollama", "faithful-simulation"];

    public static PrefixPlacement Resolve(PrefixPlacement placement, string? providerName) => placement switch
    {
        PrefixPlacement.Auto => providerName is not null && ContinuingProviders.Contains(providerName, StringComparer.OrdinalIgnoreCase)
            ? PrefixPlacement.Assistant
            : PrefixPlacement.User,
        _ => placement,
    };

    public static string Name(PrefixPlacement placement) => placement switch
    {
        PrefixPlacement.Assistant => "assistant",
        PrefixPlacement.User => "user",
        _ => "auto",
    };

    /// <exception cref="ArgumentException">Not auto, assistant or user.</exception>
    public static PrefixPlacement Parse(string text) => text?.Trim().ToLowerInvariant() switch
    {
        "auto" => PrefixPlacement.Auto,
        "assistant" => PrefixPlacement.Assistant,
        "user" => PrefixPlacement.User,
        _ => throw new ArgumentException($"--prefix-as '{text}' is not auto, assistant or user."),
    };
}
