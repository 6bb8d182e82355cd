namespace Faithful.Prompts;

/// <summary>A <c>{{name}}</c> in a prompt template: where it starts and how long it is, braces included.</summary>
/// <param name="Name">The name between the braces, without the spaces around it.</param>
/// <param name="Start">Index of the first <c>{</c>.</param>
/// <param name="Length">Characters covered, braces included (for an unclosed one: up to the end of the name).</param>
/// <param name="IsClosed">False for a name opened with <c>{{</c> and never closed on its line (a typo the analyzers report).</param>
public readonly record struct Placeholder(string Name, int Start, int Length, bool IsClosed)
{
    /// <summary>Index just past the placeholder.</summary>
    public int End => Start + Length;
}

/// <summary>
/// The placeholder syntax of prompt templates, shared by the analyzers (compiled in from this file) and the renderer:
/// <c>{{name}}</c> with optional spaces inside the braces, where a name is letters, digits, <c>_</c> and <c>#</c>
/// starting with a letter or <c>_</c> (<c>{{a}}</c>, <c>{{s3}}</c>, <c>{{a3#2}}</c>). <c>{{{{</c> is a literal
/// <c>{{</c>; any other <c>{{</c> is literal text, except a name left unclosed on its line. Never throws.
/// </summary>
public static class PlaceholderSyntax
{
    /// <summary>The renderer's built-in blocks, valid in every template.</summary>
    public static IReadOnlyList<string> Blocks { get; } = ["program", "steps", InputsBlock, FormatBlock];

    /// <summary>The block that supplies every input.</summary>
    public const string InputsBlock = "inputs";

    /// <summary>The block that states the strict per-step output format.</summary>
    public const string FormatBlock = "format";

    /// <summary>Written <c>{{{{</c>, rendered <c>{{</c>.</summary>
    public const string Escape = "{{{{";

    /// <summary>Literal text between placeholders as rendered: each <c>{{{{</c> becomes <c>{{</c>.</summary>
    public static string Unescape(string literal)
    {
        ArgumentNullException.ThrowIfNull(literal);

        return literal.Replace(Escape, "{{", StringComparison.Ordinal);
    }

    /// <summary>The closed placeholders of <paramref name="template"/>, in order: what the renderer fills.</summary>
    public static IReadOnlyList<Placeholder> Find(string template) => Parse(template).Where(p => p.IsClosed).ToList();

    /// <summary>Every placeholder of <paramref name="template"/> in order, with the names left unclosed on their line.</summary>
    public static IReadOnlyList<Placeholder> Parse(string template)
    {
        ArgumentNullException.ThrowIfNull(template);

        var placeholders = new List<Placeholder>();
        var i = 0;
        while (i < template.Length - 1)
        {
            if (template[i] != '{' || template[i + 1] != '{')
            {
                i++;
                continue;
            }

            if (string.CompareOrdinal(template, i, Escape, 0, Escape.Length) == 0)
            {
                i += Escape.Length;
                continue;
            }

            var close = template.IndexOf("}}", i + 2, StringComparison.Ordinal);
            var lineEnd = template.IndexOf('\n', i + 2);
            if (close < 0 || (lineEnd >= 0 && lineEnd < close))
            {
                // A name that starts a placeholder but is never closed on its line is almost surely a typo.
                var end = lineEnd < 0 ? template.Length : lineEnd;
                var rest = template.Substring(i + 2, end - i - 2);
                var trimmed = rest.TrimStart(' ');
                var nameLength = 0;
                while (nameLength < trimmed.Length && IsNamePart(trimmed[nameLength]))
                {
                    nameLength++;
                }

                if (nameLength > 0 && IsNameStart(trimmed[0]))
                {
                    placeholders.Add(new Placeholder(trimmed.Substring(0, nameLength), i, 2 + (rest.Length - trimmed.Length) + nameLength, IsClosed: false));
                }

                i = end;
                continue;
            }

            var inner = template.Substring(i + 2, close - i - 2).Trim(' ');
            if (IsName(inner))
            {
                placeholders.Add(new Placeholder(inner, i, close + 2 - i, IsClosed: true));
                i = close + 2;
            }
            else
            {
                // Not a placeholder: the renderer leaves it as text.
                i += 2;
            }
        }

        return placeholders;
    }

    /// <summary>
    /// The candidate closest to a misspelt <paramref name="name"/> for "did you mean", or null when none is close:
    /// at most two edits (case-insensitive), and fewer edits than the name has characters, so a one-letter name is
    /// never "corrected" into an unrelated one.
    /// </summary>
    public static string? ClosestName(string name, IEnumerable<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(candidates);

        string? best = null;
        var bestDistance = int.MaxValue;
        var limit = Math.Min(2, name.Length - 1);
        foreach (var candidate in candidates)
        {
            var distance = EditDistance(name, candidate);
            if (distance <= limit && distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>Levenshtein distance, letters compared case-insensitively.</summary>
    public static int EditDistance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = char.ToUpperInvariant(a[i - 1]) == char.ToUpperInvariant(b[j - 1]) ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    private static bool IsNameStart(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_';

    private static bool IsNamePart(char c) => IsNameStart(c) || c is (>= '0' and <= '9') or '#';

    private static bool IsName(string text)
    {
        if (text.Length == 0 || !IsNameStart(text[0]))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!IsNamePart(c))
            {
                return false;
            }
        }

        return true;
    }
}
