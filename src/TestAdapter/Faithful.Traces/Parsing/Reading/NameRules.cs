using System.Collections.Concurrent;
using Faithful.Model;

namespace Faithful.Traces.Parsing.Reading;

/// <summary>
/// Decides which identifiers are step or variable names. With a program, its inputs, variables and step names
/// are known (case-insensitively, reported in the program's spelling); names shaped like them (<c>s7</c>,
/// <c>a12</c>: letters then digits) are kept too, so invented steps are still reported.
/// </summary>
internal sealed class NameRules
{
    private readonly Dictionary<string, string>? _known;
    private readonly HashSet<string> _singleWrite = new(StringComparer.Ordinal);

    public NameRules(IEnumerable<string>? knownNames, IEnumerable<string>? singleWriteNames = null)
    {
        _words = new(StringComparer.Ordinal);
        _wordsBySpan = _words.GetAlternateLookup<ReadOnlySpan<char>>();
        if (singleWriteNames is not null)
        {
            _singleWrite.UnionWith(singleWriteNames);
        }

        if (knownNames is null)
        {
            return;
        }

        _known = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in knownNames)
        {
            _known.TryAdd(name, name);
        }
    }

    /// <summary>Rules that read every identifier as prose (for headings, where no name matters).</summary>
    public static NameRules Prose { get; } = new([]);

    public bool HasVocabulary => _known is not null;

    /// <summary>Whether the program writes this name exactly once (<c>s3</c>): prose never updates it in place.</summary>
    public bool IsSingleWrite(string name) => _singleWrite.Contains(name);

    // Identifiers seen before, as strings, with what they resolve to: a reply repeats the same few words and names
    // on every line, so a token costs a lookup instead of a new string and the checks below. Shared by every reply to a
    // program (and every thread); bounded, so prose of any size cannot grow it without end.
    private const int MaxCachedWords = 4096;
    private const int MaxCachedWordLength = 32;
    private readonly ConcurrentDictionary<string, (string Word, string? Name, WordTags Tags, WordLists Lists)> _words;

    // The span view of _words, taken once: every identifier of every line is looked up through it.
    private readonly ConcurrentDictionary<string, (string Word, string? Name, WordTags Tags, WordLists Lists)>.AlternateLookup<ReadOnlySpan<char>> _wordsBySpan;

    /// <summary>The identifier written at <paramref name="identifier"/> as a string, <see cref="Resolve"/> of it, and its <see cref="WordTags"/>.</summary>
    public (string Word, string? Name, WordTags Tags, WordLists Lists) ResolveToken(ReadOnlySpan<char> identifier)
    {
        if (identifier.Length > MaxCachedWordLength)
        {
            var text = identifier.ToString();
            var name = Resolve(text);
            return (text, name, WordTagging.Of(text, name), WordListing.Of(name ?? text));
        }

        if (_wordsBySpan.TryGetValue(identifier, out var cached))
        {
            return cached;
        }

        var word = identifier.ToString();
        var resolvedName = Resolve(word);
        var resolved = (word, resolvedName, WordTagging.Of(word, resolvedName), WordListing.Of(resolvedName ?? word));
        if (_words.Count < MaxCachedWords)
        {
            _words.TryAdd(word, resolved);
        }

        return resolved;
    }

    /// <summary>The canonical name for an identifier as written, or null when it reads as prose.</summary>
    public string? Resolve(string identifier)
    {
        if (_known is not null && _known.TryGetValue(identifier, out var known))
        {
            return known;
        }

        // A version of a known variable (N_0#3): the variable in the program's spelling, then the version.
        if (_known is not null && StepNames.VersionMark(identifier) is var hash and > 0
            && _known.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(identifier.AsSpan(0, hash), out var variable))
        {
            return string.Concat(variable, identifier.AsSpan(hash));
        }

        // LaTeX subscripts: s_3 is s3.
        var underscore = identifier.IndexOf('_', StringComparison.Ordinal);
        if (underscore > 0 && underscore < identifier.Length - 1)
        {
            var joined = string.Concat(identifier.AsSpan(0, underscore), identifier.AsSpan(underscore + 1));
            if (_known is not null && _known.TryGetValue(joined, out known))
            {
                return known;
            }

            if (IsLettersThenDigits(joined))
            {
                return joined;
            }
        }

        if (Lexicon.Prose.Contains(identifier))
        {
            return null;
        }

        if (IsLettersThenDigits(identifier) || IsSsaName(identifier))
        {
            return identifier;
        }

        // Without a program, a lone letter (x, b) may be a variable.
        return _known is null && identifier.Length == 1 && char.IsAsciiLetter(identifier[0]) ? identifier : null;
    }

    private static bool IsLettersThenDigits(string text)
    {
        var i = 0;
        while (i < text.Length && char.IsAsciiLetter(text[i]))
        {
            i++;
        }

        if (i == 0 || i == text.Length || i > 12)
        {
            return false;
        }

        var digitsStart = i;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        return i == text.Length && i - digitsStart <= 6;
    }

    private static bool IsSsaName(string text) => StepNames.VersionMark(text) > 0;
}
