namespace Faithful.Traces.Prompts;

/// <summary>
/// The placeholder syntax shared with the analyzers: <c>{{name}}</c>, spaces allowed inside the braces, where a
/// name is letters, digits, <c>_</c> and <c>#</c> starting with a letter or <c>_</c>. <c>{{{{</c> is a literal <c>{{</c>;
/// any other <c>{{</c> is literal text.
/// </summary>
public static class Placeholders
{
    /// <summary>The built-in blocks: <c>{{program}}</c>, <c>{{steps}}</c>, <c>{{inputs}}</c>, <c>{{format}}</c>.</summary>
    public static IReadOnlyList<string> Blocks { get; } = ["program", "steps", "inputs", "format"];

    /// <summary>Written <c>{{{{</c>, rendered <c>{{</c>.</summary>
    public const string Escape = "{{{{";

    /// <summary>Literal text between placeholders as rendered: each <c>{{{{</c> becomes <c>{{</c>.</summary>
    public static string Unescape(string literal)
    {
        ArgumentNullException.ThrowIfNull(literal);
        return literal.Replace(Escape, "{{", StringComparison.Ordinal);
    }

    /// <summary>A placeholder occurrence: its name and the span <c>[Start, End)</c> it covers in the text.</summary>
    public readonly record struct Occurrence(string Name, int Start, int End);

    /// <summary>Every placeholder in <paramref name="text"/>, in order.</summary>
    public static IReadOnlyList<Occurrence> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<Occurrence>();
        var i = 0;
        while (i + 1 < text.Length)
        {
            var open = text.IndexOf("{{", i, StringComparison.Ordinal);
            if (open < 0)
            {
                break;
            }

            if (string.CompareOrdinal(text, open, Escape, 0, Escape.Length) == 0)
            {
                i = open + Escape.Length;
                continue;
            }

            var j = open + 2;
            while (j < text.Length && text[j] == ' ')
            {
                j++;
            }

            var nameStart = j;
            if (j < text.Length && (char.IsAsciiLetter(text[j]) || text[j] == '_'))
            {
                j++;
                while (j < text.Length && (char.IsAsciiLetterOrDigit(text[j]) || text[j] is '_' or '#'))
                {
                    j++;
                }
            }

            var nameEnd = j;
            while (j < text.Length && text[j] == ' ')
            {
                j++;
            }

            if (nameEnd > nameStart && j + 1 < text.Length && text[j] == '}' && text[j + 1] == '}')
            {
                found.Add(new Occurrence(text[nameStart..nameEnd], open, j + 2));
                i = j + 2;
            }
            else
            {
                i = open + 2;
            }
        }

        return found;
    }

    /// <summary>The valid name closest to <paramref name="name"/> by edit distance (case-insensitive), or null when none is within two edits.</summary>
    public static string? ClosestName(string name, IEnumerable<string> valid)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(valid);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in valid)
        {
            var distance = EditDistance(name.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        // Close means at most two edits, as the analyzers' FA2001 "did you mean" uses.
        return best is not null && bestDistance <= 2 ? best : null;
    }

    private static int EditDistance(string a, string b)
    {
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
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
