using System.Text.RegularExpressions;
using Faithful.Clients.Connections;

namespace Faithful.Clients.Redaction;

/// <summary>
/// The one redaction layer: everything Faithful writes (run files, reports, JUnit, the console, the record/replay cache,
/// snapshots) passes through <see cref="Redact(string)"/>, whatever the text's source (a reply, a provider's error body,
/// a transcript). It masks the configured keys' values and common credential shapes (<c>sk-…</c>, bearer tokens,
/// <c>api_key=…</c>, AWS, GitHub, Google and Slack tokens).
/// </summary>
public sealed partial class Redactor
{
    /// <summary>What a secret is replaced with; valid inside JSON strings, XML, HTML and Markdown.</summary>
    public const string Mask = "[REDACTED]";

    /// <summary>Configured values shorter than this are not treated as secrets (they would mask ordinary words).</summary>
    public const int MinSecretLength = 8;

    private readonly string[] _secrets;

    /// <param name="secrets">Values that must never be written (API keys in use).</param>
    public Redactor(IEnumerable<string?> secrets)
    {
        ArgumentNullException.ThrowIfNull(secrets);

        // Digits-only values could be numbers in a JSON line, where a mask would break the syntax; no provider key is one.
        _secrets = secrets
            .OfType<string>()
            .Select(s => s.Trim())
            .Where(s => s.Length >= MinSecretLength && !s.All(char.IsAsciiDigit))
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(s => s.Length)
            .ToArray();
    }

    /// <summary>Masks credential shapes only (no configured values).</summary>
    public static Redactor Shapes { get; } = new([]);

    /// <summary>The keys every provider connection may read (environment variables, then user secrets), and the shapes.</summary>
    public static Redactor FromSecrets(SecretSource secrets)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        return new Redactor(ProviderClients.SecretNames.Select(secrets.Get));
    }

    /// <summary>The configured keys of this process (<see cref="SecretSource.Default"/>) and the shapes.</summary>
    public static Redactor FromEnvironment() => FromSecrets(SecretSource.Default());

    /// <summary>How many configured values this redactor masks (the shapes are always masked).</summary>
    public int ConfiguredSecrets => _secrets.Length;

    /// <summary>Whether <paramref name="text"/> holds a configured secret or a credential shape.</summary>
    public bool Finds(string? text) =>
        !string.IsNullOrEmpty(text) && (_secrets.Any(s => text.Contains(s, StringComparison.Ordinal)) || Shape().IsMatch(text) || NamedKey().IsMatch(text));

    public string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return text;
        }

        foreach (var secret in _secrets)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        // Every run-file line passes through here; most hold no literal that either pattern starts with, and a
        // vectorized search for those literals is far cheaper than running the two automata over the line.
        if (text.AsSpan().IndexOfAny(PatternAnchors) < 0)
        {
            return text;
        }

        text = Shape().Replace(text, Mask);
        return NamedKey().Replace(text, m => m.Groups["name"].Value + m.Groups["sep"].Value + Mask);
    }

    public string? RedactOrNull(string? text) => text is null ? null : Redact(text);

    // A literal that every match of Shape or NamedKey contains (compared ignoring case, so a superset of each).
    private static readonly System.Buffers.SearchValues<string> PatternAnchors = System.Buffers.SearchValues.Create(
        ["sk-", "bearer", "akia", "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_", "aiza", "xox", "api", "access", "secret"],
        StringComparison.OrdinalIgnoreCase);

    // Non-backtracking: linear in the text, so a hostile reply cannot make redaction slow or throw.
    // sk-… (OpenAI, sk-proj-…, Anthropic sk-ant-…), "Bearer <token>", AWS access key ids, GitHub, Google and Slack tokens.
    [GeneratedRegex(@"\bsk-[A-Za-z0-9_\-]{16,}|(?i:\bbearer)\s+[A-Za-z0-9._~+/\-]{16,}=*|\bAKIA[0-9A-Z]{16}\b|\bgh[pousr]_[A-Za-z0-9]{30,}\b|\bgithub_pat_[A-Za-z0-9_]{30,}\b|\bAIza[0-9A-Za-z_\-]{35}\b|\bxox[abprs]-[A-Za-z0-9\-]{10,}", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex Shape();

    // api_key=…, "x-api-key": "…", api-key: … — the name stays, the value goes.
    [GeneratedRegex(@"(?<name>(?i:\b(?:x-)?api[-_]?key|\bapi-key|\baccess[-_]?token|\bsecret[-_]?key)[""']?)(?<sep>\s*[:=]\s*[""']?)(?<value>[A-Za-z0-9._\-+/]{16,})", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex NamedKey();
}
