using Faithful.Traces.Scoring;
using Faithful.Transcripts;

namespace Faithful.Cli.Tests.Transcripts;

/// <summary>Programs imported from untyped languages: int/var locals, and questions that are expressions.</summary>
public sealed class ImportFrictionTests
{
    private static TranscriptImport Score(params string[] lines) =>
        TranscriptScorer.Score(new StringReader(string.Join('\n', lines)), "friction.jsonl");

    [Fact]
    public void Int_locals_are_read_as_long_so_values_past_int_range_do_not_wrap()
    {
        var import = Score("""{"model":"m","program":"int n = 2147483647;\nn += 1;","inputs":{},"question":"n","reply":"n = 2147483648\n<result>2147483648</result>"}""");

        Assert.Empty(import.Issues);
        var verdict = Assert.Single(import.Results).Verdict!;
        Assert.True(verdict.FirstAnswerCorrect);
        Assert.Equal(2147483648L, verdict.Steps[^1].Expected.AsInt64);
    }

    [Fact]
    public void Var_locals_take_long_or_double_from_their_initializer_and_loop_variables_are_untouched()
    {
        var import = Score(
            """{"model":"m","program":"var n = 0;\nfor (var i = 0; i < 3; i++)\n{\n    n -= 2;\n}","inputs":{},"question":"n","reply":"<result>-6</result>"}""",
            """{"model":"m","program":"var x = 0.5;\nx *= 3;","inputs":{},"question":"x","reply":"<result>1.5</result>"}""");

        Assert.Empty(import.Issues);
        Assert.Equal(2, import.Results.Count);
        Assert.All(import.Results, r => Assert.True(r.Verdict!.FirstAnswerCorrect));
        Assert.Equal(4, import.Results[0].Length);
        Assert.Equal(Faithful.Model.ValueKind.Double, import.Results[1].Verdict!.Steps[^1].Expected.Kind);
    }

    [Theory]
    [InlineData("n_0 + n_1", "-1", true)]
    [InlineData("n_0 + n_1", "-7", false)]
    [InlineData("n_0 * 2 - n_1", "-11", true)]
    [InlineData("Math.Max(n_0, n_1)", "3", true)]
    public void A_question_may_be_an_expression_over_final_values(string question, string answer, bool right)
    {
        var line = $$"""{"model":"m","program":"long n_0 = 0;\nlong n_1 = 3;\nn_0 -= 4;","inputs":{},"question":"{{question}}","reply":"<result>{{answer}}</result>"}""";

        var import = Score(line);

        Assert.Empty(import.Issues);
        Assert.Equal(right, Assert.Single(import.Results).Verdict!.FirstAnswerCorrect);
    }

    [Theory]
    [InlineData("0; } void M() {")]
    [InlineData("n_0 = 3")]
    [InlineData("n_0 +")]
    public void A_question_that_is_not_one_expression_is_reported_on_its_line(string question)
    {
        var good = """{"model":"m","program":"long n_0 = 1;","inputs":{},"question":"n_0","reply":"<result>1</result>"}""";
        var bad = $$"""{"model":"m","program":"long n_0 = 1;","inputs":{},"question":"{{question}}","reply":"<result>1</result>"}""";

        var import = Score(good, bad);

        Assert.Single(import.Results);
        var issue = Assert.Single(import.Issues);
        Assert.Equal(2, issue.Line);
        Assert.Contains("'question'", issue.Reason, StringComparison.Ordinal);
    }
}
