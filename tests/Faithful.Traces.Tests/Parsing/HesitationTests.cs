using Faithful.Traces.Parsing;

namespace Faithful.Traces.Tests.Parsing;

/// <summary>"Hmm" and "Wait" open a new attempt only when the values that follow change.</summary>
public sealed class HesitationTests
{
    [Theory]
    [InlineData("s1 = 7\ns2 = 21\nHmm, let me double-check s2.\ns2 = 21\ns3 = 14\ns4 = 3", "s1=7 s2=21 s2=21 s3=14 s4=3")]
    [InlineData("s1 = 7\ns2 = 21\ns3 = 14\nWait, let me check from the start.\ns1 = 7\ns2 = 21\ns3 = 14\ns4 = 3", "s1=7 s2=21 s3=14 s1=7 s2=21 s3=14 s4=3")]
    [InlineData("s1 = 7\ns2 = 21\nHold on, checking.\ns3 = 14\ns4 = 3", "s1=7 s2=21 s3=14 s4=3")]
    public void A_recheck_that_repeats_the_values_stays_in_the_attempt(string reply, string claims)
    {
        var trace = TraceParser.Parse(reply, Programs.Chain());

        Assert.Equal(claims, TraceText.Claims(trace));
    }

    [Theory]
    [InlineData("s1 = 7\ns2 = 20\nWait, let me check.\ns1 = 7\ns2 = 21\ns3 = 14", "s1=7 s2=20 | s1=7 s2=21 s3=14")]
    [InlineData("s1 = 7\ns2 = 20\nHmm.\ns2 = 21\ns3 = 14", "s1=7 s2=20 | s2=21 s3=14")]
    [InlineData("s1 = 7\ns2 = 20\nWait, I made a mistake.\ns3 = 14", "s1=7 s2=20 | s3=14")]
    [InlineData("s1 = 7\ns2 = 20\nHmm, let me redo s2.\ns2 = 20\ns3 = 13", "s1=7 s2=20 | s2=20 s3=13")]
    public void A_hesitation_followed_by_a_changed_value_or_an_admitted_error_starts_a_new_attempt(string reply, string claims)
    {
        var trace = TraceParser.Parse(reply, Programs.Chain());

        Assert.Equal(claims, TraceText.Claims(trace));
    }

    [Fact]
    public void A_register_claimed_again_after_a_hesitation_goes_back()
    {
        var trace = TraceParser.Parse("a3 += a2 -> a3 = 2\na3 += a2 -> a3 = 12\nWait.\na3 += a2 -> a3 = 11\na3 += a2 -> a3 = 20", Programs.Registers());

        Assert.Equal("a3=2 a3=12 | a3=11 a3=20", TraceText.Claims(trace));
    }
}
