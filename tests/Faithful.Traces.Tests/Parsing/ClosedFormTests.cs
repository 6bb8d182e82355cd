using Faithful.Traces.Parsing;
using Faithful.Traces.Parsing.Reading;

namespace Faithful.Traces.Tests.Parsing;

public sealed class ClosedFormTests
{
    private static readonly AnswerExtraction AskedThree = AnswerExtraction.Default with { Asked = new AskedInput("n", 3, "f") };

    [Theory]
    [InlineData("n", 3)]
    [InlineData("-n", -3)]
    [InlineData("2n", 6)]
    [InlineData("-2n", -6)]
    [InlineData("2*n + 1", 7)]
    [InlineData("1 + 2*n*n", 19)]
    [InlineData("0 - 2n", -6)]
    [InlineData("(-1)^n", -1)]
    [InlineData("1 * (-2)**n", -8)]
    [InlineData("n - 1.", 2)]
    [InlineData("n at the end", 3)]
    public void A_closed_form_in_the_input_is_evaluated_for_its_value(string text, long expected)
    {
        var tokens = Tokenizer.Tokenize(text, NameRules.Prose);

        Assert.Equal(expected, ClosedForm.Read(tokens, 0, tokens.Count, "n", 3)?.Value);
    }

    [Theory]
    [InlineData("7")]
    [InlineData("1 + 2")]
    [InlineData("m + 1")]
    [InlineData("n + 1 times")]
    [InlineData("n *")]
    [InlineData("2^n^n^n")]
    [InlineData("10^n^n")]
    public void Anything_but_a_whole_closed_form_in_the_input_is_not_one(string text)
    {
        var tokens = Tokenizer.Tokenize(text, NameRules.Prose);

        Assert.Null(ClosedForm.Read(tokens, 0, tokens.Count, "n", 3));
    }

    [Fact]
    public void A_closed_form_in_the_asked_input_states_the_loops_end_for_it()
    {
        // gpt4/complexity-cot/543 (dev), /279 (holdout4), /14 (holdout14): "After the loop, `n_0` will be equal to `n`."
        // is the loop's end for n=3; the readers count it as the shortcut that executes the last step.
        var trace = TraceParser.Parse("After the loops, `n_0` will be equal to `2n + 1`.\nSo the output is 1.", Programs.Loop(), AskedThree);

        var claim = Assert.Single(trace.Executions);
        Assert.Equal(("n_0", 7L, true), (claim.Name, claim.Value!.Value.Int64, claim.Shortcut));
    }

    [Theory]
    [InlineData("So `n_0` will be `2n + 1`.")]
    [InlineData("`n_0` is increased by 2 each time, so `n_0` will be `2n + 1`.")]
    public void A_closed_form_is_a_shortcut_without_a_word_that_sums_the_loop_up(string line)
    {
        // The recogniser marks the claim a shortcut itself; the line reader used to keep only its sentence's verdict, so
        // a closed form in a sentence without a loop word was placed as one step (7 verdicts on the 6,553 replies).
        var trace = TraceParser.Parse(line + "\nSo the output is 1.", Programs.Loop(), AskedThree);

        var claim = Assert.Single(trace.Executions);
        Assert.Equal(("n_0", 7L, true), (claim.Name, claim.Value!.Value.Int64, claim.Shortcut));
    }

    [Fact]
    public void A_closed_form_the_reply_states_again_with_its_value_is_one_claim()
    {
        // gpt4/complexity-cot/334: "`n_0` will be `-2n`" and later "`n_0` will be `-2*3 = -6`" state one shortcut; two claims
        // put the first on an earlier write, a false arithmetic error.
        var trace = TraceParser.Parse("So after n iterations `n_0` will be `1 + 2n`.\nFor n = 3: `n_0` will be `1 + 2*3 = 7`.\nThe output is 1.", Programs.Loop(), AskedThree);

        var claim = Assert.Single(trace.Claims, c => c.Name == "n_0");
        Assert.Equal(2, claim.Line);
    }

    [Fact]
    public void Without_an_asked_input_a_closed_form_states_no_value()
    {
        var trace = TraceParser.Parse("After the loops, `n_0` will be equal to `2n + 1`.", Programs.Loop());

        Assert.DoesNotContain(trace.Claims, c => c.Name == "n_0" && c.Value is not null);
    }
}
