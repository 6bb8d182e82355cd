using System.Text;
using System.Text.Json;
using Faithful.Clients.Redaction;

namespace Faithful.Clients.Caching;

/// <summary>
/// A folder of recorded responses: one <c>{sha256}.json</c> per request, LF line endings, no timestamps,
/// so the folder can be committed or kept as a CI artifact and diffs stay readable.
/// </summary>
public sealed class ReplayStore
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    // Relaxed escaping keeps the files readable in review; they are data, never embedded in HTML.
    private static readonly CacheJsonContext Json = new(new JsonSerializerOptions
    {
        WriteIndented = true,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
    private readonly string[] secretValues;
    private readonly Redactor redactor;

    /// <param name="directory">The folder; created on first write.</param>
    /// <param name="secretValues">Values that must never be written (API keys in use); an entry is redacted by <see cref="Redactor"/> (these values and credential shapes).</param>
    public ReplayStore(string directory, IEnumerable<string>? secretValues = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory = Path.GetFullPath(directory);
        this.secretValues = (secretValues ?? []).Where(v => v.Length >= Redactor.MinSecretLength).ToArray();
        redactor = new Redactor(this.secretValues);
    }

    public string Directory { get; }

    public string PathFor(CacheKey key) => Path.Combine(Directory, key.Hash + ".json");

    public CacheEntry? TryRead(CacheKey key)
    {
        var path = PathFor(key);
        if (!File.Exists(path))
        {
            return null;
        }

        CacheEntry? entry;
        try
        {
            entry = JsonSerializer.Deserialize(File.ReadAllText(path, Encoding.UTF8), Json.CacheEntry);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"Recorded response {path} is not valid JSON ({ex.Message}). Delete it and record again.", ex);
        }

        // Same hash but another key would be a collision or a hand-edited file: treat as a miss.
        return entry is not null && entry.Key == key.Canonical ? entry : null;
    }

    public void Write(CacheEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        System.IO.Directory.CreateDirectory(Directory);
        var json = JsonSerializer.Serialize(Redact(entry), Json.CacheEntry).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
        var target = Path.Combine(Directory, PathForHash(entry));

        // Write then move, so a killed run never leaves half a file that a later replay would trip on.
        var temporary = target + "." + Environment.ProcessId + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllText(temporary, json, Utf8NoBom);
        File.Move(temporary, target, overwrite: true);
    }

    /// <summary>Every entry in the folder (for <c>replay:</c> to learn which models it holds).</summary>
    public IEnumerable<CacheEntry> ReadAll()
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            yield break;
        }

        foreach (var file in System.IO.Directory.EnumerateFiles(Directory, "*.json").Order(StringComparer.Ordinal))
        {
            CacheEntry? entry = null;
            try
            {
                entry = JsonSerializer.Deserialize(File.ReadAllText(file, Encoding.UTF8), Json.CacheEntry);
            }
            catch (JsonException)
            {
                // A foreign or broken file is skipped here; TryRead reports it when it is actually needed.
            }

            if (entry is not null)
            {
                yield return entry;
            }
        }
    }

    private static string PathForHash(CacheEntry entry) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(entry.Key))) + ".json";

    private CacheEntry Redact(CacheEntry entry)
    {
        if (secretValues.Any(secret => entry.Key.Contains(secret, StringComparison.Ordinal)))
        {
            throw new InvalidOperationException("The request contains the value of an API key; refusing to record it. Remove the key from the prompt.");
        }

        return entry with { Text = redactor.Redact(entry.Text), ModelId = redactor.RedactOrNull(entry.ModelId) };
    }
}
