using System.Text.RegularExpressions;

namespace Faithful.Testing;

/// <summary>Replaces a volatile value in snapshot text with a stable placeholder.</summary>
public sealed record Scrubber(string Name, Func<string, string> Apply)
{
    /// <summary>Replaces each distinct match with <c>{label}_1</c>, <c>{label}_2</c>, ... in order of first appearance (Verify's style).</summary>
    public static Scrubber Numbered(string name, Regex pattern, string label) => new(name, text =>
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        return pattern.Replace(text, m =>
        {
            if (!seen.TryGetValue(m.Value, out var n))
            {
                n = seen.Count + 1;
                seen[m.Value] = n;
            }

            return $"{label}_{n}";
        });
    });

    public static Scrubber Replace(string name, Regex pattern, string replacement) => new(name, text => pattern.Replace(text, replacement));

    /// <summary>Replaces every occurrence of <paramref name="value"/> with <paramref name="replacement"/>.</summary>
    public static Scrubber Literal(string value, string replacement) => new($"literal:{replacement}", text => text.Replace(value, replacement, StringComparison.Ordinal));
}
