using CsCheck;
using Faithful.Traces.Parsing;
using Faithful.Traces.Parsing.Reading;

namespace Faithful.Traces.Tests.Parsing;

/// <summary>
/// Shortcuts the reader takes for speed must not change what it reads: each is held here to the slower way it replaces,
/// on generated input built from the pieces that decide it.
/// </summary>
public sealed class ReaderShortcutTests
{
    // Markup and arithmetic stars, underscores, code marks, LaTeX, unicode operators and plain text, in any order.
    private static readonly Gen<string> MarkedUpLine = Gen.OneOf(
        "**", "*", " * ", "a*b", "2 ** 3", "n_0*=-1", "s4 * 6", "(s1)*(s2)", "*-1", "__", "_", "n_0", "`", "$", "{", "}",
        "}{", "\u2192", "\u2212", "\u2013", "\u2009", "\u00A0", "\t", "\\times", "\\(", "\\frac{", "s3", "=", " ", "(", ")",
        "-", "7", "42", "x", "Step 1:", "\"", "\"n_0\"", " \" ").Array[0, 10].Select(parts => string.Concat(parts));

    [Fact]
    public void Normalizing_a_line_gives_what_rebuilding_it_by_every_rule_gives() =>
        MarkedUpLine.Sample(line => Assert.Equal(LineNormalizer.Rebuild(line), LineNormalizer.Normalize(line)), iter: 20_000);

    [Fact]
    public void The_next_character_a_rule_may_touch_is_found_as_a_search_for_any_of_them_finds_it()
    {
        var handled = System.Buffers.SearchValues.Create(LineNormalizer.HandledCharacters);
        var pieces = Gen.OneOf<string>(new IGen<string>[] { MarkedUpLine, Gen.Char.Select(c => c.ToString()), Gen.OneOf("\u2212", "\u00E9", "\u2192", "a", " ") });
        Gen.Select(pieces.Array[0, 6].Select(parts => string.Concat(parts)), Gen.Int[0, 40]).Sample((text, from) =>
        {
            var start = Math.Min(from, text.Length);
            Assert.Equal(text.AsSpan(start).IndexOfAny(handled), LineNormalizer.NextHandled(text, start));
        }, iter: 20_000);
    }

    [Theory]
    [InlineData("s6 = s5 + s4 * 6")]
    [InlineData("n_0 = (-1) * 2 = -2")]
    [InlineData("a3 *= a2 -> a3 = 2 * 3 = 6")]
    public void A_line_whose_stars_are_all_arithmetic_is_its_own_normal_form(string line) =>
        Assert.Same(line, LineNormalizer.Normalize(line));

    [Theory]
    [InlineData("**s1 = 3**", "s1 = 3")]
    [InlineData("`s2 = s1 * 2` = 6", " s2 = s1 * 2  = 6")]
    [InlineData("__s1__ = 3", "s1 = 3")]
    [InlineData("sets \"n_0\" to -1", "sets  n_0  to -1")]
    [InlineData("say \" hi \" or \"", "say \" hi \" or \"")]
    public void A_line_with_markup_is_rebuilt(string line, string expected) =>
        Assert.Equal(expected, LineNormalizer.Normalize(line));

    private static readonly string[] Fillers = TokenText.TrailingFillers;

    // Work with trailing fillers in any case, separators, arrows and characters that upper-case oddly (Kelvin sign,
    // dotless i, long s).
    private static readonly Gen<string> Work = Gen.OneOf(
        [.. Fillers, .. Fillers.Select(f => f.ToUpperInvariant()), "=", "->", "=>", ";", " ", "7", "(s1 - 2)", ")", "x", "\u212A", "\u0131", "\u017F", "ing", "at"])
        .Array[0, 8].Select(parts => string.Concat(parts));

    // The trimming as it was written before its last-character screen: every filler compared in turn.
    private static string? TrimmedByComparingEveryFiller(string work)
    {
        var trimmed = work.AsSpan().Trim().TrimEnd("=,;:.").TrimEnd();
        if (trimmed.EndsWith("->", StringComparison.Ordinal) || trimmed.EndsWith("=>", StringComparison.Ordinal))
        {
            trimmed = trimmed[..^2].TrimEnd();
        }

        foreach (var filler in Fillers)
        {
            if (trimmed.EndsWith(filler, StringComparison.OrdinalIgnoreCase))
            {
                trimmed = trimmed[..^filler.Length].TrimEnd();
            }
        }

        return trimmed.IsEmpty ? null : trimmed.ToString();
    }

    [Fact]
    public void Trimming_work_screens_fillers_by_their_last_character_without_changing_what_it_trims() =>
        Work.Sample(work => Assert.Equal(TrimmedByComparingEveryFiller(work), TokenText.TrimSeparators(work)), iter: 20_000);

    // The comment split as it was written before it jumped from mark to mark: every character looked at.
    private static (string Code, string? Comment) SplitCommentCharacterByCharacter(string text)
    {
        for (var i = 1; i + 1 < text.Length; i++)
        {
            if (text[i] == '/' && text[i + 1] == '/' && text[i - 1] != ':')
            {
                return (text[..i], text[(i + 2)..]);
            }

            if (text[i] == '#' && char.IsWhiteSpace(text[i - 1]) && !char.IsAsciiDigit(text[i + 1]))
            {
                return (text[..i], text[(i + 1)..]);
            }
        }

        return (text, null);
    }

    [Fact]
    public void Splitting_off_a_comment_finds_the_mark_that_looking_at_every_character_finds() =>
        Gen.OneOf("/", "//", "#", " #", "# ", "://", "http://x", "a3 += a2", " ", "7", "#2", "-> 9", "x").Array[0, 8]
            .Select(parts => string.Concat(parts))
            .Sample(text => Assert.Equal(SplitCommentCharacterByCharacter(text), TokenText.SplitComment(text)), iter: 20_000);

    // Events of a reply in line order: claims with and without an item number, executions and observations, chatter.
    private static readonly Gen<(int LineStep, int? Number, ReadingKind Kind, bool Chatter)[]> EventPlans =
        Gen.Select(Gen.Int[0, 2], Gen.Int[1, 5].Nullable(), Gen.OneOf(ReadingKind.Execution, ReadingKind.NoChangeExecution, ReadingKind.StateSnapshot, ReadingKind.Readout), Gen.Bool)
            .Array[0, 14];

    private static List<ReadEvent> EventsOf((int LineStep, int? Number, ReadingKind Kind, bool Chatter)[] plan)
    {
        var events = new List<ReadEvent>();
        var line = 1;
        foreach (var (step, number, kind, chatter) in plan)
        {
            line += step;
            events.Add(chatter
                ? ReadEvent.ForReading(line, ReadingKind.Chatter)
                : ReadEvent.ForClaim(line, new LineClaim("n_0", number, null, null, kind), $"line {line}"));
        }

        return events;
    }

    [Fact]
    public void Item_numbers_shared_on_a_line_are_dropped_as_counting_every_line_in_a_table_drops_them() =>
        EventPlans.Sample(plan =>
        {
            var byRuns = EventsOf(plan);
            var byTable = EventsOf(plan);
            ListNumberFit.DropSharedItemNumbers(byRuns);
            ListNumberFit.DropSharedItemNumbersOutOfOrder(byTable);
            Assert.Equal(byTable.Select(e => e.Kind == ReadEventKind.Claim ? e.Claim.StepNumber : -1), byRuns.Select(e => e.Kind == ReadEventKind.Claim ? e.Claim.StepNumber : -1));
        }, iter: 5_000);

    [Fact]
    public void Two_numbered_executions_on_one_line_lose_their_numbers_and_a_lone_one_keeps_its_number()
    {
        var events = EventsOf([(0, 2, ReadingKind.Execution, false), (0, 3, ReadingKind.Execution, false), (1, 4, ReadingKind.Execution, false), (1, 5, ReadingKind.StateSnapshot, false)]);
        ListNumberFit.DropSharedItemNumbers(events);
        Assert.Equal(new int?[] { null, null, 4, 5 }, events.Select(e => e.Claim.StepNumber));
    }

    [Fact]
    public void Events_out_of_line_order_are_counted_line_by_line()
    {
        // Line 2, then line 1, then line 2 again: the two executions of line 2 share it although they are apart.
        var events = new List<ReadEvent>
        {
            ReadEvent.ForClaim(2, new LineClaim("n_0", 2, null, null), "a"),
            ReadEvent.ForClaim(1, new LineClaim("n_0", 1, null, null), "b"),
            ReadEvent.ForClaim(2, new LineClaim("n_0", 3, null, null), "c"),
        };
        ListNumberFit.DropSharedItemNumbers(events);
        Assert.Equal(new int?[] { null, 1, null }, events.Select(e => e.Claim.StepNumber));
    }

    [Fact]
    public void Counting_distinct_numbers_up_to_three_agrees_with_a_set() =>
        Gen.Int[-3, 3].Array[0, 8].Sample(numbers =>
        {
            var count = default(ListNumberFit.DistinctCount);
            foreach (var number in numbers)
            {
                count.Add(number);
            }

            Assert.Equal(numbers.Distinct().Count() >= 3, count.AtLeastThree);
        }, iter: 5_000);
}
