using CsCheck;
using Faithful.Traces.Parsing.Reading;

namespace Faithful.Traces.Tests.Parsing;

/// <summary>
/// The tokenizer reads ASCII through lookup tables and everything else through the char tests: both paths, every symbol
/// and where a sign belongs to its number.
/// </summary>
public sealed class TokenizerTests
{
    private static string Shape(string text, NameRules? names = null) =>
        string.Join(" ", Tokenizer.Tokenize(text, names ?? new NameRules(["s1", "s2", "n_0"])).Select(t => $"{t.Kind}:{t.Text}"));

    [Theory]
    [InlineData("s2 = s1 - 7", "Name:s2 Assign:= Name:s1 Operator:- Number:7")]
    [InlineData("s2 = -7", "Name:s2 Assign:= Number:-7")]
    [InlineData("(-19) - 7", "Operator:( Number:-19 Operator:) Operator:- Number:7")]
    [InlineData("3 -7", "Number:3 Operator:- Number:7")]
    [InlineData("x = +5", "Word:x Assign:= Number:+5")]
    [InlineData("3x3 = 9", "Number:3 Operator:* Number:3 Assign:= Number:9")]
    [InlineData("0x3", "Number:0 Name:x3")]
    [InlineData("x3 and X", "Name:x3 Word:and Word:X")]
    [InlineData("a3#2 = 4", "Name:a3#2 Assign:= Number:4")]
    [InlineData("n_0 := 1,234", "Name:n_0 Assign::= Number:1,234")]
    [InlineData("s1 += 2; s2--", "Name:s1 CompoundAssign:+= Number:2 Semicolon:; Name:s2 IncrementOrDecrement:--")]
    [InlineData("s1 -> 3 => 4 --> 5", "Name:s1 Arrow:-> Number:3 Arrow:=> Number:4 Arrow:--> Number:5")]
    [InlineData("a <<= 1 >>= 2 << 3 >> 4", "Word:a CompoundAssign:<<= Number:1 CompoundAssign:>>= Number:2 Operator:<< Number:3 Operator:>> Number:4")]
    [InlineData("1 <= 2 >= 3 != 4 == 5", "Number:1 Operator:<= Number:2 Operator:>= Number:3 Operator:!= Number:4 Operator:== Number:5")]
    [InlineData("a%b, c^d | e & ~f", "Word:a Operator:% Word:b Comma:, Word:c Operator:^ Word:d Operator:| Word:e Operator:& Operator:~ Word:f")]
    [InlineData("[s1]: `5`!", "Operator:[ Name:s1 Operator:] Colon:: Other:` Number:5 Other:` Other:!")]
    [InlineData("s1 ++", "Name:s1 IncrementOrDecrement:++")]
    [InlineData("s1++", "Name:s1 IncrementOrDecrement:++")]
    [InlineData("s2=-7,-3;+4:-1!+2", "Name:s2 Assign:= Number:-7 Comma:, Number:-3 Semicolon:; Number:+4 Colon:: Number:-1 Other:! Number:+2")]
    public void Ascii_lines_read_as_the_symbols_and_signs_say(string text, string expected) =>
        Assert.Equal(expected, Shape(text));

    [Theory]
    [InlineData("café = 3", "Word:café Assign:= Number:3")]
    [InlineData("s1\u00a0=\u20037", "Name:s1 Assign:= Number:7")]
    [InlineData("πr² ≈ 3", "Word:πr Other:² Other:≈ Number:3")]
    [InlineData("\u0663 + 1", "Other:\u0663 Operator:+ Number:1")]
    [InlineData("élan_2x", "Word:élan_2x")]
    public void Other_characters_follow_the_char_tests(string text, string expected) =>
        Assert.Equal(expected, Shape(text));

    [Fact]
    public void Every_character_is_in_one_token_or_is_white_space() =>
        Gen.String[Gen.Char["sn_01234567899x-+=<>!:;,.()[]`#*/%&|^~ \t\u00a0é²≈"], 0, 40].Sample(text =>
        {
            var tokens = Tokenizer.Tokenize(text, new NameRules(["s1", "n_0"]));
            var next = 0;
            foreach (var token in tokens)
            {
                Assert.True(token.Start >= next && token.End > token.Start, $"'{text}': token {token.Kind} at {token.Start}-{token.End}");
                Assert.True(text[next..token.Start].All(char.IsWhiteSpace), $"'{text}': skipped '{text[next..token.Start]}'");
                next = token.End;
            }

            Assert.True(text[next..].All(char.IsWhiteSpace), $"'{text}': left '{text[next..]}'");
        });
}
