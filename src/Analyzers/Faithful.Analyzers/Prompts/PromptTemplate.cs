using System.Collections.Immutable;

namespace Faithful.Analyzers.Prompts;

/// <summary>A <c>{{name}}</c> in a prompt template: where it starts and how long it is, braces included.</summary>
internal readonly record struct Placeholder(string Name, int Start, int Length, bool IsClosed)
{
    public string Text(string template) => template.Substring(Start, Length);
}

/// <summary>
/// Reads the shared placeholder syntax: <c>{{name}}</c> with optional whitespace inside the braces,
/// <c>{{{{</c> for a literal <c>{{</c>. Never throws.
/// </summary>
internal static class PromptTemplate
{
    public static ImmutableArray<Placeholder> Parse(string template)
    {
        var placeholders = ImmutableArray.CreateBuilder<Placeholder>();
        var i = 0;
        while (i < template.Length - 1)
        {
            if (template[i] != '{' || template[i + 1] != '{')
            {
                i++;
                continue;
            }

            if (i + 3 < template.Length && template[i + 2] == '{' && template[i + 3] == '{')
            {
                i += 4;
                continue;
            }

            var close = template.IndexOf("}}", i + 2, StringComparison.Ordinal);
            var lineEnd = template.IndexOf('\n', i + 2);
            if (close < 0 || (lineEnd >= 0 && lineEnd < close))
            {
                // A placeholder never spans lines; report up to the line's end.
                var end = lineEnd < 0 ? template.Length : lineEnd;
                placeholders.Add(new Placeholder(template.Substring(i + 2, end - i - 2).Trim(), i, end - i, IsClosed: false));
                i = end;
                continue;
            }

            placeholders.Add(new Placeholder(template.Substring(i + 2, close - i - 2).Trim(), i, close + 2 - i, IsClosed: true));
            i = close + 2;
        }

        return placeholders.ToImmutable();
    }
}
