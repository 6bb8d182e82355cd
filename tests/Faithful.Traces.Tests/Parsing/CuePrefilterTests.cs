using CsCheck;
using Faithful.Traces.Parsing.Reading;

namespace Faithful.Traces.Tests.Parsing;

/// <summary>
/// The cue lists skip a text that lacks a letter every phrase needs (<see cref="LetterSet"/>). That shortcut must never
/// change an answer: these tests hold <see cref="Cues"/> to a plain search over the lower-cased text.
/// </summary>
public sealed class CuePrefilterTests
{
    // Phrases with spaces, punctuation, a trailing space, one non-ASCII phrase, and real cue lists.
    private static readonly string[] Phrases =
    [
        .. Lexicon.RestartPhrases, "keeps its", "remain ", " iterations,", "final:", "no change", "naïve start", "at the end",
    ];

    // Pieces that build near misses and hits: the phrases themselves in several cases, their words, letters, the Kelvin
    // sign (a non-ASCII character that lower-cases to an ASCII letter), dotted capital I (one that does not), and other
    // characters.
    private static readonly Gen<string> Text =
        Gen.OneOf<string>(new IGen<string>[]
        {
            Gen.OneOf(Phrases),
            Gen.OneOf(Phrases).Select(p => p.ToUpperInvariant()),
            Gen.OneOf(Phrases.SelectMany(p => p.Split(' ')).Where(w => w.Length > 0).ToArray()),
            Gen.OneOf("\u212A", "\u0130", "ï", "Ï", " ", ",", ":", "=", "a3 = 42", "State: a = -19, b = -7"),
            Gen.Char['a', 'z'].Select(c => c.ToString()),
            Gen.Char.Select(c => c.ToString()),
        }).Array[0, 12].Select(parts => string.Concat(parts));

    private static bool PlainSearch(string lower) => Phrases.Any(p => lower.Contains(p, StringComparison.Ordinal));

    [Fact]
    public void In_answers_as_a_plain_search_of_lower_cased_text()
    {
        var cues = new Cues(Phrases);
        Text.Sample(text =>
        {
            var lower = text.ToLowerInvariant();
            Assert.Equal(PlainSearch(lower), cues.In(lower));
        }, iter: 20_000);
    }

    [Fact]
    public void InAnyCase_answers_as_a_plain_search_of_the_text_lower_cased()
    {
        var cues = new Cues(Phrases);
        Text.Sample(text => Assert.Equal(PlainSearch(text.ToLowerInvariant()), cues.InAnyCase(text)), iter: 20_000);
    }

    [Fact]
    public void Every_restart_phrase_holds_one_of_the_anchors_searched_first() =>
        Assert.All(Lexicon.RestartPhrases, phrase => Assert.Contains(RestartPhrases.PhraseAnchors, anchor => phrase.Contains(anchor, StringComparison.Ordinal)));

    [Fact]
    public void A_restart_is_an_opener_at_the_start_or_a_phrase_anywhere_of_the_lower_cased_line()
    {
        var openers = Gen.OneOf(Lexicon.RestartOpeners);
        var lines = Gen.OneOf<string>(new IGen<string>[] { Text, openers, openers.Select(o => o.ToUpperInvariant()), Gen.Const("Let me walk through the code: s1 = 3 is right.") })
            .Array[1, 4].Select(parts => string.Concat(parts));
        lines.Sample(line =>
        {
            var text = line.TrimStart(' ', '*', '_', '(', '"', '\'').ToLowerInvariant();
            var expected = text.Length >= 2
                && (Lexicon.RestartOpeners.Any(o => text.StartsWith(o, StringComparison.Ordinal) && (text.Length == o.Length || !char.IsLetter(text[o.Length]) || o.EndsWith("at", StringComparison.Ordinal)))
                    || Lexicon.RestartPhrases.Any(p => text.Contains(p, StringComparison.Ordinal)));
            Assert.Equal(expected, RestartPhrases.IsRestart(line));
        }, iter: 20_000);
    }

    [Fact]
    public void A_text_holding_every_letter_of_a_phrase_is_never_ruled_out()
    {
        Text.Sample(text =>
        {
            var letters = LetterSet.Of(text);
            foreach (var phrase in Phrases.Where(p => text.ToLowerInvariant().Contains(p, StringComparison.Ordinal)))
            {
                Assert.True(LetterSet.MayHold(letters, LetterSet.Needed(phrase)), $"'{phrase}' in '{text}'");
            }
        }, iter: 20_000);
    }

    [Fact]
    public void The_hitting_set_meets_every_phrase_and_is_empty_when_a_phrase_has_no_letter()
    {
        var needs = Phrases.Select(p => LetterSet.Needed(p)).ToArray();
        var hitting = LetterSet.HittingSet(needs);
        Assert.All(needs, need => Assert.NotEqual(0u, need & hitting));
        Assert.InRange(System.Numerics.BitOperations.PopCount(hitting), 1, 6);
        Assert.Equal(0u, LetterSet.HittingSet([.. needs, LetterSet.Needed("-> 42")]));
    }

    [Fact]
    public void Every_non_ascii_character_adds_exactly_the_ascii_letters_it_cases_to()
    {
        // The letter set looks non-ASCII characters up in a table built once; here each one is cased directly.
        var mapped = 0;
        for (var c = (char)128; c != char.MinValue; c++)
        {
            var expected = 0u;
            foreach (var cased in new[] { char.ToLowerInvariant(c), char.ToUpperInvariant(c) })
            {
                if (cased is >= 'a' and <= 'z' or >= 'A' and <= 'Z')
                {
                    expected |= 1u << (char.ToLowerInvariant(cased) - 'a');
                }
            }

            mapped += expected == 0 ? 0 : 1;
            Assert.True(expected == LetterSet.Of(c.ToString()), $"U+{(int)c:X4}: expected letters {expected:X}, got {LetterSet.Of(c.ToString()):X}");
        }

        // The Kelvin sign (to k) and the long s (to S) at least; the dotted capital I and the dotless i map to no ASCII letter.
        Assert.InRange(mapped, 2, 32);
    }

    [Fact]
    public void A_long_text_read_sixteen_characters_at_a_time_gives_the_letters_of_its_characters_one_by_one()
    {
        // Lengths around the 16-character blocks, with letters at the block edges, non-ASCII characters (one that cases
        // to an ASCII letter, one that does not) in some blocks, and the characters around 'a'-'z' and 'A'-'Z'.
        var character = Gen.OneOf(Gen.Char['a', 'z'], Gen.Char['A', 'Z'], Gen.Char['\0', '\x7F'], Gen.OneOf('\u212A', '\u2192', '@', '[', '`', '{', 'é'), Gen.Char);
        character.Array[0, 70].Select(chars => new string(chars)).Sample(text =>
        {
            var expected = 0u;
            foreach (var c in text)
            {
                expected |= LetterSet.Of(c.ToString());
            }

            Assert.Equal(expected, LetterSet.Of(text));
        }, iter: 20_000);
    }

    [Fact]
    public void A_sentence_has_a_cue_exactly_when_its_lower_cased_text_holds_a_phrase()
    {
        // Lines of several sentences, each searched for cues twice (the context keeps each sentence's letters and
        // lower-cased text), against a plain search of the sentence's text lower-cased with a space on each side; and
        // whether a sentence sums up a loop (kept per sentence too) against a context made for that line alone.
        var cues = new Cues(Phrases);
        var sentence = Gen.OneOf<string>(new IGen<string>[] { Text, Gen.Const("So n_0 = 5"), Gen.Const("After the loop, n_1 is 4"), Gen.Const("It runs 3 times") });
        var lines = sentence.Array[1, 4].Select(parts => string.Join(". ", parts));
        var names = new NameRules(["n_0", "n_1"]);

        // One context reloaded line after line, as the reader keeps it: nothing worked out for a line may outlive it.
        lines.Array[1, 3].Sample(texts =>
        {
            var reused = new LineContext("", null, null, names, LineSection.None, ReaderKnowledge.None);
            foreach (var text in texts)
            {
                var line = reused.Reload(text, null, null, names, LineSection.None, ReaderKnowledge.None, stepLabel: true, new List<Token>());
                var fresh = new LineContext(text, null, null, names, LineSection.None, ReaderKnowledge.None);
                for (var s = 0; s < line.Sentences.Count; s++)
                {
                    var (from, to) = line.Sentences[s];
                    var expected = PlainSearch(from >= to ? " " : " " + text[line.Tokens[from].Start..line.Tokens[to - 1].End].ToLowerInvariant() + " ");
                    Assert.Equal(expected, line.SentenceHas(cues, s));
                    Assert.Equal(expected, line.SentenceHas(cues, s));
                    Assert.Equal(fresh.IsShortcutSentence(s), line.IsShortcutSentence(s));
                }
            }
        }, iter: 5_000);
    }

    [Theory]
    [InlineData("a3 = 42", "keeps its", false)]
    [InlineData("A3 KEEPS ITS VALUE", "keeps its", true)]
    [InlineData("\u212Aeeps its value", "keeps its", true)] // the Kelvin sign lower-cases to 'k'
    [InlineData("s3 = s2 + 4 \u2192 s3 = 10", "keeps its", false)] // an arrow adds no letter
    [InlineData("s3 = s2 \u00D7 4", "at the end", false)]
    [InlineData("s1 = 5, s2 = 7", "at the end", false)]
    public void Letter_sets_rule_out_only_texts_missing_a_letter(string text, string phrase, bool mayHold) =>
        Assert.Equal(mayHold, LetterSet.MayHold(LetterSet.Of(text), LetterSet.Needed(phrase)));
}
