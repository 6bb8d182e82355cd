using Faithful.Model;
using Faithful.Traces.Parsing;

namespace Faithful.Traces.Tests.Parsing;

public sealed class RealReplyTests
{
    public static TheoryData<ReplyCase> Cases() => new(RealReplyCases.All());

    internal static ParsedTrace ParseCase(ReplyCase @case) => @case.Program switch
    {
        "chain" => TraceParser.Parse(@case.Reply, Programs.Chain()),
        "registers" => TraceParser.Parse(@case.Reply, Programs.Registers()),
        _ => TraceParser.Parse(@case.Reply),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reply_yields_the_expected_claims_and_answers(ReplyCase @case)
    {
        var trace = ParseCase(@case);

        Assert.Equal(@case.Claims, TraceText.Claims(trace));
        Assert.Equal(@case.Answers, TraceText.Answers(trace));
        Assert.Equal(@case.Attempts, trace.Attempts);
    }

    [Fact]
    public void There_are_at_least_forty_cases_with_both_styles()
    {
        var cases = RealReplyCases.All().ToList();

        Assert.True(cases.Count >= 40, $"{cases.Count} cases");
        Assert.True(cases.Count(c => c.Program == "registers") >= 10);
        Assert.Equal(cases.Count, cases.Select(c => c.Id).Distinct().Count());
    }
}
