using Faithful.Traces.Parsing.Reading;

namespace Faithful.Traces.Tests.Parsing;

public sealed class ArithmeticTokensTests
{
    [Theory]
    [InlineData("1+1+1", 3)]
    [InlineData("2 + 2 * 3", 8)]
    [InlineData("-1 - 1 - 1", -3)]
    [InlineData("5 - (-2) * 3", 11)]
    [InlineData("7", 7)]
    public void Integer_arithmetic_evaluates_with_products_first(string text, long expected)
    {
        var tokens = Tokenizer.Tokenize(text, NameRules.Prose);

        Assert.True(ArithmeticTokens.TryEvaluate(tokens, 0, tokens.Count, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("6 / 2")]
    [InlineData("1 +")]
    [InlineData("n_0 + 1")]
    [InlineData("9223372036854775807 + 1")]
    [InlineData("3037000500 * 3037000500")]
    [InlineData("(1 + 2) * 3")]
    public void Anything_else_is_not_read(string text)
    {
        var tokens = Tokenizer.Tokenize(text, new NameRules(["n_0"]));

        Assert.False(ArithmeticTokens.TryEvaluate(tokens, 0, tokens.Count, out _));
    }
}
