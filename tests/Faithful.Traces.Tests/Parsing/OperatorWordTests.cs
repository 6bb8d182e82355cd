using Faithful.Traces.Parsing;

namespace Faithful.Traces.Tests.Parsing;

/// <summary>Work written with operator words ("-11 mod 7 = 3"): the claim is the value the chain ends in.</summary>
public sealed class OperatorWordTests
{
    [Theory]
    [InlineData("s4 = -11 mod 7 = 3", "-11 mod 7", 3L)]
    [InlineData("s4 = -11 modulo 7 = 3", "-11 modulo 7", 3L)]
    [InlineData("s4 = -11 rem 7 = -4", "-11 rem 7", -4L)]
    [InlineData("s4 = 14 div 4 = 3", "14 div 4", 3L)]
    [InlineData("s4 = 3 times 7 = 21", "3 times 7", 21L)]
    [InlineData("s4 = 3 plus 7 = 10", "3 plus 7", 10L)]
    [InlineData("s4 = 3 minus 7 = -4", "3 minus 7", -4L)]
    [InlineData("s4 = 14 divided by 4 = 3", "14 divided by 4", 3L)]
    [InlineData("s4 = s3 mod b = 14 mod 4 = 2", "s3 mod b = 14 mod 4", 2L)]
    public void Value_is_the_end_of_the_chain_and_the_words_are_work(string line, string work, long value)
    {
        var trace = TraceParser.Parse(line, Programs.Chain());

        var claim = Assert.Single(trace.Claims);
        Assert.Equal("s4", claim.Name);
        Assert.Equal(value, claim.Value!.Value.Int64);
        Assert.Equal(work, claim.Work);
    }

    [Fact]
    public void Words_that_are_not_operators_still_end_a_value()
    {
        var trace = TraceParser.Parse("s1 = 7 and s2 = 21", Programs.Chain());

        Assert.Equal("s1=7 s2=21", TraceText.Claims(trace));
    }
}
