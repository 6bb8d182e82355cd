using Faithful.Clients.Redaction;

namespace Faithful.Cli.Output;

/// <summary>The redactor every CLI output uses: the keys this process is configured with (environment, user secrets) and credential shapes.</summary>
internal static class OutputRedaction
{
    private static readonly Lazy<Redactor> Lazy = new(Redactor.FromEnvironment);

    public static Redactor Current => Lazy.Value;

    public static string Redact(string text) => Current.Redact(text);
}
