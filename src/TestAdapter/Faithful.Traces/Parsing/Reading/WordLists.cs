using Faithful.Traces.Parsing.Reading.Recognisers;

namespace Faithful.Traces.Parsing.Reading;

/// <summary>
/// The <see cref="Lexicon"/> word lists a token's text belongs to. Each distinct identifier is looked up in every list
/// once (<see cref="NameRules.ResolveToken"/> caches the answer with its name) and its tokens carry the bits, so the
/// recognisers, which ask these questions of every word they pass, test a bit instead of hashing the word again.
/// </summary>
[Flags]
internal enum WordLists : uint
{
    None = 0,

    /// <summary><see cref="Lexicon.ResultWords"/>.</summary>
    Result = 1,

    /// <summary><see cref="Lexicon.ProseResultWords"/>.</summary>
    ProseResult = 1 << 1,

    /// <summary><see cref="Lexicon.ProseValueFillers"/>.</summary>
    ProseValueFiller = 1 << 2,

    /// <summary><see cref="Lexicon.AnchorWords"/>.</summary>
    Anchor = 1 << 3,

    /// <summary><see cref="Lexicon.ValueFillers"/>.</summary>
    ValueFiller = 1 << 4,

    /// <summary><see cref="Lexicon.BlockingPrepositions"/>.</summary>
    BlockingPreposition = 1 << 5,

    /// <summary><see cref="Lexicon.OperatorWords"/>.</summary>
    Operator = 1 << 6,

    /// <summary><see cref="Lexicon.TypeKeywords"/>.</summary>
    TypeKeyword = 1 << 7,

    /// <summary><see cref="Lexicon.OperationVerbs"/>.</summary>
    OperationVerb = 1 << 8,

    /// <summary><see cref="Lexicon.ListJoiners"/>.</summary>
    ListJoiner = 1 << 9,

    /// <summary><see cref="Lexicon.ListVerbs"/>.</summary>
    ListVerb = 1 << 10,

    /// <summary><see cref="ProseExecutionRecogniser.SettingVerbs"/>.</summary>
    SettingVerb = 1 << 11,
}

internal static class WordListing
{
    /// <summary>The lists <paramref name="text"/> is in, by each list's own comparer (so a bit answers exactly what <c>Contains</c> would).</summary>
    public static WordLists Of(string text)
    {
        var lists = WordLists.None;
        Add(ref lists, Lexicon.ResultWords, WordLists.Result, text);
        Add(ref lists, Lexicon.ProseResultWords, WordLists.ProseResult, text);
        Add(ref lists, Lexicon.ProseValueFillers, WordLists.ProseValueFiller, text);
        Add(ref lists, Lexicon.AnchorWords, WordLists.Anchor, text);
        Add(ref lists, Lexicon.ValueFillers, WordLists.ValueFiller, text);
        Add(ref lists, Lexicon.BlockingPrepositions, WordLists.BlockingPreposition, text);
        Add(ref lists, Lexicon.OperatorWords, WordLists.Operator, text);
        Add(ref lists, Lexicon.TypeKeywords, WordLists.TypeKeyword, text);
        Add(ref lists, Lexicon.OperationVerbs, WordLists.OperationVerb, text);
        Add(ref lists, Lexicon.ListJoiners, WordLists.ListJoiner, text);
        Add(ref lists, Lexicon.ListVerbs, WordLists.ListVerb, text);
        Add(ref lists, ProseExecutionRecogniser.SettingVerbs, WordLists.SettingVerb, text);
        return lists;
    }

    private static void Add(ref WordLists lists, HashSet<string> list, WordLists bit, string text)
    {
        if (list.Contains(text))
        {
            lists |= bit;
        }
    }
}
