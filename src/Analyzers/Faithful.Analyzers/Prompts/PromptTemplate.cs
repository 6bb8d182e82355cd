using System.Collections.Immutable;

namespace Faithful.Analyzers.Prompts;

/// <summary>A <c>{{name}}</c> in a prompt template: where it starts and how long it is, braces included.</summary>
internal readonly record struct Placeholder(string Name, int Start, int Length, bool IsClosed)
{
    public string Text(string template) => template.Substring(Start, Length);
}

/// <summary>
/// Reads the placeholder syntax shared with Faithful.Traces' renderer: <c>{{name}}</c> with optional spaces inside
/// the braces, where a name is letters, digits, <c>_</c> and <c>#</c> starting with a letter or <c>_</c>
/// (<c>{{a}}</c>, <c>{{s3}}</c>, <c>{{a3#2}}</c>); <c>{{{{</c> is a literal <c>{{</c>; any other <c>{{</c> is literal text,
/// except a name left unclosed on its line, which is reported. Never throws.
/// </summary>
internal static class PromptTemplate
{
    /// <summary>The renderer's built-in blocks, valid in every template.</summary>
    public static readonly string[] Blocks = ["program", "steps", "inputs", "format"];

    /// <summary>The block that supplies every input.</summary>
    public const string InputsBlock = "inputs";

    /// <summary>The block that states the strict per-step output format.</summary>
    public const string FormatBlock = "format";

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
                // A name that starts a placeholder but is never closed on its line is almost surely a typo.
                var end = lineEnd < 0 ? template.Length : lineEnd;
                var rest = template.Substring(i + 2, end - i - 2);
                var nameLength = 0;
                var trimmed = rest.TrimStart(' ');
                while (nameLength < trimmed.Length && IsNamePart(trimmed[nameLength]))
                {
                    nameLength++;
                }

                if (nameLength > 0 && IsNameStart(trimmed[0]))
                {
                    var length = 2 + (rest.Length - trimmed.Length) + nameLength;
                    placeholders.Add(new Placeholder(trimmed.Substring(0, nameLength), i, length, IsClosed: false));
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

        return placeholders.ToImmutable();
    }
}
