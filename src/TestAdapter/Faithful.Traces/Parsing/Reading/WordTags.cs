using Faithful.Traces.Parsing.Reading.Recognisers;

namespace Faithful.Traces.Parsing.Reading;

/// <summary>
/// The word classes a recogniser needs before it can read anything from a line. Each distinct identifier is tagged once
/// (<see cref="NameRules.ResolveToken"/> caches it with its name) and a line holds the union of its identifiers' tags, so
/// a recogniser whose words are absent is skipped without scanning the line (<see cref="LineContext.WordTags"/>).
/// </summary>
[Flags]
internal enum WordTags : ushort
{
    None = 0,

    /// <summary>"starts", "begin": a weak echo cue (<see cref="EchoRecogniser.WeakCues"/>).</summary>
    EchoWeakCue = 1,

    /// <summary>"output", "returns", "answer": the subject of a prose answer (<see cref="ProseAnswerRecogniser.Subjects"/>).</summary>
    AnswerSubject = 2,

    /// <summary>"f", the function of "f(3) = 7".</summary>
    Function = 4,

    /// <summary>"giving", "becomes", "ends": a word before a step's value in prose (<see cref="Lexicon.ResultWords"/>, <see cref="Lexicon.ProseResultWords"/>).</summary>
    ResultWord = 8,

    /// <summary>"set", "add", "increases": a verb of "sets n_0 to 0" (<see cref="ProseExecutionRecogniser.SettingVerbs"/>, <see cref="Lexicon.OperationVerbs"/>).</summary>
    SettingVerb = 16,

    /// <summary>"to".</summary>
    To = 32,

    /// <summary>"times", of "three times" (a loop summary, <see cref="LineContext.IsShortcutSentence"/>).</summary>
    Times = 64,

    /// <summary>"then", "and", "finally": a word between the values of a list (<see cref="Lexicon.ListJoiners"/>).</summary>
    ListJoiner = 128,

    /// <summary>"is", which links a name to its value in a pair ("n_1 is 0").</summary>
    Is = 256,

    /// <summary>A word of <see cref="Lexicon.ParityWords"/>: the line may weigh cases ("if n is odd, ...").</summary>
    Parity = 512,

    /// <summary>"repeat", "repeated": the reply says the walk goes on the same way (<see cref="LineContext.RepeatSentences"/>).</summary>
    Repeat = 1024,

    /// <summary>"final", of "the final values will be ..." (<see cref="LineReader"/>: values computed there are loop ends).</summary>
    Final = 2048,
}

internal static class WordTagging
{
    private static readonly HashSet<string> RepeatWords = new(StringComparer.OrdinalIgnoreCase) { "repeat", "repeats", "repeated", "repeating" };

    /// <summary>"repeat", "repeats", "repeated", "repeating", in any case.</summary>
    public static bool IsRepeatWord(string word) => RepeatWords.Contains(word);

    /// <summary>
    /// The tags of an identifier as written and of the name it resolves to: the recognisers compare a name token's
    /// canonical text and a word token's written text, so a line's tags cover both.
    /// </summary>
    public static WordTags Of(string written, string? name) =>
        name is null || ReferenceEquals(name, written) ? Of(written) : Of(written) | Of(name);

    private static WordTags Of(string word)
    {
        // The tags that are lexicon lists are read from the word's lists, looked up in one place (WordListing).
        var lists = WordListing.Of(word);
        var tags = WordTags.None;
        if (EchoRecogniser.WeakCues.Contains(word))
        {
            tags |= WordTags.EchoWeakCue;
        }

        if (ProseAnswerRecogniser.Subjects.Contains(word))
        {
            tags |= WordTags.AnswerSubject;
        }

        if (string.Equals(word, "f", StringComparison.OrdinalIgnoreCase))
        {
            tags |= WordTags.Function;
        }

        if ((lists & (WordLists.Result | WordLists.ProseResult)) != 0)
        {
            tags |= WordTags.ResultWord;
        }

        if ((lists & (WordLists.SettingVerb | WordLists.OperationVerb)) != 0)
        {
            tags |= WordTags.SettingVerb;
        }

        if (string.Equals(word, "to", StringComparison.OrdinalIgnoreCase))
        {
            tags |= WordTags.To;
        }

        if (string.Equals(word, "times", StringComparison.OrdinalIgnoreCase))
        {
            tags |= WordTags.Times;
        }

        if ((lists & WordLists.ListJoiner) != 0)
        {
            tags |= WordTags.ListJoiner;
        }

        if ((lists & WordLists.Parity) != 0)
        {
            tags |= WordTags.Parity;
        }

        if (string.Equals(word, "is", StringComparison.OrdinalIgnoreCase))
        {
            tags |= WordTags.Is;
        }

        if (RepeatWords.Contains(word))
        {
            tags |= WordTags.Repeat;
        }

        if (string.Equals(word, "final", StringComparison.OrdinalIgnoreCase))
        {
            tags |= WordTags.Final;
        }

        return tags;
    }
}
