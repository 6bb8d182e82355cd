using Faithful.Traces.Parsing;

namespace Faithful.Traces.Tests.Parsing;

public sealed class ParserBoundsTests
{
    [Fact]
    public void Null_and_empty_replies_are_empty_traces()
    {
        Assert.Equal(ParsedTrace.Empty, TraceParser.Parse(null));
        Assert.Equal(ParsedTrace.Empty, TraceParser.Parse(""));
    }

    [Fact]
    public void Too_many_characters_are_cut_and_marked()
    {
        var reply = string.Concat(Enumerable.Range(1, 2000).Select(i => $"s{i} = {i}\n"));

        var trace = TraceParser.Parse(reply, TraceParserOptions.Default with { MaxCharacters = 100 });

        Assert.True(trace.Truncated);
        Assert.InRange(trace.Claims.Count, 10, 14);
    }

    [Fact]
    public void Too_many_lines_are_cut_and_marked()
    {
        var reply = string.Concat(Enumerable.Range(1, 50).Select(i => $"s{i} = {i}\n"));

        var trace = TraceParser.Parse(reply, TraceParserOptions.Default with { MaxLines = 10 });

        Assert.True(trace.Truncated);
        Assert.Equal(10, trace.Claims.Count);
        Assert.Equal(10, trace.LineCount);
    }

    [Fact]
    public void An_overlong_line_is_cut_and_reported()
    {
        var trace = TraceParser.Parse("s1 = 7" + new string(' ', 5000) + "s2 = 9", TraceParserOptions.Default with { MaxLineLength = 100 });

        Assert.Equal("s1=7", TraceText.Claims(trace));
        Assert.Contains(trace.Issues, i => i.Line == 1 && i.Reason.Contains("only the first 100 were read", StringComparison.Ordinal));
    }

    [Fact]
    public void Issues_are_capped_with_a_count_of_the_rest()
    {
        var reply = string.Concat(Enumerable.Range(1, 30).Select(i => $"s{i} = ?\n"));

        var trace = TraceParser.Parse(reply, TraceParserOptions.Default with { MaxIssues = 5 });

        Assert.Equal(6, trace.Issues.Count);
        Assert.Equal("25 more issue(s) not listed", trace.Issues[^1].Reason);
    }

    [Fact]
    public void A_code_reprint_is_flagged_and_claims_nothing()
    {
        var trace = TraceParser.Parse("var s1 = a + b;\nvar s2 = s1 * a;\nvar s3 = s2 - s1;\nvar s4 = s3 / b;\nreturn s4;", Programs.Chain());

        Assert.Empty(trace.Claims);
        Assert.Equal(4, trace.StatementsWithoutValues);
        Assert.Contains(trace.Issues, i => i.Line == 3 && i.Reason.Contains("restates 's2 - s1' without a value", StringComparison.Ordinal));
    }

    [Fact]
    public void Claims_keep_line_attempt_work_and_text()
    {
        var trace = TraceParser.Parse("Sure.\n\n**a3 -= a2** → a3 = 2 − (−7) = 9", Programs.Registers());

        var claim = Assert.Single(trace.Claims);
        Assert.Equal(3, claim.Line);
        Assert.Equal(0, claim.Attempt);
        Assert.Equal("2 - (-7)", claim.Work);
        Assert.Equal("**a3 -= a2** → a3 = 2 − (−7) = 9", claim.Text);
        Assert.Null(claim.StepNumber);
    }

    [Fact]
    public void Step_numbers_are_kept_with_names()
    {
        var trace = TraceParser.Parse("3. s3 = 14\nStep 4: s4 = 3", Programs.Chain());

        Assert.Equal([3, 4], trace.Claims.Select(c => c.StepNumber!.Value));
    }

    [Fact]
    public void A_value_given_without_work_has_no_work()
    {
        var trace = TraceParser.Parse("s1 = 7\ns2 = s1 * a = 21", Programs.Chain());

        Assert.Null(trace.Claims[0].Work);
        Assert.Equal("s1 * a", trace.Claims[1].Work);
    }

    [Fact]
    public void Doubles_and_integers_read_exactly()
    {
        var trace = TraceParser.Parse("x1 = 42.0\nx2 = -0.125\nx3 = 9223372036854775807\nx4 = 9223372036854775808");

        Assert.Equal(42L, trace.Claims[0].Value!.Value.Int64);
        Assert.Equal(-0.125, trace.Claims[1].Value!.Value.Real);
        Assert.Equal(long.MaxValue, trace.Claims[2].Value!.Value.Int64);
        Assert.Null(trace.Claims[3].Value!.Value.Int64);
    }
}
