using Faithful.Traces.Parsing;

namespace Faithful.Traces.Tests.Parsing;

public sealed class SmokeTests
{
    [Fact]
    public void Reads_plain_step_lines_and_final_answer()
    {
        var trace = TraceParser.Parse("s1 = 7\ns2 = 21\ns3 = s2 - s1 = 21 - 7 = 14\ns4 = 3\nFinal answer: 3", Programs.Chain());

        Assert.Equal(["s1", "s2", "s3", "s4"], trace.Claims.Select(c => c.Name));
        Assert.Equal([7L, 21L, 14L, 3L], trace.Claims.Select(c => c.Value!.Value.Int64!.Value));
        Assert.Equal("s2 - s1 = 21 - 7", trace.Claims[2].Work);
        Assert.Equal(3L, trace.FirstAnswer!.Value!.Value.Int64);
    }

    [Fact]
    public void Reads_register_arrow_lines()
    {
        var trace = TraceParser.Parse("a3 -= a2 -> a3 = 2 - (-7) = 9", Programs.Registers());

        var claim = Assert.Single(trace.Claims);
        Assert.Equal("a3", claim.Name);
        Assert.Equal(9L, claim.Value!.Value.Int64);
        Assert.Equal("2 - (-7)", claim.Work);
    }
}
