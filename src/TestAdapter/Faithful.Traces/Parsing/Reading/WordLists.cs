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

    /// <summary><see cref="Lexicon.ParityWords"/>.</summary>
    Parity = 1 << 12,

    /// <summary><see cref="Lexicon.ConditionWords"/>.</summary>
    Condition = 1 << 13,

    /// <summary><see cref="Lexicon.PassCounts"/>.</summary>
    PassCount = 1 << 14,
}

internal static class WordListing
{
    // Each list with its bit.
    private static readonly (HashSet<string> List, WordLists Bit)[] Lists =
    [
        (Lexicon.ResultWords, WordLists.Result),
        (Lexicon.ProseResultWords, WordLists.ProseResult),
        (Lexicon.ProseValueFillers, WordLists.ProseValueFiller),
        (Lexicon.AnchorWords, WordLists.Anchor),
        (Lexicon.ValueFillers, WordLists.ValueFiller),
        (Lexicon.BlockingPrepositions, WordLists.BlockingPreposition),
        (Lexicon.OperatorWords, WordLists.Operator),
        (Lexicon.TypeKeywords, WordLists.TypeKeyword),
        (Lexicon.OperationVerbs, WordLists.OperationVerb),
        (Lexicon.ListJoiners, WordLists.ListJoiner),
        (Lexicon.ListVerbs, WordLists.ListVerb),
        (ProseExecutionRecogniser.SettingVerbs, WordLists.SettingVerb),
        (Lexicon.ParityWords, WordLists.Parity),
        (Lexicon.ConditionWords, WordLists.Condition),
        (Lexicon.PassCounts, WordLists.PassCount),
    ];

    /// <summary>The lists <paramref name="text"/> is in, by each list's own comparer (so a bit answers exactly what <c>Contains</c> would).</summary>
    public static WordLists Of(string text)
    {
        var lists = WordLists.None;
        foreach (var (list, bit) in Lists)
        {
            if (list.Contains(text))
            {
                lists |= bit;
            }
        }

        return lists;
    }
}
