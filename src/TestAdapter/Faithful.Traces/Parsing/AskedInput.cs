using System.Globalization;

namespace Faithful.Traces.Parsing;

/// <summary>
/// The one input a prompt asks about ("... the output of the function for n=3"), and the function it calls ("f" of
/// "def f(n)"), when the prompt names exactly one. A reply that goes on to answer for another value ("for n=4",
/// "f(5) = ...") answers another question: those answers are not answers to the one asked.
/// </summary>
/// <param name="Name">The input's name, e.g. <c>n</c>.</param>
/// <param name="Value">The value the prompt asks for.</param>
/// <param name="Function">The function the prompt calls with that input (<c>f</c> of <c>f(n)</c>), or null.</param>
public sealed record AskedInput(string Name, long Value, string? Function)
{
    // Words that introduce an input's value in prose: "for n=3", "when n = 4", "with n=5", "where n=2".
    private static readonly string[] Introducers = ["for ", "when ", "with ", "where "];

    /// <summary>Whether <paramref name="word"/> introduces an input's value ("for", "when", "with", "where"; any case).</summary>
    public static bool IsIntroducer(string word) =>
        Array.Exists(Introducers, introducer => introducer.Length == word.Length + 1 && introducer.StartsWith(word, StringComparison.OrdinalIgnoreCase));

    /// <summary>How a reply writes this input with its value as an assignment: "n=3" and "n = 3".</summary>
    public string[] Spellings()
    {
        var value = Value.ToString(CultureInfo.InvariantCulture);
        return [Name + "=" + value, Name + " = " + value];
    }

    /// <summary>
    /// Whether <paramref name="text"/> names this input with its value ("for n=3", "n = 3"), not a longer name or number
    /// ("an=3", "n=30").
    /// </summary>
    public bool IsNamedIn(string text)
    {
        foreach (var spelling in Spellings())
        {
            var at = text.IndexOf(spelling, StringComparison.Ordinal);
            var end = at + spelling.Length;
            if (at >= 0 && (at == 0 || !char.IsLetterOrDigit(text[at - 1]) && text[at - 1] != '_') && (end == text.Length || !char.IsDigit(text[end])))
            {
                return true;
            }
        }

        return false;
    }

    // "f(": how a call of the function opens, built once rather than on every line read.
    private string? CallOpener { get; } = Function is null ? null : Function + "(";

    /// <summary>The input <paramref name="prompt"/> asks about; null when it names none, or several inputs or values.</summary>
    public static AskedInput? Find(string prompt)
    {
        if (string.IsNullOrEmpty(prompt))
        {
            return null;
        }

        // Prompts ask "... for n=3"; the other introducers are how replies talk about inputs.
        const string Asking = "for ";
        (string Name, long Value)? found = null;
        for (var at = prompt.IndexOf(Asking, StringComparison.OrdinalIgnoreCase); at >= 0; at = prompt.IndexOf(Asking, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            if ((at > 0 && char.IsLetterOrDigit(prompt[at - 1])) || Assignment(prompt.AsSpan(at + Asking.Length)) is not { } pair)
            {
                continue;
            }

            if (found is { } seen && (seen.Name != pair.Name || seen.Value != pair.Value))
            {
                // Several inputs or values: no single question to hold the answers to.
                return null;
            }

            found = pair;
        }

        return found is { } asked ? new AskedInput(asked.Name, asked.Value, CallerOf(prompt, asked.Name)) : null;
    }

    /// <summary>
    /// The value this input is given in <paramref name="line"/> ("for n=4", "f(4)"), the first one the line names;
    /// null when the line names none.
    /// </summary>
    public long? MentionIn(ReadOnlySpan<char> line)
    {
        long? first = null;
        var firstAt = int.MaxValue;
        foreach (var introducer in Introducers)
        {
            var at = line.IndexOf(introducer, StringComparison.OrdinalIgnoreCase);
            while (at >= 0 && at < firstAt)
            {
                if ((at == 0 || !char.IsLetterOrDigit(line[at - 1]))
                    && Assignment(line[(at + introducer.Length)..]) is { } pair && pair.Name == Name)
                {
                    (first, firstAt) = (pair.Value, at);
                    break;
                }

                var next = line[(at + 1)..].IndexOf(introducer, StringComparison.OrdinalIgnoreCase);
                at = next < 0 ? -1 : at + 1 + next;
            }
        }

        if (CallOpener is { } opener)
        {
            var call = line.IndexOf(opener, StringComparison.Ordinal);
            while (call >= 0 && call < firstAt)
            {
                if ((call == 0 || !IsNameChar(line[call - 1])) && Integer(line[(call + opener.Length)..], out var value, out var used)
                    && used < line.Length - call - opener.Length && line[call + opener.Length + used] == ')')
                {
                    (first, firstAt) = (value, call);
                    break;
                }

                var next = line[(call + 1)..].IndexOf(opener, StringComparison.Ordinal);
                call = next < 0 ? -1 : call + 1 + next;
            }
        }

        return first;
    }

    /// <summary>
    /// The value a line announces a solution for: a line that ends with this input's value and a colon ("Here's the
    /// solution for n=4:", "Now for n = 5:"); null for any other line.
    /// </summary>
    public long? AnnouncedIn(ReadOnlySpan<char> line)
    {
        line = line.TrimEnd(" \t*");
        if (!line.EndsWith(':'))
        {
            return null;
        }

        line = line[..^1].TrimEnd(" \t*`");
        foreach (var introducer in Introducers)
        {
            var at = line.LastIndexOf(introducer, StringComparison.OrdinalIgnoreCase);
            if (at >= 0 && (at == 0 || !char.IsLetterOrDigit(line[at - 1]))
                && Assignment(line[(at + introducer.Length)..], wholeText: true) is { } pair && pair.Name == Name)
            {
                return pair.Value;
            }
        }

        return null;
    }

    /// <summary>The value a line that is nothing but this input's assignment gives it ("n=2", "`n = 4`"), else null.</summary>
    public long? AloneIn(string line) =>
        Assignment(line.AsSpan().Trim(" \t*`"), wholeText: true) is { } alone && alone.Name == Name ? alone.Value : null;

    // "n=3", "n = 3", "`n=3`": a name, '=', an integer (not "n == 3", not "n_0 = 3" read as "n").
    private static (string Name, long Value)? Assignment(ReadOnlySpan<char> text, bool wholeText = false)
    {
        text = text.TrimStart('`');
        var length = 0;
        while (length < text.Length && IsNameChar(text[length]))
        {
            length++;
        }

        if (length == 0 || char.IsDigit(text[0]))
        {
            return null;
        }

        var rest = text[length..].TrimStart(' ');
        if (rest.Length < 2 || rest[0] != '=' || rest[1] == '=')
        {
            return null;
        }

        var number = rest[1..].TrimStart(' ').TrimEnd('`');
        return Integer(number, out var value, out var used) && (!wholeText || used == number.Length) ? (text[..length].ToString(), value) : null;
    }

    // A whole integer at the start of the text ("4" of "4.", not "4" of "4.5" or "42abc").
    private static bool Integer(ReadOnlySpan<char> text, out long value, out int used)
    {
        used = text.Length > 0 && text[0] == '-' ? 1 : 0;
        var digits = used;
        while (used < text.Length && char.IsAsciiDigit(text[used]))
        {
            used++;
        }

        value = 0;
        if (used == digits || (used < text.Length && (IsNameChar(text[used]) || (text[used] == '.' && used + 1 < text.Length && char.IsAsciiDigit(text[used + 1])))))
        {
            return false;
        }

        return long.TryParse(text[..used], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    // "f" of "def f(n)" or "f(n)": the name called with the input alone.
    private static string? CallerOf(string prompt, string name)
    {
        var call = "(" + name + ")";
        for (var at = prompt.IndexOf(call, StringComparison.Ordinal); at > 0; at = prompt.IndexOf(call, at + 1, StringComparison.Ordinal))
        {
            var start = at;
            while (start > 0 && IsNameChar(prompt[start - 1]))
            {
                start--;
            }

            if (start < at && !char.IsDigit(prompt[start]))
            {
                return prompt[start..at];
            }
        }

        return null;
    }

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
}
