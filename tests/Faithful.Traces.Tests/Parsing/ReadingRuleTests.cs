using Faithful.Model;
using Faithful.Traces.Parsing;
using Faithful.Traces.Scoring;

namespace Faithful.Traces.Tests.Parsing;

/// <summary>
/// Reading rules a careful human reader applies to real replies (issue 12), each on a synthetic line of its own.
/// Program: "loop" (n_0 = 1, n_1 = 0 given; n_0 3, n_1 -1 -2, n_0 5, n_1 -3 -4, n_0 7, n_1 -5 -6; answer 1).
/// </summary>
public sealed class ReadingRuleTests
{
    private static ParsedTrace Loop(string reply) => TraceParser.Parse(reply, Programs.Loop());

    // Whether `line`, after a walk that gives n_0's values 3, 5, 7 and n_1's -1, -2, -6, is read as an invented total.
    private static bool ClaimsInventedTotal(string line) =>
        Loop("n_0 = 3\nn_1 = -1\nn_0 = 5\nn_1 = -2\nn_0 = 7\nn_1 = -6\n" + line).Claims.Any(c => c.Name == "sum");

    private static string Kinds(ParsedTrace trace) => string.Join(" ", trace.Claims.Select(c => $"{c.Kind}:{c.Name}={c.Value?.Text}{(c.Shortcut ? "*" : "")}"));

    [Fact]
    public void The_value_left_of_an_arrow_is_the_value_held_before_the_step()
    {
        var trace = Loop("n_0 = 1 -> n_0 = 3\nn_1 = 0 -> n_1 = -1\nn_0 = 3 -> n_0 = 5");

        Assert.Equal("InputEcho:n_0=1 Execution:n_0=3 InputEcho:n_1=0 Execution:n_1=-1 StateSnapshot:n_0=3 Execution:n_0=5", Kinds(trace));
    }

    [Theory]
    [InlineData("n_1 starts at 0 and goes down by one each pass, so it becomes -1, -2.", "Execution:n_1=-1 Execution:n_1=-2")]
    [InlineData("n_1 starts at 0 and goes down by one each pass, so it becomes -1, -2, ...", "")]
    [InlineData("n_0 and n_1 both change, so it becomes -1, -2.", "Execution:n_1=-1")]
    public void A_list_said_of_it_belongs_to_the_one_name_its_sentence_gave(string line, string claimed)
    {
        // A variable's start, its update, then "so it becomes" and a list walks that variable (llama2-70b/complexity-cot/748,
        // holdout31); a list left open describes the loop, as for a named one, and "it" after two names walks neither (the
        // prose reading still takes the nearer name's first value, as before).
        var trace = Loop(line);

        Assert.Equal(claimed, string.Join(" ", trace.Claims.Where(c => c.Kind == ReadingKind.Execution).Select(c => $"{c.Kind}:{c.Name}={c.Value?.Text}")));
    }

    [Theory]
    [InlineData("Here n_0 and n_1 are both initialised to 1.", "InputEcho:n_0=1 InputEcho:n_1=1")]
    [InlineData("The variables n_0 and n_1 are all set to 0 at the start.", "InputEcho:n_0=0 InputEcho:n_1=0")]
    public void Names_said_to_be_both_or_all_initialized_to_one_value_each_echo_it(string line, string kinds)
    {
        // Two names "are both initialized to 1" echo that value each (gpt4/complexity-cot/304, holdout32): the second of
        // them was read as a step to 1, a false arithmetic error.
        Assert.Equal(kinds, Kinds(Loop(line)));
    }

    [Fact]
    public void Leaving_a_loop_with_the_value_held_restates_it()
    {
        // A walk's numbered lines that leave a loop and say a variable stays at the value it holds restate that value
        // (gpt35/complexity-cot/691, holdout32): read as a write that leaves it, it took n_1's next write, whose value
        // differs, a false arithmetic error.
        var verdict = CaseScorer.Score(Programs.Loop(), [], string.Join("\n",
            "1. n_0 = 1 + 2 = 3", "2. n_1 = 0 - 1 = -1", "3. n_1 = -1 - 1 = -2", "4. n_0 = 3 + 2 = 5",
            "5. Exit the inner loop. n_1 stays -2.",
            "6. n_1 = -2 - 1 = -3", "7. n_1 = -3 - 1 = -4", "8. n_0 = 5 + 2 = 7", "9. n_1 = -4 - 1 = -5", "10. n_1 = -5 - 1 = -6",
            "The output is 7 + -6 = 1."));

        Assert.DoesNotContain(FailureMode.ArithmeticError, verdict.Modes);
        Assert.Equal(FailureMode.Correct, verdict.PrimaryMode);
    }

    [Theory]
    [InlineData("n0 = 1\nn1 = 0", "InputEcho:n_0=1 InputEcho:n_1=0")]
    [InlineData("n0 = 5", "Execution:n0=5")]
    public void A_name_retyped_without_its_underscore_restating_its_given_value_echoes_it(string reply, string kinds)
    {
        // A code re-print that spells n_0 as n0 ("n0 = 1" for "long n_0 = 1") restates the given values; read as names the
        // program lacks, they were extra steps (llamacodeinstruct/complexity-cot/923, holdout43; /40, holdout42). Another
        // value under such a name stays a claim of its own.
        Assert.Equal(kinds, Kinds(Loop(reply)));
    }

    [Fact]
    public void A_total_after_names_listed_with_their_values_is_no_names_value()
    {
        // "the sum of n_0 (6), n_1 (3), n_2 (-7), and n_3 (-3), which is -1": "which is" gives the total; it was read as
        // n_3's new value, a false arithmetic error (gpt35/complexity-cot/635, holdout51).
        var trace = TraceParser.Parse("Finally, the function returns the sum of `n_0` (5), `n_1` (2), `n_2` (-6), and `n_3` (-4), which is -3.",
            Simulation.LoopPrograms.Generate(1, 4, 3, nested: true));

        Assert.DoesNotContain(trace.Claims, c => c.Value?.Text == "-3");
    }

    [Theory]
    [InlineData("So n_1 will be (-2)**n.", "Execution:n_1=-8*")]
    [InlineData("So n_1 becomes 2**3 = 8.", "Execution:n_1=8*")]
    [InlineData("**Step 1:** n_1 = -1", "Execution:n_1=-1")]
    public void Two_stars_between_operands_raise_to_a_power(string line, string kinds)
    {
        // "**" was dropped as bold markup wherever it stood, so "(-2)**n" read as -2 beside an n and "2**10 = 1024" as
        // 210 = 1024 (llama3-70b/complexity-redundant-cot/204, holdout50: a false self-correction; /811, /548 unlabelled:
        // false arithmetic errors). Between a number or ')' and an operand it is a power; bold markup stays markup. A power
        // of the asked input (2**3 for n=3) is a closed form evaluated, a shortcut.
        var trace = TraceParser.Parse(line, Programs.Loop(), AnswerExtraction.Default with { Asked = new AskedInput("n", 3, "f") });

        Assert.Equal(kinds, Kinds(trace));
    }

    [Fact]
    public void Respectively_zips_the_last_values_with_the_names_just_before_them()
    {
        // Code pairs, then the names again "initialized to 1 and 0, respectively": the names before the code's values
        // spoilt the zip, and "n_1, to 1" read as a write of n_1, later corrected (llama2-70b/complexity-cot/590, holdout4:
        // a false self-correction).
        var verdict = CaseScorer.Score(Programs.Loop(), [], string.Join("\n",
            "1. `n_0 = 1; n_1 = 0`: sets the two variables, `n_0` and `n_1`, initialized to 1 and 0, respectively.",
            "n_0 = 1 + 2 = 3", "n_1 = 0 - 1 = -1", "n_1 = -1 - 1 = -2", "n_0 = 3 + 2 = 5", "n_1 = -2 - 1 = -3", "n_1 = -3 - 1 = -4",
            "n_0 = 5 + 2 = 7", "n_1 = -4 - 1 = -5", "n_1 = -5 - 1 = -6", "The output is 7 + -6 = 1."));

        Assert.Equal(FailureMode.Correct, verdict.PrimaryMode);
    }

    [Fact]
    public void A_value_said_again_in_its_pass_walks_the_loop_too()
    {
        // Values each said in their pass, the third "again in the third" pass: the third value's
        // "again" hid its pass, and the value was lost (llama3-70b/complexity-cot/610, holdout49: the final held value
        // became the second one, so a right sum of the reply's own values read as an arithmetic error).
        var trace = TraceParser.Parse(
            "n_1 becomes -1 in the first pass, 1 in the second pass, and -1 again in the third pass.",
            Programs.FlipLoop());

        Assert.Equal("Execution:n_1=-1 Execution:n_1=1 Execution:n_1=-1", Kinds(trace));
    }

    [Fact]
    public void A_bracket_that_opens_the_next_assignment_is_not_the_values()
    {
        // "1. n_0=-1 [n_0=-1]": the bracket opens the restated value; read into the first clause it left "-1 [" as a
        // statement without a value, a claim the program does not have (jurassic2-ultra/complexity-cot/15, holdout15).
        var verdict = CaseScorer.Score(Programs.Counter(), [], string.Join("\n",
            "1. n_0=1 [n_0=1]", "2. n_0+=1 [n_0=2]", "3. n_0+=1 [n_0=3]", "4. n_0+=1 [n_0=4]", "<result>4</result>"));

        Assert.DoesNotContain(FailureMode.HallucinatedSteps, verdict.Modes);
        Assert.Equal(FailureMode.Correct, verdict.PrimaryMode);
    }

    [Theory]
    [InlineData("s5 = 2n_0 = 2(1) = 2", "Execution:s5=2")]
    [InlineData("x = 2n_0 = 2", "")]
    [InlineData("s1 = 7 n_0 = 21", "Execution:s1=7 Execution:n_0=21")]
    public void A_name_written_onto_a_number_is_its_factor(string line, string kinds)
    {
        // "n_1 = 2n_0 = 2(1) = 2" in a rewritten recurrence: n_0 is the product's factor, neither a pair of a snapshot nor
        // an assignment's target (llama2-70b/complexity-cot/279, holdout48, and /280, /295: read as n_0 = 2, a wrong
        // write, an arithmetic error beside the extra steps). A value that ends before the next name still ends its pair.
        Assert.Equal(kinds, Kinds(TraceParser.Parse(line, Programs.Counter())));
    }

    [Theory]
    [InlineData("Here is a hint: n_0 and n_1 are both initialized to 5.", false)]
    [InlineData("Here is a hint: n_0 and n_1 are both initialized to 5.\nn_0 = 5 + 2 = 7", true)]
    public void A_misread_given_value_is_an_arithmetic_error_only_where_a_step_is_executed(string reply, bool arithmetic)
    {
        // A wrong echo of the initial values with nothing executed works nothing out (the guide: a reply with no executed
        // step is not an arithmetic error; llama2-70b/complexity-cot/906, holdout47); one that a step then reads still is.
        var verdict = CaseScorer.Score(Programs.Loop(), [], reply);

        Assert.Equal(arithmetic, verdict.Modes.Contains(FailureMode.ArithmeticError));
    }

    [Theory]
    [InlineData("2. Start the outer loop, for each of the 3 passes:")]
    [InlineData("Start the outer loop:")]
    public void A_heading_that_starts_a_loop_ends_the_initial_values(string heading)
    {
        // "1. Initialize the variables ...:" over the values, then "2. Start the outer loop ...:": "start" read as a
        // heading of initial values, so every write below read as an echo of a misread given value (gpt35/complexity-cot/428,
        // holdout25; /723, unlabelled: a false arithmetic error).
        var trace = Loop(string.Join("\n", "1. Initialize the variables n_0 and n_1:", "   n_0 = 1, n_1 = 0", "", heading,
            "   - First iteration: n_0 += 2 (n_0 = 3)", "     - First iteration: n_1 -= 1 (n_1 = -1)"));

        Assert.Equal("InputEcho:n_0=1 InputEcho:n_1=0 Execution:n_0=3 Execution:n_1=-1", Kinds(trace));
    }

    [Theory]
    [InlineData("**Iteration 1 (n=3):**")]
    [InlineData("Iteration 1 (n = 3):")]
    public void A_heading_that_names_the_input_in_a_parenthesis_ends_the_initial_values(string heading)
    {
        // "**Initial values:**" over a code block, then "**Iteration 1 (n=3):**" over the first pass: the '=' of the
        // input's value made the heading read as a statement, so the pass stayed under "Initial values" and its writes
        // read as echoes of misread given values (llama3-70b/complexity-code/212, holdout26: a false arithmetic error).
        var trace = Loop(string.Join("\n", "**Initial values:**", "```", "n_0 = 1", "n_1 = 0", "```", heading, "```",
            "n_0 += 2 => n_0 = 3", "n_1 -= 1 => n_1 = -1", "```"));

        Assert.Equal("InputEcho:n_0=1 InputEcho:n_1=0 Execution:n_0=3 Execution:n_1=-1", Kinds(trace));
    }

    [Theory]
    [InlineData("So n_1 is decremented 6 times, making n_1=-6 (since it was initially 0).", "Execution:n_1=-6*")]
    [InlineData("n_1 = 0 (before the loop)", "InputEcho:n_1=0")]
    [InlineData("n_1 = 0 (its initial value is 0)", "InputEcho:n_1=0")]
    public void A_cue_after_a_pair_that_gives_its_own_value_echoes_that_one(string line, string kinds)
    {
        // "making n_3=-82 (since it was initially -1)": the sentence's only echo cue, after the pair, gives the start the
        // loop set out from; the pair is the loop's end (gpt4/complexity-cot/372, holdout34: read as an echo of -82, a
        // misread given value, an arithmetic error and a premature answer). A cue with no value, or the pair's own, echoes.
        Assert.Equal(kinds, Kinds(Loop(line)));
    }

    [Fact]
    public void A_value_given_after_a_loop_summary_without_one_is_the_loops_end()
    {
        // Each update described for its loop with no value, then the values worked out below ("n_2 = -2*3^3 - 1 = -55"):
        // each value completes its summary, the loop's end (gpt4/complexity-cot/771, holdout47: the values were placed on
        // mid-loop writes they matched or missed, a false arithmetic error). Here n_1's -1 read as a step would take its
        // next write after n_0's last, leaving two flips unexecuted: premature.
        var verdict = CaseScorer.Score(Programs.FlipLoop(), [], string.Join("\n",
            "- n_0: This variable is increased by 2 in each iteration of the outer loop.",
            "- n_1: This variable is multiplied by -1 in each iteration of the inner loop.",
            "Now we substitute n = 3:", "- n_0 = 2*3 + 1 = 7", "- n_1 = (-1)^9 = -1", "<result>6</result>"));

        Assert.DoesNotContain(FailureMode.PrematureAnswer, verdict.Modes);
        Assert.Equal(FailureMode.UnderExecuted, verdict.PrimaryMode);
    }

    [Fact]
    public void Saying_a_variable_never_yet_written_is_not_changed_restates_its_given_value()
    {
        // "n_1 is not changed in this iteration" said in each outer pass before n_1 is ever written states no value: it
        // restates the given one, however many times (llama3-70b/complexity-cot/60, holdout45: the second and third were
        // read as writes the program does not have, a false extra step).
        var verdict = CaseScorer.Score(Programs.Loop(), [], string.Join("\n",
            "n_0 = 1 + 2 = 3", "n_1 is not changed in this iteration.", "n_0 = 3 + 2 = 5", "n_1 is not changed in this iteration.",
            "n_0 = 5 + 2 = 7", "n_1 is not changed in this iteration.", "Now n_1: n_1 = 0 - 1 = -1, then n_1 = -1 - 1 = -2.",
            "The output is 7 + -2 = 5."));

        Assert.DoesNotContain(FailureMode.HallucinatedSteps, verdict.Modes);
        Assert.Contains(FailureMode.PrematureAnswer, verdict.Modes);
    }

    [Theory]
    [InlineData("Here every entry is the sum of the 3 previous entries of the table.", null)]
    [InlineData("I will keep my answer back for 30 minutes.", null)]
    [InlineData("Hint: the code returns the sum of 4 local variables.", null)]
    [InlineData("The answer is 3.", 3L)]
    public void A_number_before_what_it_counts_is_no_answer(string line, long? answer)
    {
        // "the sum of the 3 previous numbers" counts numbers (llama2-70b/complexity-cot/213, holdout32: read as a first
        // answer, it made a false self-correction), as does "the sum of 4 local variables" in a list of hints (holdout
        // llama2-70b/complexity-cot/959: read as an answer where the reply gives none); a number that ends its clause
        // still answers.
        var trace = Loop(line);

        Assert.Equal(answer, trace.Answers.SingleOrDefault()?.Value?.Int64);
    }

    [Theory]
    [InlineData("n_1 is decreased by 1 eighty-one times, so n_1 becomes -6.", true)]
    [InlineData("n_1 is decreased by 1 twenty one times, so n_1 becomes -6.", true)]
    [InlineData("n_1 is decreased by 1 forty times, so n_1 becomes -6.", true)]
    [InlineData("n_1 is decreased by 1 one time, so n_1 becomes -1.", false)]
    public void A_count_of_passes_in_words_past_ten_sums_a_loop_up(string line, bool shortcut)
    {
        // "multiplied by -1 eighty-one times, which results in 1" (holdout65 gpt4/complexity-cot/387) was read as one
        // pass, the loop's first write, and so a premature answer; "twenty-seven times" already read as a count.
        var claim = Assert.Single(Loop(line).Claims, c => c.Name == "n_1" && c.Executes);

        Assert.Equal(shortcut, claim.Shortcut);
    }

    [Theory]
    [InlineData("For example, with the function <function>def g(n): return n*2</function> and n=3, the output is 4, so you would write:", 0)]
    [InlineData("For example, with the function def g(n): return n*2, and n=3, the output is 4, so you would write:", 0)]
    [InlineData("For example, with n=3, the output is 4, so you would write:", 2)]
    public void An_example_that_writes_out_its_own_function_answers_nothing_whatever_input_it_names(string line, int answers)
    {
        // A copied format example names the asked input but writes out a function of its own (holdout66
        // llamacodeinstruct/complexity-redundant-cot/186, labelled missing_answer); an example of the very run asked
        // about still answers it (session 31).
        var options = TraceParserOptions.ForProgram(Programs.Loop(), AnswerExtraction.Default with { Asked = new AskedInput("n", 3, "f") });
        var trace = TraceParser.Parse(line + "\n\n<result>4</result>\n", options);

        Assert.Equal(answers, trace.Answers.Count);
    }

    [Theory]
    [InlineData("return 2", true)]
    [InlineData("return 1", false)]
    public void A_return_line_that_adds_numbers_over_return_of_the_answer_is_its_sum(string last, bool misadded)
    {
        // "return 20 + (-20) + 1024 + ..." over "return 1035": the sum shown in two steps, misadded, is an arithmetic
        // error by ruling 5 (holdout69 llama3-70b/complexity-redundant-cot/564), not a readout of right finals.
        var verdict = CaseScorer.Score(Programs.Loop(), [], "The loops leave n_0 = 1 + 2*3 = 7 and n_1 = 0 - 6 = -6.\n\nreturn 7 + (-6)\n" + last + "\n");

        Assert.Equal(misadded, verdict.Modes.Contains(FailureMode.ArithmeticError));
        Assert.DoesNotContain(FailureMode.ReadoutError, verdict.Modes);
    }

    [Theory]
    [InlineData("`n_1` would be decremented by 2*3^1 = 6, so `n_1` = 0 - 6 = -6.", "-6")]
    [InlineData("`n_1` would be decremented by 1*2^2 = 4, so `n_1` = 0 - 4 = -4.", "-4")]
    [InlineData("`n_1` would be decremented by 2*3 = 6, so `n_1` = 0 - 6 = -6.", "-6")]
    public void A_worked_amount_with_a_power_is_the_changes_amount_not_the_value(string line, string values)
    {
        // "n_1 would be incremented by 2*3^2 = 18, so n_1 = 1 + 18 = 19" (holdout62 gpt4/complexity-cot/219): 18 is the
        // amount, as "decreased by 2*9=18" already read (session 25); with the power unevaluated it was n_1's value.
        var trace = Loop(line);

        Assert.Equal(values, string.Join(" ", trace.Claims.Where(c => c.Name == "n_1" && c.Executes).Select(c => c.Value?.Text)));
    }

    [Fact]
    public void Values_a_line_reads_out_after_describing_the_updates_with_a_count_sum_the_loops_up()
    {
        // Flips counted "nine times", then the values in parentheses: the line sums its
        // loops up, so a wrong value there is a wrong loop end, not a closing list of values never computed (holdout68
        // gpt4/complexity-cot/489: its reader's arithmetic error was missed).
        var verdict = CaseScorer.Score(Programs.Loop(), [], """
            Both are updated several times in the loops, 3 times and 6 times, which means they end up where they started (`n_0` = 1, `n_1` = 0).
            <result>1</result>
            """);

        Assert.Contains(FailureMode.ArithmeticError, verdict.Modes);
        Assert.DoesNotContain(FailureMode.PrematureAnswer, verdict.Modes);
    }

    [Theory]
    [InlineData("Step 3: Go back to step 2 for n=3-1=2 more passes", "")]
    [InlineData("Step 3: Go back to step 2 when n = 3 - 1 = 2", "")]
    [InlineData("Step 3: n_1 = 0 - 1 = -1", "-1")]
    public void A_numbered_step_that_works_out_the_input_states_no_value(string line, string values)
    {
        // "Step 9: Repeat steps 2-8 for n=10-1=9 more times" counts repeats (holdout67 gpt35/complexity-redundant-cot/190
        // and four more replies of its template: read as a wrong write of a step the program numbers 9).
        var trace = Loop("Step 1: n_0 = 1 + 2 = 3\nStep 2: n_1 = 0 - 1 = -1\n" + line);

        Assert.Equal(values, string.Join(" ", trace.Claims.Where(c => c.Executes && c.Line == 3).Select(c => c.Value?.Text)));
    }

    [Theory]
    [InlineData("<result>So f(n) gives 0 for n=3.</result>", "0")]
    [InlineData("<result>When n = 3 it gives -4.</result>", "-4")]
    [InlineData("The final result is the total of these. For `n=3`, it is:\n\n<result>-4</result>", "-4")]
    [InlineData("<result>n_0 = 7</result>", "7")]
    public void The_input_a_sentence_names_is_not_its_answer(string reply, string answers)
    {
        // A tag holding a sentence that gives 0 and then names the input (n=10) answered 10, and so corrected itself from
        // the 0 above (holdout67 llama2-70b/complexity-redundant-cot/189); a "final result" line naming the input answered
        // 3 before the real answer (gpt4/complexity-cot/474).
        var trace = Loop(reply);

        Assert.Equal(answers, string.Join(" ", trace.Answers.Where(a => a.Value is not null).Select(a => a.Value?.Text)));
    }

    [Theory]
    [InlineData("`n_0 += 2` -> `n_0` becomes `3` raised to the power of `n`", "")]
    [InlineData("`n_0 += 2` -> `n_0` becomes `3`", "3")]
    public void A_number_raised_to_a_power_is_an_operand_not_a_value(string line, string values)
    {
        // "n_0 becomes -2 raised to the power of n" gives a closed form, not n_0 = -2 (holdout66
        // llama3-70b/complexity-redundant-cot/1009: a wrong first claim, then the right end value, read as a correction).
        var trace = Loop(line);

        Assert.Equal(values, string.Join(" ", trace.Claims.Where(c => c.Name == "n_0" && c.Executes).Select(c => c.Value?.Text)));
    }

    [Theory]
    [InlineData("n_0 will be 7 after 3 iterations.", "7")]
    [InlineData("n_1 will be -6 after 3*2 = 6 iterations.", "-6")]
    [InlineData("n_0 becomes 3, then 5, then 7.", "3 5 7")]
    public void A_number_that_counts_passes_after_a_value_is_no_second_value(string line, string values)
    {
        // "n_0 will be 0 after 3 iterations" was read as n_0 = 0, then 3 (held-out gpt4/complexity-cot/615: a wrong step
        // where the readers see a right loop end); a count of passes ends the list.
        var trace = Loop(line);

        Assert.Equal(values, string.Join(" ", trace.Claims.Where(c => c.Executes).Select(c => c.Value?.Text)));
    }

    [Theory]
    [InlineData("    return 0;", null)]
    [InlineData("The function will return 0.", 0L)]
    [InlineData("It returns 0 for n=3.", 0L)]
    public void Return_zero_with_a_semicolon_ends_a_listing_and_answers_nothing(string line, long? answer)
    {
        // A C++ rewrite of the program ends main with "return 0;" and prints its values without computing them (holdout
        // llamacodeinstruct/complexity-redundant-cot/208, labelled missing_answer); prose that returns 0 still answers.
        var trace = Loop("int main() {\n    int n_0 = 1;\n    cout << n_0 << endl;\n" + line + "\n}");

        Assert.Equal(answer, trace.Answers.SingleOrDefault()?.Value?.Int64);
    }

    [Theory]
    [InlineData("<result>2 + 2 - 1 + 4 = 6</result>", true)]
    [InlineData("<result>sum([2, 2, -1, 4]) = 6</result>", true)]
    [InlineData("<result>sum([2, 2, -1, 4]) = 7</result>", false)]
    [InlineData("The output is 2 + 2 - 1 + 4 = 7.", false)]
    [InlineData("<result>6</result>", false)]
    public void A_wrong_answer_whose_own_sum_is_misadded_is_an_arithmetic_error_with_no_step_run(string reply, bool arithmetic)
    {
        // No step runs, so no final values judge the answer; a sum shown for it that does not come to it is still worked out
        // wrongly (llama2-70b/complexity-cot/213, holdout32). A sum added up right, or a bare number (ruling 5), is not.
        var verdict = CaseScorer.Score(Programs.Loop(), [], reply);

        Assert.Equal(arithmetic, verdict.Modes.Contains(FailureMode.ArithmeticError));
        Assert.Contains(FailureMode.PrematureAnswer, verdict.Modes);
    }

    [Fact]
    public void A_list_after_making_it_walks_the_variable_its_sentence_names()
    {
        // An update said of a variable, then "making it" and worked values joined by "then", walks that variable
        // (jurassic2-ultra/complexity-cot/424, holdout33: only the first was read, as a loop-end value).
        var trace = TraceParser.Parse("n_1 flips sign on each pass, making it 1*(-1)=-1, then (-1)*(-1)=1, and then 1*(-1)=-1.", Programs.FlipLoop());

        Assert.Equal("Execution:n_1=-1 Execution:n_1=1 Execution:n_1=-1", Kinds(trace));
    }

    [Theory]
    [InlineData("3. Raise n_0 by 2 to n_0=3", "Execution:n_0=3")]
    [InlineData("5. Negate n_1 to n_1=-n_1=-1", "Execution:n_1=-1")]
    public void To_the_name_an_update_already_named_gives_its_new_value(string line, string kinds)
    {
        // An update of n_0 "by 2 to n_0=3" states n_0's new value (jurassic2-ultra/complexity-cot/56, holdout33: the "to"
        // made the name an operand and the step went unread).
        Assert.Equal(kinds, Kinds(Loop(line)));
    }

    [Fact]
    public void A_line_that_tells_an_operation_gives_its_result_even_the_value_held()
    {
        // "Multiply n_1 by -1. n_1 is now -1." with n_1 already -1 is a wrong flip, not a restatement
        // (gpt35/complexity-cot/306, holdout33: read as a restatement, the slip went unseen).
        var verdict = CaseScorer.Score(Programs.Loop(), [], string.Join("\n",
            "1. Increment n_0 by 2. n_0 is now 3.", "2. Decrement n_1 by 1. n_1 is now -1.", "3. Decrement n_1 by 1. n_1 is now -1."));

        Assert.Equal(StepVerdict.ExecutionError, verdict.Steps[4].Verdict);
        Assert.Contains(FailureMode.ArithmeticError, verdict.Modes);
    }

    [Theory]
    [InlineData("<result>for _ in range(3):</result>  # the loop goes round 3 times", null)]
    [InlineData("<result>n_0 += 2</result>  # n_0 goes up by 2", null)]
    [InlineData("<result>f(3) =</result> 14", 14L)]
    public void A_tag_around_a_statement_or_a_loop_header_holds_no_answer(string line, long? answer)
    {
        // Tags misused as code wrappers (llama2-70b/complexity-cot/884, holdout33): a loop header's ':' labels no value for
        // the comment after the tag, and a compound assignment is a statement; a tag closed before its value still answers.
        var trace = Loop(line);

        Assert.Equal(answer, trace.Answers.Select(a => a.Value?.Int64).SingleOrDefault(v => v is not null));
    }

    [Fact]
    public void Repeating_the_process_of_a_loop_sums_it_up()
    {
        // Going through the process of the two inner loops again, with n_1 said to stay 1 and n_2 to reach -37, gives where
        // that pass of the loops ends (gpt4/complexity-cot/340, holdout31: a flip count's wrong end is an arithmetic error).
        var trace = Loop("n_0 = 3\nn_1 = -1\nn_1 = -2\nn_0 = 5\nRepeat the process of the inner loop, n_1 becomes -4.");

        Assert.EndsWith("Execution:n_1=-4*", Kinds(trace));
    }

    [Theory]
    [InlineData("n_0=1, the outer loop is run 3 times, each time n_0 is increased by 2, so n_0 becomes 1, 3, 5.", "Execution:n_0=1 ")]
    [InlineData("n_0=3, the outer loop is run 3 times, each time n_0 is increased by 2, so n_0 becomes 3, 5, 7.", "Execution:n_0=3* ")]
    [InlineData("n_1 = 0 (since the inner loop runs 2 times, so n_1 remains 0)", "Execution:n_1=0* ")]
    public void A_summary_sets_out_from_the_given_value_it_names_before_its_loop_words(string line, string first)
    {
        // A given start, then the loop's count, then a list that begins with that start restates the start before the loop it sums up
        // (jurassic2-ultra/complexity-cot/28, holdout31); another value there (not the given one), or a value the summary
        // only repeats after its loop words ("n_2 = 0, as three flips of 0 leave it at 0"), is still the summary's.
        var trace = Loop(line);

        Assert.StartsWith(first, Kinds(trace) + " ");
        Assert.Equal(first.EndsWith("* ", StringComparison.Ordinal) ? 0 : 1, trace.Claims.Take(1).Count(c => c.Repeats));
    }

    [Fact]
    public void A_name_given_with_a_loop_it_enters_states_its_value_and_the_loop_count_after_it_sums_up_nothing()
    {
        // A numbered line entering the outer loop "with" n_0 at a new value is that pass's step (gpt35/complexity-cot/308,
        // holdout31); starting the inner loop "with" n_1 at its given 0 and a count of runs gives the state going in, not
        // the loop's end, so it stays the given value restated, no shortcut.
        var trace = Loop("1. Go into the outer loop with `n_0` = 3.\n2. Begin the inner loop with n_1 = 0 and run it 2 times.");

        Assert.Equal("Execution:n_0=3 Execution:n_1=0", Kinds(trace));
        Assert.True(trace.Claims[1].Repeats);
    }

    [Theory]
    [InlineData("The inner loop runs 6 times, so n_1 is decreased by 1*6 = 6, resulting in n_1 = -6.", "n_1=-6")]
    [InlineData("n_1 is decreased by 2 * 3 = 6, so n_1 becomes -6.", "n_1=-6")]
    [InlineData("n_1 is decreased by 1 = -1.", "n_1=-1")]
    public void A_worked_amount_of_change_is_not_the_value_the_name_holds(string line, string claimed)
    {
        // "n_1 is decreased by 2*9=18" computes how much n_1 falls (gpt4/complexity-cot/573, holdout25); a value that is
        // not the amount's ("decreased by 1 = -1") is still the new value.
        var trace = Loop(line);

        Assert.Equal(claimed, string.Join(" ", trace.Claims.Where(c => c.Name == "n_1").Select(c => $"{c.Name}={c.Value?.Text}")));
    }

    [Fact]
    public void A_fact_in_a_reason_that_opens_a_sentence_is_not_the_earlier_subject_s_value()
    {
        // gpt4/complexity-cot/399 (holdout26): "Since -1 multiplied by -1 is 1" gives the name no value; the end value
        // the sentence goes on to state does (here a wrong -5 for n_1's -6).
        var trace = Loop("n_1 starts at 0 and is decreased by 1 six times. Since 1 subtracted from 0 is -1, and this is done six times, n_1 ends up being -5.");

        Assert.Equal("n_1=-5", string.Join(" ", trace.Claims.Where(c => c.Name == "n_1" && c.Kind != ReadingKind.InputEcho).Select(c => $"{c.Name}={c.Value?.Text}")));
    }

    [Fact]
    public void It_after_a_value_read_in_the_same_sentence_is_that_value_s_name()
    {
        // llama2-70b/complexity-cot/855 (holdout27): "n_0 is 3, and we add 2 to it, making it 5" reads 5 for n_0 too.
        var trace = Loop("n_0 = 3\nn_0 is 3, and we add 2 to it once more, making it 5.");

        Assert.Equal("n_0=3 n_0=3 n_0=5", string.Join(" ", trace.Claims.Select(c => $"{c.Name}={c.Value?.Text}")));
    }

    [Fact]
    public void A_name_in_double_quotes_is_the_name()
    {
        var trace = Loop("The function initializes \"n_0\" to 1 and \"n_1\" to 0.");

        Assert.All(trace.Claims, c => Assert.Equal(ReadingKind.InputEcho, c.Kind));
        Assert.Equal(2, trace.Claims.Count);
    }

    [Theory]
    [InlineData("In the inner loop, and for each pass, n_1 is added to -1.", null)]
    [InlineData("Adding -1 to it brings n_1 to -1.", -1L)]
    [InlineData("In the inner loop n_1 is set to -1.", -1L)]
    public void A_number_right_after_added_to_is_an_operand_not_the_new_value(string line, long? claimed)
    {
        // llama2-70b/complexity-cot/351 (holdout28) explains the code: the name "is added to" a number.
        var trace = Loop(line);

        Assert.Equal(claimed, trace.Claims.SingleOrDefault(c => c.Name == "n_1")?.Value?.Int64);
    }

    [Fact]
    public void A_value_in_a_conditional_case_is_not_claimed()
    {
        var trace = Loop("The loop adds 2 to n_0 three times. It ends at 7 (it would end at 1 if the loop never ran).");

        var claim = Assert.Single(trace.Executions);
        Assert.Equal(("n_0", 7L), (claim.Name, claim.Value!.Value.Int64));
    }

    [Fact]
    public void A_result_word_may_give_its_value_after_the_work()
    {
        var trace = Loop("n_0 starts at 1 and is increased by 2, so it ends at 1 + 2 = 3.");

        var claim = Assert.Single(trace.Executions);
        Assert.Equal(("n_0", 3L, "1 + 2"), (claim.Name, claim.Value!.Value.Int64, claim.Work));
    }

    [Theory]
    [InlineData("The code is:\n```\na1 = a0;\n```\nRunning it:\na0 = a1 gives a0 = 4")]
    [InlineData("a1 = a0\na0 = a1 gives a0 = 4")]
    public void A_line_that_assigns_the_name_a_waiting_statement_read_is_a_new_statement_not_its_value(string reply)
    {
        var trace = TraceParser.Parse(reply, Programs.Registers());

        var claim = Assert.Single(trace.Claims, c => c.Value is not null);
        Assert.Equal(("a0", 4L), (claim.Name, claim.Value!.Value.Int64));
    }

    [Fact]
    public void A_chain_whose_value_is_on_the_next_line_is_completed_there()
    {
        var trace = Loop("n_1 = 0 - 1 - 1\n    = -2");

        var claim = Assert.Single(trace.Executions);
        Assert.Equal(("n_1", -2L, "0 - 1 - 1"), (claim.Name, claim.Value!.Value.Int64, claim.Work));
    }

    [Fact]
    public void Under_a_loop_heading_a_line_that_names_one_iteration_is_a_step()
    {
        var trace = Loop("Iterate 3 times:\n- In the first iteration, n_0 becomes 3.\n- Iteration 2: n_0 = 3 + 2 = 5\n- So n_0 becomes 7.");

        Assert.Equal("Execution:n_0=3 Execution:n_0=5 Execution:n_0=7*", Kinds(trace));
    }

    [Fact]
    public void A_variable_s_only_summary_claims_its_last_write_even_when_an_earlier_write_has_its_value()
    {
        // n_1 ends at -6; -2 is its value after the first inner run, which the reply does not claim to show.
        var verdict = CaseScorer.Score(Programs.Loop(), [], "The outer loop runs 3 times, so n_0 = 7.\nThe inner loop runs 6 times in total, so n_1 = -2.\nThe output is 5.");

        var claimed = verdict.Steps.Where(s => s.Claim is not null && s.StepIndex >= 2).ToList();
        Assert.Equal([8, 10], claimed.Select(s => s.StepIndex));
        Assert.Equal(StepVerdict.ExecutionError, claimed[1].Verdict);
        Assert.Contains(FailureMode.ArithmeticError, verdict.Modes);
        Assert.DoesNotContain(FailureMode.PrematureAnswer, verdict.Modes);
    }

    [Fact]
    public void A_loop_said_to_run_again_to_the_value_held_is_run_again_not_restated()
    {
        // Three flips per pass leave n_1 at -1, 1, -1; flipped "three times again" to -1 in the second pass is that pass's
        // run, wrongly ending where it started (gpt4/complexity-cot/579, holdout25).
        const string Pass = "After that n_1 gets multiplied by -1 three times{0}, so n_1 finishes at -1.";
        var reply = string.Join("\n",
            "In the first iteration of the outer loop, n_0 becomes 3. " + string.Format(Pass, ""),
            "In the second iteration of the outer loop, n_0 becomes 5. " + string.Format(Pass, " again"),
            "In the third iteration of the outer loop, n_0 becomes 7. " + string.Format(Pass, " again"),
            "The output is 7 - 1 = 6.");

        var verdict = CaseScorer.Score(Programs.FlipLoop(), [], reply);

        Assert.Equal([5, 9, 13], verdict.Steps.Where(s => s.Claim is { Name: "n_1" } && s.StepIndex > 1).Select(s => s.StepIndex));
        Assert.Equal(StepVerdict.ExecutionError, verdict.Steps[9].Verdict);
        Assert.Contains(FailureMode.ArithmeticError, verdict.Modes);
    }

    [Fact]
    public void A_chain_written_above_its_value_is_that_value_s_work_and_sums_the_loop_up()
    {
        // gpt35/complexity-redundant-cot/8 (holdout26): "n_2 = 1 - 1 - ... - 1" over "n_2 = -10" is one merged chain for
        // the whole loop (ruling 4), wrongly evaluated, not n_2's next write. Here n_0's chain adds 2 twice and stops at
        // 5; the loop runs three times (7).
        var verdict = CaseScorer.Score(Programs.Loop(), [], "n_0 = 1 + 2 + 2\nn_0 = 5\nn_1 = 0 - 1 - 1 - 1 - 1 - 1 - 1\nn_1 = -6\nThe output is 5 + (-6) = -1.");

        var n0 = Assert.Single(verdict.Steps, s => s.Claim is { Name: "n_0" } && s.StepIndex > 0);
        Assert.Equal((8, StepVerdict.ExecutionError), (n0.StepIndex, n0.Verdict));
        Assert.Contains(FailureMode.ArithmeticError, verdict.Modes);
        Assert.DoesNotContain(FailureMode.PrematureAnswer, verdict.Modes);
    }

    [Theory]
    [InlineData("Add 2 to n_0 for 3 times\nSubtract 1 from n_1 for 6 times", false)]
    [InlineData("n_0 is increased by 2\nn_1 is decreased by 1", true)]
    public void A_closing_list_after_updates_described_with_counts_states_their_end_values(string described, bool premature)
    {
        // jurassic2-ultra/complexity-cot/244 and /462 (holdout27): loops told with a count and no value, then the values
        // they end at; n_1's -5 is a wrong end (-6), not a list restating values never computed. Without the counts the
        // lines explain the code, and the closing list stays a snapshot (the readers' convention).
        var verdict = CaseScorer.Score(Programs.Loop(), [], $"n_0 = 1 and n_1 = 0 at the start\n{described}\nAfter the loops, n_0 = 7 and n_1 = -5\nThe output is 7 + (-5) = 2.");

        Assert.Equal(premature, verdict.Modes.Contains(FailureMode.PrematureAnswer));
        Assert.Equal(!premature, verdict.Modes.Contains(FailureMode.ArithmeticError));
    }

    [Fact]
    public void Values_of_a_loop_statement_meet_its_writes_in_order_and_none_is_extra_while_writes_are_left()
    {
        // After n_1 = -2 the reply slips to -4 and carries on from there (truth -3, -4, -5, -6): each value is the next
        // write of n_1, wrongly computed, not an invented line.
        var verdict = CaseScorer.Score(Programs.Loop(), [], "n_0 = 3\nn_1 = -1, -2\nn_0 = 5\nn_1 = -4, -5\nn_0 = 7\nn_1 = -6, -7\nThe output is 0.");

        Assert.Empty(verdict.ExtraClaims);
        Assert.DoesNotContain(FailureMode.HallucinatedSteps, verdict.Modes);
        Assert.Equal(StepVerdict.ExecutionError, verdict.Steps[6].Verdict);
        Assert.Contains(FailureMode.ArithmeticError, verdict.Modes);
    }

    private static string Reprint(string tail) =>
        "<result>\ndef f(n):\n    n_0 = 1\n    n_1 = 0\n    for _ in range(n):\n        n_0 += 2\n        for _ in range(2):\n            n_1 -= 1\n"
        + "    return n_0 + n_1\n\ndef g(n):\n    total = 0\n    for i in range(n):\n        total += i\n    return total\n\nn = 3\n" + tail + "</result>";

    [Fact]
    public void A_result_tag_around_a_reprinted_program_states_no_value()
    {
        var trace = Loop(Reprint("print(f(n) == g(n))\n"));

        var answer = Assert.Single(trace.Answers);
        Assert.Null(answer.Value);
    }

    [Theory]
    [InlineData("print(f(n))\n# prints 4\n")]
    [InlineData("print(f(n))\n# 4\n")]
    public void A_print_comment_inside_a_result_tag_is_the_answer(string tail)
    {
        var trace = Loop(Reprint(tail));

        Assert.Equal(4L, Assert.Single(trace.Answers).Value!.Value.Int64);
    }

    [Fact]
    public void A_tag_under_a_line_that_opens_with_for_example_is_not_an_answer()
    {
        var trace = Loop("For example, a reply to a question like this one may look like this:\n\n<result>f(3) = 123</result>\n\nShow your work.");

        Assert.Empty(trace.Answers);
    }

    [Theory]
    [InlineData("Example:\nn=3\n<result>5</result>\n\nn_0 = 3\nThe output is 7.\n<result>7</result>", new long[] { 7, 7 })]
    [InlineData("For example:\n<result>10</result>\n<result>10</result>\n<result>11</result>\n\nn_0 = 3\n<result>4</result>", new long[] { 4 })]
    public void Every_tag_in_the_paragraph_under_an_example_heading_is_an_example(string reply, long[] answers)
    {
        var trace = Loop(reply);

        Assert.Equal(answers, trace.Answers.Select(a => a.Value!.Value.Int64!.Value));
    }

    [Fact]
    public void An_example_with_its_answer_on_its_own_line_introduces_only_that_answer()
    {
        var trace = Loop("Example: <result>-1</result>\n\n<result>1</result>");

        Assert.Equal([1L], trace.Answers.Select(a => a.Value!.Value.Int64));
    }

    [Fact]
    public void An_example_ends_with_its_paragraph()
    {
        var trace = Loop("Example:\n<result>5</result>\n\n<result>8</result>");

        Assert.Equal([8L], trace.Answers.Select(a => a.Value!.Value.Int64));
    }

    [Theory]
    [InlineData("Select one of the following answers for this question.\n\nPossible Answers\n\n<result>-18</result>\n<result>-23</result>\n\n<result>-26</result>")]
    [InlineData("Choose one of the following:\n<result>1</result>\n<result>2</result>")]
    public void Tags_listed_as_options_to_choose_from_are_not_answers(string reply)
    {
        var trace = Loop(reply);

        Assert.Empty(trace.Answers);
    }

    [Fact]
    public void A_list_of_options_ends_at_the_first_line_that_is_not_a_tag()
    {
        var trace = Loop("Possible answers:\n<result>1</result>\n<result>2</result>\nn_0 = 3\n<result>3</result>");

        Assert.Equal([3L], trace.Answers.Select(a => a.Value!.Value.Int64));
    }

    [Theory]
    [InlineData("Your answer: 12")]
    [InlineData("Previous answer: -10")]
    [InlineData("Current answer: 0")]
    [InlineData("Please answer within 10 seconds.")]
    public void A_grader_s_words_about_someone_else_s_answer_are_not_the_reply_s_answer(string line)
    {
        var trace = Loop("n_0 = 3\n" + line);

        Assert.Empty(trace.Answers);
    }

    [Theory]
    [InlineData("The function gives back the sum of the values of those 7 variables.")]
    [InlineData("Then it will return the sum of those 4 values.")]
    public void A_count_of_the_program_s_variables_is_not_an_answer(string line)
    {
        var trace = Loop(line + "\nn_0 = 3\n<result>3</result>");

        Assert.Equal([3L], trace.Answers.Select(a => a.Value!.Value.Int64));
    }

    [Fact]
    public void A_tag_under_a_line_that_offers_a_format_to_use_is_not_an_answer()
    {
        var trace = Loop("You can use this format to provide the solution to the problem:\n\n<result>12</result>\n\nn_0 = 3\n<result>4</result>");

        Assert.Equal([4L], trace.Answers.Select(a => a.Value!.Value.Int64));
    }

    [Fact]
    public void A_tag_under_the_reply_s_own_answer_heading_is_still_the_answer()
    {
        var trace = Loop("n_0 = 3\nThe answer in the required format:\n\n<result>4</result>");

        Assert.Equal([4L], trace.Answers.Select(a => a.Value!.Value.Int64));
    }

    [Fact]
    public void An_answer_from_iterations_past_the_bound_is_an_extra_step_not_a_readout()
    {
        // The trace is right through n_0 = 7 and n_1 = -6, then one more increment (n_0 = 9) that the program does not
        // have; the answer adds the reply's own last values, 9 + (-6).
        var verdict = CaseScorer.Score(Programs.Loop(), [], "n_0 = 3\nn_1 = -1\nn_1 = -2\nn_0 = 5\nn_1 = -3\nn_1 = -4\nn_0 = 7\nn_1 = -5\nn_1 = -6\nn_0 = 9\nThe output is 9 + (-6) = 3.");

        Assert.Contains(FailureMode.HallucinatedSteps, verdict.Modes);
        Assert.DoesNotContain(FailureMode.ReadoutError, verdict.Modes);
        Assert.DoesNotContain(FailureMode.ArithmeticError, verdict.Modes);
    }

    [Fact]
    public void Adding_up_its_own_final_values_wrongly_is_arithmetic_not_a_readout()
    {
        // The listed terms are the reply's final values 7 and -6; only the addition is wrong (2 equals 7 + -5, a stale
        // n_1, by coincidence).
        var verdict = CaseScorer.Score(Programs.Loop(), [], "n_0 = 3\nn_1 = -1\nn_1 = -2\nn_0 = 5\nn_1 = -3\nn_1 = -4\nn_0 = 7\nn_1 = -5\nn_1 = -6\nThe output is sum([7, -6]) = 7 - 6 = 2.");

        Assert.Contains(FailureMode.ArithmeticError, verdict.Modes);
        Assert.DoesNotContain(FailureMode.ReadoutError, verdict.Modes);
    }

    [Theory]
    [InlineData("For n=3, the function will return 7 + 2*(-3) = 7 - 5 = 2.\n\nSo, the output of the function for n=3 is 2.", false)]
    [InlineData("For n=3, the function will return 7 - 5 = 2.\n\nSo, the output of the function for n=3 is 2.", true)]
    public void A_sum_whose_own_earlier_part_gives_another_value_is_worked_out_wrongly_not_read_out(string answer, bool readout)
    {
        // holdout23 gpt4/complexity-cot/78: a long sum whose term for n_1 (-1 - 18) is worked out as -18; its first part
        // gives 31, so the slip is in working the sum out (the readers' arithmetic error).
        // Without such a part, a sum over the stale -5 for n_1 still reads out another value.
        var verdict = CaseScorer.Score(Programs.Loop(), [], "n_0 = 3\nn_1 = -1\nn_1 = -2\nn_0 = 5\nn_1 = -3\nn_1 = -4\nn_0 = 7\nn_1 = -5\nn_1 = -6\n" + answer);

        Assert.Equal(readout, verdict.Modes.Contains(FailureMode.ReadoutError));
        Assert.Equal(!readout, verdict.Modes.Contains(FailureMode.ArithmeticError));
    }

    [Fact]
    public void Answers_after_an_invented_follow_on_task_prompt_are_not_answers()
    {
        var trace = Loop("<result>1</result>\nSimulate this Python function for n=4 as well.\nEnclose the solution between <result></result> tags.\n<result>9</result>");

        Assert.Equal([1L], trace.Answers.Select(a => a.Value!.Value.Int64));
    }

    [Fact]
    public void Answers_to_an_invented_task_for_another_n_are_not_answers()
    {
        var trace = Loop("<result>[8, -18, 2]</result>\nNext work out the value of the Python function f(n) for n=1000000000.\n<result>328348725</result>");

        Assert.Equal([null], trace.Answers.Select(a => a.Value?.Int64));
    }

    [Fact]
    public void Answers_after_an_invented_question_about_the_following_function_are_not_answers()
    {
        var trace = Loop("<result>-10</result>\nWhat is the value of k for which the following function is largest?\ndef f(k):\n    return k\n<result>2</result>");

        Assert.Equal([-10L], trace.Answers.Select(a => a.Value!.Value.Int64));
    }

    [Fact]
    public void A_task_prompt_echoed_before_any_work_does_not_hide_the_answer()
    {
        var trace = Loop("Simulate this Python function; enclose the solution between result tags.\nn_0 = 3\n<result>1</result>");

        Assert.Equal([1L], trace.Answers.Select(a => a.Value!.Value.Int64));
    }

    [Fact]
    public void A_task_heading_inside_a_tag_around_the_whole_reply_does_not_hide_the_answers()
    {
        // holdout22 llama2-70b/complexity-redundant-cot/194: "<result>" opens the reply and closes after the answers; its
        // answer is read as of the closing line, so the heading under it comes before any answer, not after one.
        var trace = Loop("<result>\nSimulation of the Python function f(n) for n=3:\nn_0 = 3\nn_1 = -1\nTherefore, f(3) = 2\n</result>");

        Assert.Contains(trace.Answers, a => a.Style == AnswerStyle.Prose && a.Value?.Int64 == 2);
    }

    [Fact]
    public void The_same_heading_after_an_answer_still_opens_an_invented_task()
    {
        var trace = Loop("<result>2</result>\nSimulation of the Python function f(n) for n=5:\nn_0 = 3\nTherefore, f(5) = 9");

        Assert.Equal([2L], trace.Answers.Select(a => a.Value?.Int64));
    }

    [Theory]
    [InlineData("If f gives back n_0 itself (which is the total of n multiples of 2), we can work it out.", null)]
    [InlineData("The loop adds to n_0 in steps of 2, so the function returns it after three steps of 2.", null)]
    [InlineData("So the function returns a value of 6.", 6L)]
    [InlineData("So the output is the sum of 7.", 7L)]
    [InlineData("f(3) = sum([(-1)^(i+j) for i in range(3) for j in range(3)])", null)]
    [InlineData("result = f(10) == g(10)", null)]
    public void A_number_that_sizes_a_plural_noun_or_is_a_call_argument_is_no_answer(string line, long? answer)
    {
        // holdout23 gpt4/complexity-cot/288: "multiples of 2" was read as a first answer 2, a false self-correction;
        // llama2-70b/complexity-cot/642 read the 3 of "range(3)", a loop's bound, as another; holdout24
        // jurassic2-ultra/complexity-redundant-cot/102 the input a rewritten function is called with.
        var trace = Loop("n_0 = 6\n" + line);

        Assert.Equal(answer is null ? [] : [answer.Value], trace.Answers.Select(a => a.Value!.Value.Int64));
    }

    [Fact]
    public void One_operation_in_parentheses_after_a_value_that_stays_the_same_still_shows_the_step()
    {
        // holdout23 gpt4/complexity-cot/570: "n_0 becomes 0 (0*-1)" right after n_0 was given as 0 flips it, a step
        // executed (the readers count it), not a restatement of the 0 the reply already held.
        var trace = TraceParser.Parse("Initialize n_0 to 1 and n_1 to 0.\nn_1 becomes 0 (0*-1).", Programs.ZeroFlipLoop());

        var flip = Assert.Single(trace.Executions);
        Assert.Equal(("0*-1", false), (flip.Work, flip.Repeats));
    }

    [Theory]
    [InlineData("n_0 becomes 7 (1+2+2+2).", null)]
    [InlineData("n_0 becomes 7 (5+2).", "5+2")]
    [InlineData("n_0 becomes 7 (5+3).", null)]
    [InlineData("n_0 = 7 (5 + 2)", "5 + 2")]
    public void Only_one_operation_that_works_out_to_the_value_is_its_work(string line, string? work)
    {
        var claim = Assert.Single(Loop(line).Executions);

        Assert.Equal(work, claim.Work);
    }

    [Theory]
    [InlineData("```python\nn_0 += 2  # n_0 = 3\n# End of the inner loop, back to the outer loop\nn_0 += 2  # n_0 = 5\n```", false)]
    [InlineData("n_0 += 2  # n_0 = 3\n# End of the inner loop\nn_0 = 5", true)]
    public void A_code_comment_that_names_a_loop_end_opens_no_readout_section(string reply, bool summed)
    {
        // holdout23 gpt35/complexity-cot/465: in a code block, "# End of the innermost loop, return to the fifth nested
        // loop" sits over a statement that runs once, not over a loop's end value; a markdown heading still opens one.
        var trace = Loop(reply);

        Assert.Equal(summed, trace.Executions.Last().Shortcut);
    }

    [Theory]
    [InlineData("   - Iteration 1: n_1 becomes -1.", false)]
    [InlineData("   - n_1 becomes -1.", true)]
    public void A_line_labelled_with_its_iteration_is_a_step_even_when_it_keeps_the_value(string second, bool repeats)
    {
        // holdout23 gpt35/complexity-cot/53: "Iteration 1: n_1 becomes -1" right after "Iteration 3: n_1 becomes -1" is a
        // flip computed wrong (the readers' arithmetic error), not a restatement of -1.
        var trace = Loop("n_0 = 3\n   - Iteration 3: n_1 becomes -1.\n" + second);

        Assert.Equal(repeats, trace.Executions.Last().Repeats);
    }

    [Fact]
    public void A_minus_written_against_the_value_after_a_named_result_is_its_sign()
    {
        var trace = Loop("n_1 is decreased by 1 a total of 6 times, making n_1 -6.");

        var claim = Assert.Single(trace.Executions);
        Assert.Equal(("n_1", -6L), (claim.Name, claim.Value!.Value.Int64));
    }
    [Theory]
    [InlineData("Total sum = 3 + 5 + 7 = 15")]
    [InlineData("Sum = 1 + 3 + 5 + 7 = 16")]
    [InlineData("The sum([n_0]) is 3 + (-1) + 5 = 7")]
    public void A_running_total_over_more_values_than_the_answer_has_variables_is_an_invented_step_not_an_answer(string total)
    {
        // The answer is n_0 + n_1: a total of three or more values the reply already gave is a computation the program
        // does not have (an extra step), not the answer.
        var reply = "n_0 = 3\nn_1 = -1\nn_1 = -2\nn_0 = 5\nn_1 = -3\nn_1 = -4\nn_0 = 7\nn_1 = -5\nn_1 = -6\n" + total + "\n<result>1</result>";

        var verdict = CaseScorer.Score(Programs.Loop(), [], reply);
        var trace = Loop(reply);

        Assert.Contains(trace.Executions, c => c.Name == "sum" && c.Line == 10);
        Assert.Equal([1L], trace.Answers.Select(a => a.Value!.Value.Int64));
        Assert.Contains(FailureMode.HallucinatedSteps, verdict.Modes);
        Assert.DoesNotContain(FailureMode.ReadoutError, verdict.Modes);
    }

    [Fact]
    public void An_answer_that_reads_out_an_invented_total_over_right_finals_reports_the_extra_step_only()
    {
        // Session 5 called this a readout error as well; the readers of six real replies of the form since give the extra
        // step alone, or an arithmetic error where the total is misadded (An_answer_that_repeats_an_invented_total_...).
        var verdict = CaseScorer.Score(Programs.Loop(), [], "n_0 = 3\nn_1 = -1\nn_1 = -2\nn_0 = 5\nn_1 = -3\nn_1 = -4\nn_0 = 7\nn_1 = -5\nn_1 = -6\nsum = 3 + 5 + 7 = 15\n<result>15</result>");

        Assert.Equal([FailureMode.HallucinatedSteps], verdict.Modes.Where(m => m is FailureMode.HallucinatedSteps or FailureMode.ReadoutError or FailureMode.ArithmeticError));
    }

    [Theory]
    [InlineData("The sum is 7 + (-6) = 1.", 1L)]
    [InlineData("The sum is 7 + (-5) = 2.", 2L)]
    public void A_sum_with_one_value_per_answer_variable_stays_the_answer(string sum, long answer)
    {
        var trace = Loop("n_0 = 3\nn_1 = -1\nn_1 = -2\nn_0 = 5\nn_1 = -3\nn_1 = -4\nn_0 = 7\nn_1 = -5\nn_1 = -6\n" + sum);

        Assert.DoesNotContain(trace.Claims, c => c.Name == "sum");
        Assert.Equal([answer], trace.Answers.Select(a => a.Value!.Value.Int64));
    }

    [Theory]
    [InlineData("Sum = 2 + 2 + 2 = 6")]
    [InlineData("Sum = 7 - 6 + 0 = 1")]
    [InlineData("Sum = 3 * 5 + 7 = 22")]
    public void A_total_of_values_the_reply_never_gave_or_not_a_plain_addition_is_not_an_invented_step(string total)
    {
        var trace = Loop("n_0 = 3\nn_0 = 5\nn_0 = 7\nn_1 = -6\n" + total);

        Assert.DoesNotContain(trace.Claims, c => c.Name == "sum");
    }
    [Theory]
    [InlineData("<result>f(3)</result>", null)]
    [InlineData("<result>\nSimulation of f(10)\n</result>", null)]
    [InlineData("<result>f(3) = 17</result>", 17L)]
    [InlineData("<result>print(5)</result>", 5L)]
    [InlineData("<result>sum([-7])</result>", -7L)]
    [InlineData("<result>Python function f(n=10):</result>", null)]
    [InlineData("<result>f(n=10) = 12</result>", 12L)]
    [InlineData("<result>print(x=5)</result>", 5L)]
    public void The_number_a_function_is_applied_to_is_its_input_not_the_answer(string reply, long? answer)
    {
        var trace = Loop(reply);

        Assert.Equal(answer, Assert.Single(trace.Answers).Value?.Int64);
    }

    [Theory]
    [InlineData("`n_0` and `n_1` become `7` (since 10 is even)", "n_0=7 n_1=7")]
    [InlineData("n_0 and n_1 will both be 7.", "n_0=7 n_1=7")]
    [InlineData("Then n_1 becomes 7.", "n_1=7")]
    [InlineData("Adding 2 to n_0 and n_1 makes 7.", "n_0=7")]
    public void Names_joined_by_and_before_a_result_word_each_take_its_value(string line, string executions)
    {
        // holdout llama3-70b/complexity-redundant-cot/469: "`n_3` and `n_4` become `1`" gave n_4 its value and left n_3
        // without one, so n_3's loop never ran and the answer read as premature.
        var trace = Loop(line);

        Assert.Equal(executions, string.Join(" ", trace.Executions.Select(c => $"{c.Name}={c.Value?.Text}")));
    }

    [Theory]
    [InlineData("n_1 = 0 (n_1 -= 1)", false)]
    [InlineData("n_1 = 0 (n_1-=1)", false)]
    [InlineData("n_1 = 0", true)]
    [InlineData("n_1 = 0 (n_0 += 2)", true)]
    public void A_value_beside_its_own_update_is_a_write_even_when_it_keeps_the_given_value(string line, bool restates)
    {
        // holdout jurassic2-ultra/complexity-cot/50: "n_1 = 1 (n_1 -= 2)" on every round, its value never moving from the
        // given 1, read as restatements of the declaration: n_1 never ran, and the answer was premature. Its readers
        // counted each line as a write computed wrongly.
        var trace = Loop("n_0 = 3 (n_0 += 2)\n" + line);

        Assert.Equal(restates, Assert.Single(trace.Claims, c => c.Name == "n_1").Repeats);
    }

    [Theory]
    [InlineData("For `n=3`, the final values of the variables are:", true)]
    [InlineData("For n = 3, the variables end up as follows:", true)]
    [InlineData("For `n=3`, we compute each variable in turn:", false)]
    [InlineData("For `n=4`, the final values of the variables are:", false)]
    public void A_heading_that_names_the_asked_input_over_final_values_opens_a_readout(string heading, bool shortcuts)
    {
        // holdout gpt4/complexity-cot/478: "For `n=3`, the variables end up as follows:" over one closed form per variable;
        // the "=" of "n=3" kept the line from being a heading, so the values below read as single writes (n_5 = 1 on its
        // first write), and the right end values as a premature answer. Only the asked input's own "n=3" is excused.
        var trace = TraceParser.Parse(heading + "\n- n_0 = 1 + 2*3 = 7\n- n_1 = -6", Programs.Loop(), AnswerExtraction.Default with { Asked = new AskedInput("n", 3, "f") });

        Assert.Equal(shortcuts, trace.Executions.Any() && trace.Executions.All(c => c.Shortcut));
    }

    [Theory]
    [InlineData("So the output of the function is the sum of them, which is `(n-1) + 2n^2 ± 1`.", null)]
    [InlineData("So the output of the function is the sum of them, which is `2 + 18 ± 1`.", null)]
    [InlineData("So the output of the function is the sum of them, which is 1.", 1L)]
    public void A_plus_or_minus_joins_operands_so_the_number_after_it_is_no_answer(string line, long? answer)
    {
        // holdout gpt4/complexity-cot/128: a closed form ending "± 1" was read as the answer 1, then 127 as a self-correction.
        var answers = Loop(line).Answers;

        Assert.Equal(answer, answers.Count == 0 ? null : answers[0].Value?.Int64);
    }

    [Theory]
    [InlineData("So `n_1` ends up being `0 - 3*2 = 0 - 6 = -6`.", "n_1=-6")]
    [InlineData("So `n_1` ends up being `0 - 6 = -6`.", "n_1=-6")]
    [InlineData("So `n_1` ends up being `0 - 3^2 = 0 - 9 = -9` here.", "n_1=-9")]
    public void A_result_word_before_a_chain_of_work_takes_the_value_that_ends_it(string line, string executions)
    {
        // holdout gpt4/complexity-cot/688: "ends up being `-1 + 3^2 = -1 + 9 = 8`" per variable; the second "=" left the
        // chain unread, so three of five right closed forms were missed and the answer read as premature.
        var trace = Loop(line);

        Assert.Equal(executions, string.Join(" ", trace.Executions.Select(c => $"{c.Name}={c.Value?.Text}")));
    }

    [Theory]
    [InlineData("13. Then take the sum of n_0, n_1: sum([7, -6]) = 1.", "")]
    [InlineData("13. Then take the total of n_0, n_1: 7 + (-6) = 1.", "")]
    [InlineData("13. Finally n_0 = 7, n_1: -6.", "n_0=7 n_1=-6")]
    public void The_last_name_of_a_list_a_sum_is_of_is_no_target_of_the_colon(string line, string executions)
    {
        // holdout57 gpt35/complexity-cot/409: "calculate the sum of n_0, ..., n_4: sum([...]) = 2" was read as n_4 = 2, a
        // loop summary placed on n_4's last write, and so an arithmetic error and no premature answer.
        var trace = Loop(line);

        Assert.Equal(executions, string.Join(" ", trace.Executions.Select(c => $"{c.Name}={c.Value?.Text}")));
    }

    [Theory]
    [InlineData("def f(n):\n    return n\nprint(f(3))\n</script>\n42", 42L)]
    [InlineData("print(f(3))\n```\n\n-5\n```", -5L)]
    [InlineData("print(f(3))\n-2\n-1\n0", null)]
    [InlineData("The output of the above code will be:\n\n```\n82\n```", 82L)]
    [InlineData("The output will be:\n7", 7L)]
    [InlineData("The output of the function f(3) is:\n\n-2\n-1\n-2", null)]
    [InlineData("The output of the above code will be printed below, wait", null)]
    public void A_value_printed_alone_under_a_call_or_an_output_sentence_is_the_answer(string reply, long? answer)
    {
        // holdout57 jurassic2-ultra/complexity-cot/734 (a call, a closing script tag, a bare 42) and
        // jurassic2-ultra/complexity-redundant-cot/104 ("The output of the above code will be:", a fence, a bare 82): the
        // readers' convention counts a bare printed value under a call as the answer. A run of values under it is a list
        // (holdout llamacodeinstruct/complexity-cot/706 offers options to choose from), no answer.
        var trace = Loop(reply);

        Assert.Equal(answer, trace.Answers.Count == 0 ? null : Assert.Single(trace.Answers).Value?.Int64);
    }

    [Theory]
    [InlineData("Step 2: Update n_0 for n=3")]
    [InlineData("Step 2: Calculate n_0 when n = 3")]
    public void A_numbered_heading_that_names_the_input_states_no_value(string heading)
    {
        // gpt35/complexity-redundant-cot/381 and /295: the "3" of "for n=3" was claimed as step 2's value; the step's value
        // is on the line after the loop.
        var trace = Loop($"Step 1: n_0 = 1, n_1 = 0\n{heading}\nAfter the loop, n_0 will be 7.");

        Assert.DoesNotContain(trace.Claims, c => c.Value?.Int64 == 3);
        Assert.Contains(trace.Claims, c => c.Name == "n_0" && c.Value?.Int64 == 7);
    }

    [Fact]
    public void A_numbered_step_may_still_end_in_its_value()
    {
        var trace = Loop("Step 2: n_0 + 2 = 3");

        Assert.Equal(3L, Assert.Single(trace.Executions).Value!.Value.Int64);
    }

    [Theory]
    [InlineData("The function returns the sum of the `n_0` values, which is `3 + 5 + 7 = 15`.", true)]
    [InlineData("The function returns the sum of the values of n_0 and n_1, which is 3 + 5 + 7 = 15.", false)]
    [InlineData("The function returns the sum of n_0, which is 3 + 5 + 7 = 15.", false)]
    public void An_answer_that_adds_up_the_values_one_variable_took_is_also_an_invented_step(string line, bool invented)
    {
        // llama2-70b/complexity-cot/810: an answer adding up "the `n_0` values" (1 + 2 + 3 = 6) adds values the
        // reply never gave; the labellers read the total as an extra step and the line as the answer still.
        var trace = Loop("n_0 = 3\n" + line);

        Assert.Equal(invented, trace.Claims.Any(c => c.Name == "sum" && c.Value?.Int64 == 15));
        Assert.Equal(15L, Assert.Single(trace.Answers).Value!.Value.Int64);
    }

    [Theory]
    [InlineData("- n_0: 3^1 = 3 iterations, each adding 2, so n_0 = 1 + 2*3 = 7", "7")]
    [InlineData("- n_0: 3^1 = 3 rounds of adding 2, so n_0 = 1 + 2*3 = 7", "7")]
    [InlineData("- n_0: 1 + 2*3 = 7", "7")]
    public void A_count_of_iterations_before_the_value_is_no_value_of_the_variable(string line, string values)
    {
        // holdout55 gpt4/complexity-cot/704: "n_k: 3^j = N iterations, ..., so n_k = ..." per variable; the count was read as
        // each variable's value, a wrong mid-loop write (an arithmetic error in a faithful closed-form reply).
        var trace = Loop(line);

        Assert.Equal(values, string.Join(" ", trace.Executions.Select(c => c.Value?.Text)));
    }

    [Fact]
    public void A_loop_said_to_move_between_two_values_and_end_at_the_one_reached_restates_it()
    {
        // holdout llama3-70b/complexity-code/48: after each inner walk a parenthesis says the variable moves between two
        // values and ends at the one the walk reached. The first bound was read as the variable's value and the end as a
        // write of its own (its words before the value taken for work), an extra step in a faithful trace.
        var trace = TraceParser.Parse(
            "n_0 = 1 + 2 = 3\nn_1 = 1 * -1 = -1\nn_1 = -1 * -1 = 1\nn_1 = 1 * -1 = -1\n(n_1 alternates between 1 and -1, yet ends up as -1)",
            Programs.FlipLoop());

        var summary = Assert.Single(trace.Claims, c => c.Line == 5);
        Assert.Equal(-1L, summary.Value!.Value.Int64);
        Assert.True(summary.Repeats);
    }

    [Theory]
    [InlineData("The function returns n_0 + n_1 = 7 + (-1 - 2 - 6) = -2.", true)]
    [InlineData("The function returns n_0 + n_1 = 7 + (3 + 4 + 5) = 19.", true)]
    [InlineData("The function returns n_0 + n_1 = 7 + (-1 - 2 + 9) = 13.", false)]
    [InlineData("The function returns n_0 + n_1 = 7 + (-1 + 1 - 1) = 6.", false)]
    [InlineData("The function returns the sum, (3 + 5 + 7) = 15.", false)]
    public void A_bracketed_term_of_the_answers_sum_that_adds_the_values_a_variable_took_is_an_invented_step(string line, bool invented)
    {
        // holdout70 gpt35/complexity-cot/612 (n_1's three values in brackets among the answer's terms) and holdout29
        // jurassic2-ultra/complexity-cot/254 (1 to 10 in brackets for a counter): their readers read an invented total,
        // an extra step, and the line still as the answer. Values the variable did not take and are no even run, a
        // repeated value, or a bracket that is the whole sum stay the answer's own work.
        Assert.Equal(invented, ClaimsInventedTotal(line));
    }

    [Theory]
    [InlineData("3. The inner loop ends, so we return to the outer loop:", false)]
    [InlineData("3. The inner loop ends:", true)]
    public void A_heading_that_returns_to_an_enclosing_loop_opens_its_next_pass_not_a_summary(string heading, bool summary)
    {
        // holdout74 gpt35/complexity-cot/748: after one walk down the nest, headings that end a loop and return to the one
        // around it, over one more write of each variable; read as loop summaries, the single writes went to the loops'
        // ends as five arithmetic errors its reader did not see. A heading that only ends a loop still sums it up.
        var reply = "1. Initialize the variables: n_0=1, n_1=0\n2. Start the outer loop:\n   - n_0 is incremented by 2, so n_0 becomes 3\n"
            + "   - n_1 is decremented by 1, so n_1 becomes -1\n" + heading + "\n   - n_1 is decremented by 1, so n_1 becomes -2";
        var verdict = CaseScorer.Score(Programs.LongInnerLoop(), [], reply);

        Assert.Equal(summary, verdict.Modes.Contains(FailureMode.ArithmeticError));
    }

    [Theory]
    [InlineData("7\n7", 7L)]
    [InlineData("7\n8", null)]
    public void The_same_value_printed_twice_under_a_call_is_its_answer(string printed, long? answer)
    {
        // holdout78 jurassic2-ultra/complexity-redundant-cot/565: "60" twice under "print(f(10))", its reader's answer; two
        // different numbers under a call are a list of options, no answer.
        var trace = Loop("n_0 = 3\nprint(f(3))\n" + printed);

        Assert.Equal(answer, trace.Answers.Select(a => a.Value?.Int64).FirstOrDefault());
    }

    [Theory]
    [InlineData("Now, let's substitute n=3 into the equations.", true)]
    [InlineData("Now, let's substitute `n = 3` into these expressions:", true)]
    [InlineData("Now, let's look at the equations.", false)]
    public void A_sentence_that_substitutes_the_asked_input_opens_the_loops_end_values(string heading, bool wrongEnd)
    {
        // holdout76 gpt35/complexity-redundant-cot/726: a sentence substituting n=10 into the closed forms, over one value
        // per variable; a flip's wrong end value (1 where ten flips of -1 give -1) went to the variable's second write,
        // which holds 1, and the arithmetic error its reader saw was hidden.
        var reply = "n_1 goes down by 1 in each inner pass.\n" + heading + "\nn_1 = -2\nn_0 = 7";
        var parsed = TraceParser.Parse(reply, Programs.Loop(), AnswerExtraction.Default with { Asked = new AskedInput("n", 3, "f") });

        Assert.Equal(wrongEnd, CaseScorer.Score(Programs.Loop(), [], parsed).Modes.Contains(FailureMode.ArithmeticError));
    }

    [Theory]
    [InlineData("n_1 = (-1)^3 = -1", true)]
    [InlineData("n_1 = 1 * (-1)^3 = -1", true)]
    [InlineData("n_1 = (-1)^2 = 1", false)]
    [InlineData("n_1 = -1 * -1 = 1", false)]
    public void A_power_whose_exponent_is_the_asked_input_is_a_closed_form_evaluated(string line, bool shortcut)
    {
        // holdout74 llama3-70b/complexity-redundant-cot/91: "n_0 = 2^10 = 1024" for n=10, listed before n_1 although its
        // loop runs after n_1's, went to n_0's first write as a single step (a false arithmetic error); its reader read each
        // such line as the loop's end value.
        var trace = TraceParser.Parse(line, Programs.FlipLoop(), AnswerExtraction.Default with { Asked = new AskedInput("n", 3, "f") });

        Assert.Equal(shortcut, Assert.Single(trace.Claims, c => c.Name == "n_1").Shortcut);
    }

    [Theory]
    [InlineData("result2 = g(3)", false)]
    [InlineData("result2 = 9", true)]
    public void A_name_the_program_lacks_given_no_value_executes_no_invented_step(string line, bool extra)
    {
        // holdout jurassic2-ultra/complexity-redundant-cot/827: "result2 = g(10)" beside an invented function g, with no
        // value, counted as an extra step its reader did not see; a value given to such a name still is one.
        var verdict = CaseScorer.Score(Programs.Loop(), [], Scoring.LoopReplies.FullTrace + "\n" + line + "\n<result>1</result>");

        Assert.Equal(extra, verdict.Modes.Contains(FailureMode.HallucinatedSteps));
    }

    [Theory]
    [InlineData("n_0 += 2  # n_0 = 3\nn_0 += 2  # n_0 = 5", "")]
    [InlineData("n_0 = 3\nn_0 = 5", "**")]
    public void A_hash_comment_over_statements_opens_no_loop_summary_outside_a_fence_too(string block, string shortcuts)
    {
        // holdout73 gpt35/complexity-cot/145: "# Repeat n times" over "n_1 -= 2  # n_1 = -3" lines, with no code fence; read
        // as a heading whose values sum a loop up, each block's values went to the loop's ends (arithmetic errors) where
        // its reader matched them to single writes. Over bare values the heading still sums the loop up.
        var trace = Loop("n_0 = 1\nn_1 = 0\n\n# Repeat n times\n" + block);

        Assert.Equal(shortcuts, string.Concat(trace.Claims.Where(c => c.Line > 4).Select(c => c.Shortcut ? "*" : "")));
    }

    [Theory]
    [InlineData("The sum of n_0 and n_1 at each iteration is:", 2)]
    [InlineData("The sum of n_0 and n_1 is:", 0)]
    [InlineData("At each iteration the values are:", 0)]
    public void Sums_worked_under_a_heading_of_sums_at_each_iteration_are_invented_totals(string heading, int totals)
    {
        // llama2-70b/complexity-cot/326 (holdout) and /62 (holdout72): the return sum evaluated in every pass, a statement
        // the program does not have; both replies' readers read extra steps, which the reader left unread (no name on the
        // lines). A heading of one sum, or of the values at each pass, introduces no such totals.
        var trace = Loop(heading + "\n\n* 3 + (-1) = 2 (at n = 1)\n2. Second iteration: 5 + (-2) = 3\n\nThe output is 1.");

        Assert.Equal(totals, trace.Claims.Count(c => c.Name == "sum"));
    }

    [Theory]
    [InlineData("7\n7", 7L)]
    [InlineData("7\n8", null)]
    public void A_tag_around_code_and_one_value_printed_twice_holds_that_value(string printed, long? value)
    {
        // holdout70 jurassic2-ultra/complexity-redundant-cot/194: a tag re-prints the code with a second function, calls
        // both and shows the same number under the calls; its reader took the number as the answer, read as missing.
        var code = "def g(n):\n    n_0 = 1\n    n_1 = 0\n    for _ in range(n):\n        n_0 += 2\n        for _ in range(2):\n            n_1 -= 1\n"
            + "    for _ in range(n):\n        n_0 += 2\n    for _ in range(n):\n        n_1 -= 1\n    return sum([n_0, n_1])\n\nprint(f(3))\nprint(g(3))\n\n";
        var trace = Loop("<result>\n" + code + printed + "\n</result>");

        // (The value printed twice under the last call is read on its own line as well: one value either way.)
        Assert.Equal([value], trace.Answers.Select(a => a.Value?.Int64).Distinct());
    }

    [Theory]
    [InlineData("The function returns the sum of n_0, which is 4 + 3 + 2 = 9.", true)]
    [InlineData("The function returns the sum of n_0, which is 4 + 3 = 7.", false)]
    [InlineData("The function returns the sum of n_0, which is 4 + 4 + 4 = 12.", false)]
    [InlineData("The function returns the sum of n_0, which is 4 + 3 + 5 = 12.", false)]
    public void An_answer_of_one_variable_that_adds_three_values_it_took_is_also_an_invented_step(string line, bool invented)
    {
        // holdout llama2-70b/complexity-cot/277 and /284: after n_0 went -2, -4, -6 the answer's work adds all three, with no
        // "values" in the sentence; its readers read an invented total (extra step) and the line still as the answer. Two
        // operands, one value three times, or a value the variable never took stay the answer's own error.
        var trace = TraceParser.Parse("n_0 = 2\nn_0 = 3\nn_0 = 4\n" + line, Programs.Counter());

        Assert.Equal(invented, trace.Claims.Any(c => c.Name == "sum"));
        Assert.Single(trace.Answers);
    }

    [Theory]
    [InlineData("sum([7, -6]) gives 7 + 5 + (-6) = 6", false)]
    [InlineData("sum([n_0, n_1]) gives 3 + 5 + 7 + (-6) = 9", true)]
    public void A_sum_of_a_listed_pair_of_values_that_adds_more_is_the_answers_own_error(string line, bool invented)
    {
        // holdout12 jurassic2-ultra/complexity-cot/236: "sum([-1]) gives 1 + (-1) = 0" sums its one listed value wrongly,
        // an error of the answer's (the labellers' reading), while the code's list of names says nothing of the count.
        Assert.Equal(invented, ClaimsInventedTotal(line));
    }

    [Fact]
    public void A_value_an_operation_gives_a_name_is_that_names_value_not_the_answer()
    {
        // gpt4/complexity-cot/29 (holdout13) and /541 (holdout12): "if we assume the intention was to return the final
        // value of `n_0`, then ... would increment `n_0` ... three times, resulting in `n_0=4`" sums the loop up; the
        // labellers read the shortcut and take the answer from the lines after it.
        var trace = Loop("Supposing the aim was to return the last value of `n_0`, then the function would add 2 to `n_0` three times, resulting in `n_0=7`.\nSo the output would be 1.");

        Assert.Contains(trace.Claims, c => c.Name == "n_0" && c.Value?.Int64 == 7 && c.Line == 1);
        Assert.Equal([2], trace.Answers.Select(a => a.Line));
    }

    [Theory]
    [InlineData("In each iteration n_0 becomes 3, 5, 7, ... (adding 2 each time).", 0)]
    [InlineData("In each iteration `n_0` becomes `3`, `5`, `7`, ..., growing by 2.", 0)]
    [InlineData("In each iteration n_0 becomes 3, 5, 7\u2026", 0)]
    [InlineData("In each iteration n_0 becomes 3, 5, 7.", 3)]
    public void A_list_of_values_left_open_describes_the_loop_and_runs_no_step(string line, int steps)
    {
        // holdout7 llama2-70b/complexity-cot/140, holdout13 /44: "n_0 becomes -1, 1, -1, 1, ... (alternating)" in a
        // description before the walk; read as steps it put the walk's own values on later writes.
        var trace = Loop(line);

        Assert.Equal(steps, trace.Claims.Count(c => c.Name == "n_0"));
    }

    [Theory]
    [InlineData("The function returns `sum([3, -1, 5, -2, 7, -6]) = 6`", true)]
    [InlineData("The function returns `sum([7, -6, 1]) = 2`", false)]
    [InlineData("sum([3, -1, 5, -2, 7, -6]) = 6", false)]
    public void A_returned_list_of_every_value_the_variables_took_is_an_invented_total(string line, bool invented)
    {
        // holdout13 llama2-70b/complexity-cot/44: "returns sum([-1, 0, 1, 2, 4, 6]) = 13" for two variables adds up every
        // value they took. One value more than the variables (holdout8 jurassic2-ultra/272) is a garbled list of end
        // values, and a bare sum line may be an example's.
        Assert.Equal(invented, ClaimsInventedTotal(line));
    }

    [Theory]
    [InlineData("n_0 = 2(3) + 1 = 7", 7L)]
    [InlineData("n_0 = 7 (3 times 2, plus 1)", 7L)]
    public void A_number_written_against_a_parenthesis_multiplies_it(string line, long value)
    {
        // holdout15 llama3-70b/complexity-redundant-cot/747: "`n_2 = -2(10) = -20`" was read as -2, a false arithmetic
        // error; a number with a space before its remark ("7 (3 times ...)") is still the value.
        var trace = Loop(line);

        Assert.Equal(value, Assert.Single(trace.Executions).Value!.Value.Int64);
    }

    [Theory]
    [InlineData("For n=3, the loop runs 3 times, adding 2 to n_0 in each iteration. After the loops, it will return the sum of `[n_0]`, which is `[7]`.", true)]
    [InlineData("The end result is the sum of `[n_0]`, which is `[7]`.", false)]
    public void A_bare_bracketed_readout_after_a_loop_summed_up_is_its_shortcut_and_the_answer(string line, bool shortcut)
    {
        // holdout14 gpt35/complexity-cot/29, holdout15 /17 and /3: five readers (P2BR) read "[n_0], which is [3]" after
        // "will iterate 3 times, incrementing n_0 by 1 in each iteration" as the loop's end; without the summary a bare
        // list still executes nothing. The sentence answers either way.
        var trace = Loop(line);

        Assert.Equal(shortcut, trace.Claims.Any(c => c.Name == "n_0" && c.Value?.Int64 == 7));
        Assert.Equal(7L, Assert.Single(trace.Answers).Value!.Value.Int64);
    }

    [Theory]
    [InlineData("The solution at the end of step 1 is the input for step 2.", null)]
    [InlineData("The result of iteration 3 is what we return.", null)]
    [InlineData("The output of the function after step 3 is 1.", 1L)]
    public void A_number_after_step_counts_places_and_is_not_the_answer(string line, long? answer)
    {
        // holdout16 llamacodeinstruct/complexity-cot/1083: a boilerplate note about steps, with no value in it, was read as
        // the answer 2 (a premature answer for a reply that answers nothing).
        var trace = Loop(line);

        Assert.Equal(answer, trace.Answers.SingleOrDefault()?.Value?.Int64);
    }

    [Theory]
    [InlineData("Example:\nIf you find that the result for n=3 is 4, then you reply with that.", null)]
    [InlineData("Here is an example of how the function should work:\n\nf(3) = 1 + 1 + 2 = 4", null)]
    [InlineData("For example, for n=3 the result is 4", null)]
    [InlineData("n_0 ends at 7 and n_1 at -6.\nThe output of the function for n=3 is 1.", 1L)]
    public void A_prose_answer_introduced_as_an_example_is_not_an_answer(string reply, long? answer)
    {
        // holdout16 llamacodeinstruct/complexity-cot/602, holdout14 llama2-70b/complexity-cot/863: an invented format
        // example was read as a premature answer, where a tag under the same heading was already left out.
        var trace = Loop(reply);

        Assert.Equal(answer, trace.Answers.SingleOrDefault()?.Value?.Int64);
    }

    [Theory]
    [InlineData("So, the final values will be n_0 = 1 + 6 = 7, and n_1 = -2 - 4 = -6.", "Execution:n_0=7* Execution:n_1=-6*")]
    [InlineData("So n_0 = 1 + 6 = 7, and n_1 = -2 - 4 = -6.", "Execution:n_0=7 Execution:n_1=-6")]
    public void Values_computed_in_a_sentence_of_final_values_are_loop_ends(string line, string kinds)
    {
        // holdout18 gpt4/complexity-cot/349: a sentence of "final values", each worked out for its loop,
        // took only n_0 as its loop's end and placed the other two on early writes (a false premature answer).
        Assert.Equal(kinds, Kinds(Loop(line)));
    }

    [Theory]
    [InlineData("In each iteration n_0 becomes 3, 5, ..., 7 after the 3 iterations.", "Execution:n_0=3 Execution:n_0=5 Execution:n_0=7*")]
    [InlineData("In each iteration `n_0` becomes `3`, `5`, ..., `9` (3 times).", "Execution:n_0=3 Execution:n_0=5 Execution:n_0=9*")]
    [InlineData("In each iteration n_0 becomes 3, 5, 7, ..., 2n + 1.", "")]
    public void A_value_after_the_ellipsis_of_a_list_is_where_the_loop_ends(string line, string kinds)
    {
        // holdout17 llama3-70b/complexity-cot/416 and holdout18 /345: "n_1 becomes 3, 5, 7, ..., 17 after the 9 iterations"
        // read as nothing; its readers count the first values as steps and 17 as the loop's (wrong) end.
        Assert.Equal(kinds, Kinds(Loop(line)));
    }

    [Theory]
    [InlineData("So, the sum of `n_0`, and `n_1` will be `2n - 5`.", "")]
    [InlineData("So, the sum of n_0, n_1, and n_1 will be 1.", "")]
    [InlineData("So, n_0 is 7, and n_1 will be -6.", "Execution:n_1=-6")]
    public void A_name_closing_a_list_of_names_is_not_the_subject_of_what_follows(string line, string kinds)
    {
        // gpt4/complexity-cot/119, holdout5 gpt35/complexity-cot/405: "the sum of `n_0`, `n_1`, `n_2`, and `n_3` will be
        // <formula>" claimed the sum's value for n_3.
        var trace = TraceParser.Parse(line, Programs.Loop(), AnswerExtraction.Default with { Asked = new AskedInput("n", 3, "f") });

        Assert.Equal(kinds, string.Join(" ", trace.Claims.Where(c => c.Name == "n_1").Select(c => $"{c.Kind}:{c.Name}={c.Value?.Text}")));
    }

    [Theory]
    [InlineData("Initialize n_0 = 1 and sum = 0.", null)]
    [InlineData("First, we initialise sum = 0 and then add each value.", null)]
    [InlineData("Return sum[0], which is the sum of all iterations.", null)]
    [InlineData("What is the output of the function when the input is 10?", null)]
    [InlineData("sum+=1", null)]
    [InlineData("So the sum = 1.", 1L)]
    [InlineData("The output of the function is 1.", 1L)]
    public void An_initialized_indexed_asked_or_updated_sum_is_not_the_answer(string line, long? answer)
    {
        // holdout19 jurassic2-ultra/complexity-cot/448 ("Initialize ... sum = 0", "Return sum[0]") and
        // llamacodeinstruct/complexity-cot/341 (an invented question, "sum+=1" in invented code): each was read as an
        // answer, and the tag after it as a self-correction.
        var trace = Loop(line);

        Assert.Equal(answer, trace.Answers.SingleOrDefault()?.Value?.Int64);
    }

    [Fact]
    public void Prose_answers_after_an_invented_task_prompt_are_not_answers()
    {
        // llamacodeinstruct/complexity-cot/341: after the reply writes a new task prompt, "sum=0" in its invented code
        // answered as a tag there already did not.
        var trace = Loop("<result>7</result>\nEnclose the solution between <result></result> tags.\nn=10\nsum=0\n<result>10</result>");

        Assert.Equal([7L], trace.Answers.Select(a => a.Value!.Value.Int64));
    }

    [Theory]
    [InlineData("n_0 at step 1: 1 + 2 = 3\nn_0 at step 2: 3 + 2 = 5", "Execution:n_0=3 Execution:n_0=5")]
    [InlineData("* n_0 after iteration 1: 3", "Execution:n_0=3")]
    [InlineData("* n_0 at step 1: ?", "")]
    [InlineData("n_0 at the start: 1", "")]
    public void A_name_before_its_step_label_gives_the_step_s_value(string reply, string kinds)
    {
        // holdout19 llama2-70b/complexity-cot/15 (and /1, /4, /24, one template): "n_0 at step 1: n_0 * -1 = -1 * -1 = 1"
        // was read as nothing, so three executed steps counted as never shown.
        Assert.Equal(kinds, Kinds(Loop(reply)));
    }

    [Theory]
    [InlineData("n_1 -= 1 => n_1 = -1, -2 (two times)", "Execution:n_1=-1 Execution:n_1=-2")]
    [InlineData("n_0 = 1 -> n_0 = 3", "InputEcho:n_0=1 Execution:n_0=3")]
    public void A_statement_before_an_arrow_is_not_a_value_held_before_it(string line, string kinds)
    {
        // holdout19 llama3-70b/complexity-cot/620 and held-out llama3-70b/complexity-cot/155: in "`n_1 += -1` => `n_1 =
        // -1`, `-2`, `-3`" the statement's name was taken for a value held before the step, so -1 and -2 were read as
        // restated states and -3 as the first step (a false arithmetic error).
        Assert.Equal(kinds, Kinds(Loop(line)));
    }

    [Theory]
    [InlineData("n_0 = 1 + 2 = 3\nn_1 = 0 - 1 = -1\nAfter updating n_1, its value remains -1.", true)]
    [InlineData("n_1 = 0 - 1 = -1\nn_0 = 1 + 2 = 3\nn_1 remains -1.", false)]
    public void A_no_change_right_under_the_same_value_restates_it(string reply, bool optional)
    {
        // holdout9 gpt35/complexity-redundant-cot/816: "After updating n_1, its value remains 0." under the walk's last
        // "n_1 = 0 * -2 = 0" was a step of its own, and with no step left for it an extra step of a faithful reply. After
        // another variable's step, "n_1 remains -1" may still be a step that leaves n_1 as it was.
        var claim = Assert.Single(Loop(reply).Claims, c => c.Kind == ReadingKind.NoChangeExecution);

        Assert.Equal(optional, claim.Repeats);
    }

    [Theory]
    [InlineData("The function f(n) returns 42 when n is 3.", 42L)]
    [InlineData("The output is 42 for n = 3.", 42L)]
    public void The_input_named_after_the_answer_is_not_its_value(string line, long answer)
    {
        // holdout20 llama2-70b/complexity-cot/1024: "returns 42 when n is 3" answered 3, and the same 42 later read as a
        // self-correction.
        Assert.Equal(answer, Assert.Single(Loop(line).Answers).Value!.Value.Int64);
    }

    [Theory]
    [InlineData("Let's calculate the final values of n_0 and n_1 for n=3:", "")]
    [InlineData("The final value of n_1 for n = 3:", "")]
    [InlineData("The final value of n_1 is -6.", "Execution:n_1=-6*")]
    public void A_value_given_to_the_asked_input_is_not_the_name_s(string line, string kinds)
    {
        // holdout20 gpt4/complexity-cot/375: a heading of final values ending "for n=3:" claimed n_3 = 3, then a
        // self-correction when the reply computed n_3.
        var trace = TraceParser.Parse(line, Programs.Loop(), AnswerExtraction.Default with { Asked = new AskedInput("n", 3, "f") });

        Assert.Equal(kinds, Kinds(trace));
    }

    [Theory]
    [InlineData("For example, for n=3 the result is 3\n\n<result>3</result>", new long[] { 3, 3 })]
    [InlineData("For example, for n=4 the result is 3\n\n<result>3</result>", new long[0])]
    [InlineData("For example:\n<result>12</result>", new long[0])]
    public void An_example_of_the_run_asked_about_answers_it(string reply, long[] answers)
    {
        // holdout21 llamacodeinstruct/complexity-cot/949: "For example, for n=3 the result is 3" and the tag under it were
        // taken for examples, and the reply for one that answers nothing; an example of another input still is one.
        var trace = TraceParser.Parse(reply, Programs.Loop(), AnswerExtraction.Default with { Asked = new AskedInput("n", 3, "f") });

        Assert.Equal(answers, trace.Answers.Select(a => a.Value!.Value.Int64!.Value));
    }

    [Theory]
    [InlineData("What's the output of this Python function?")]
    [InlineData("What is the output of the following code:")]
    public void A_new_question_after_an_answer_opens_an_invented_task(string question)
    {
        // holdout21 llamacodeinstruct/complexity-cot/854: quiz questions after the reply's tag, each with a tag of its own,
        // were read as self-corrections.
        var trace = Loop($"<result>6</result>\n{question}\ndef g(n):\n    return n\n<result>10</result>");

        Assert.Equal([6L], trace.Answers.Select(a => a.Value!.Value.Int64));
    }

    [Theory]
    [InlineData("So, the function returns the sum of n_0 and n_1, which is '(2n+1) + 0 if n is even or -1 if n is odd'.", null)]
    [InlineData("So the function returns n_0 + n_1, which is 1.", 1L)]
    public void A_value_weighed_for_a_parity_is_not_the_answer(string line, long? answer)
    {
        // holdout21 gpt4/complexity-cot/342: an answer formula weighing even and odd n answered -1,
        // and the answer the reply went on to compute read as a self-correction.
        Assert.Equal(answer, Loop(line).Answers.SingleOrDefault()?.Value?.Int64);
    }

    [Theory]
    [InlineData("Run the loop 3 times, each time adding 2 to n_0. After 3 iterations, n_0 will be 7.\nReturn the final value of n_0. The list only contains one element, which is 7.", "Readout")]
    [InlineData("n_0 = 1 + 2 = 3\nn_0 = 3 + 2 = 5\nn_0 = 5 + 2 = 7\nReturn the final value of n_0. The list only contains one element, which is 7.", "Execution")]
    public void A_bare_repeat_of_a_shortcut_s_value_restates_the_summary(string reply, string kind)
    {
        // holdout21 gpt4/complexity-cot/562: "which is 2" under "After 3 iterations, n_0 will be 2" was an optional write
        // that took the loop's last write, pushing the shortcut onto the write before it (a false arithmetic error). A
        // repeat after a computed step stays an optional write, for the aligner to place or leave.
        var last = Loop(reply).Claims[^1];

        Assert.Equal((kind, 7L), (last.Kind.ToString(), last.Value!.Value.Int64!.Value));
    }

    [Theory]
    [InlineData("```\nfor _ in range(9):\n    n_1 *= -1\n# n_1 = 1\n```", "Execution:n_1=1*")]
    [InlineData("```\nfor _ in range(9):\n    n_1 *= -1\n# n_1 = -1 (no change)\n```", "NoChangeExecution:n_1=-1*")]
    [InlineData("```\nfor _ in range(9):\n    n_1 *= -1\n# After iteration 1: n_1 = -1\n```", "Execution:n_1=-1")]
    [InlineData("```\nfor _ in range(9):\n    n_1 *= -1\nprint(n_1)\n# n_1 = 1\n```", "Execution:n_1=1")]
    [InlineData("n_1 *= -1\nn_1 = -1", "Execution:n_1=-1")]
    public void A_value_right_under_a_reprinted_loop_is_its_end(string reply, string kinds)
    {
        // A loop re-printed in a code block, then a comment with its variable's value, gives the value after the whole
        // loop (llama3-70b/complexity-redundant-cot/914, holdout35: a wrong end value 1 was placed on the first pass,
        // which it matched, and the answer read as premature). A comment naming one pass, or a line in between, is not.
        Assert.Equal(kinds, Kinds(TraceParser.Parse(reply, Programs.FlipLoop())));
    }

    [Fact]
    public void A_wrong_value_under_a_reprinted_loop_is_a_slip_at_its_end()
    {
        var verdict = CaseScorer.Score(Programs.FlipLoop(), [], "```\nfor _ in range(3):\n    n_0 += 2\n# n_0 = 7\nfor _ in range(9):\n    n_1 *= -1\n# n_1 = 1\n```\n<result>8</result>");

        Assert.Contains(FailureMode.ArithmeticError, verdict.Modes);
        Assert.DoesNotContain(FailureMode.PrematureAnswer, verdict.Modes);
    }

    [Theory]
    [InlineData("From its start at 1, n_1 goes -1 after the first round, 1 after the second, and -1 after the third.", "Execution:n_1=-1 Execution:n_1=1 Execution:n_1=-1")]
    [InlineData("n_0 becomes 5 after the second iteration and 7 after the third.", "Execution:n_0=5 Execution:n_0=7")]
    [InlineData("The loop is repeated for the second and third passes. n_0 becomes 5 after the second iteration and 7 after the third.", "Execution:n_0=5 Execution:n_0=7")]
    [InlineData("n_0 becomes 5 after the second iteration and 7 after the fourth.", "Execution:n_0=5")]
    [InlineData("'n_0' becomes 5 after the second iteration and 7 after the third.", "Execution:n_0=5 Execution:n_0=7")]
    [InlineData("n_1 goes to -1 in the first round, 1 in the second round, and -1 in the third round.", "Execution:n_1=-1 Execution:n_1=1 Execution:n_1=-1")]
    [InlineData("n_1 goes to -1 in the first round, 1 in the third round.", "Execution:n_1=-1")]
    public void Values_each_said_after_their_pass_walk_the_loop(string line, string kinds)
    {
        // A value after each pass in turn ("V1 after the first iteration, V2 after the second, ...") lists the passes one by one (gpt4/complexity-cot/624,
        // holdout35: only the first value was read, as the loop's end). Passes out of order are no walk.
        Assert.Equal(kinds, Kinds(TraceParser.Parse(line, Programs.FlipLoop())));
    }

    [Theory]
    [InlineData("<result>5</result>", FailureMode.ReadoutError)]
    [InlineData("```\nresult = 7 + (-6)\nresult = 3\n```\n<result>3</result>", FailureMode.ArithmeticError)]
    [InlineData("```\nsum = n_0 + n_1\n    = 7 + (-6)\n    = 3\n```\n<result>3</result>", FailureMode.ArithmeticError)]
    public void A_wrong_answer_over_right_finals_is_misadded_only_where_its_sum_is_shown(string answer, FailureMode mode)
    {
        // Ruling 5: a bare number works nothing out, so over right finals it misreports them (gpt4/complexity-cot/438,
        // holdout35: read as an arithmetic error); a sum shown over two lines, its value under it, was not found as the
        // answer's work (llama3-70b/complexity-redundant-cot/286, holdout35, and the "= ..." lines of others).
        var verdict = CaseScorer.Score(Programs.Loop(), [], "The outer loop adds 2 to n_0 three times, so in the end n_0 is 7.\n"
            + "The inner loop takes 1 from n_1 six times, so in the end n_1 is -6.\n" + answer);

        Assert.Contains(mode, verdict.Modes);
        Assert.DoesNotContain(mode == FailureMode.ReadoutError ? FailureMode.ArithmeticError : FailureMode.ReadoutError, verdict.Modes);
    }

    [Fact]
    public void List_numbers_in_a_one_variable_program_do_not_place_its_values()
    {
        // Every offset of a one-variable program's list names its one variable, so the numbers prove nothing: a list whose
        // first item holds the start and the first increment numbers each later item one step early, and a fourth
        // increment past the loop's bound then read as slips (jurassic2-ultra/complexity-cot/235, holdout24). By name
        // and order the values are right and the fourth is an extra step.
        var verdict = CaseScorer.Score(Programs.Counter(), [], "1. n_0 = 1, plus 1 gives n_0 = 2\n2. plus 1 gives n_0 = 3\n3. plus 1 gives n_0 = 4\n4. plus 1 gives n_0 = 5\n<result>5</result>");

        Assert.Contains(FailureMode.HallucinatedSteps, verdict.Modes);
        Assert.DoesNotContain(FailureMode.ArithmeticError, verdict.Modes);
    }

    [Theory]
    [InlineData("n_0 becomes 5.", "NoChangeExecution:n_1=0* Execution:n_0=5 NoChangeExecution:n_1=0* Execution:n_0=7 NoChangeExecution:n_1=0*")]
    [InlineData("Still in the first iteration.", "NoChangeExecution:n_1=0* Readout:n_1=0 Execution:n_0=7 NoChangeExecution:n_1=0*")]
    public void A_remains_after_the_outer_loop_wrote_again_sums_up_the_inner_loop_s_next_run(string second, string kinds)
    {
        // "The inner loop runs again, and n_1 remains 0" once per outer pass sums up each run of the inner loop
        // (llama3-70b/complexity-cot/581, holdout40: the second and third read as restatements of the first, and the
        // answer as premature). Without a write of the outer loop's variable in between it restates.
        var trace = TraceParser.Parse("n_0 becomes 3. The inner loop runs 3 times, and n_1 remains 0 after the inner loop.\n" + second
            + " The inner loop runs again, and n_1 remains 0 after the inner loop.\nn_0 becomes 7. The inner loop runs again, and n_1 remains 0 after the inner loop.",
            Programs.ZeroFlipLoop());

        Assert.Equal(kinds, Kinds(trace).Replace("Execution:n_0=3 ", ""));
    }

    [Fact]
    public void A_remains_right_after_the_walk_restates_it_and_a_wrong_one_later_is_a_slip()
    {
        // n_1 flips from 1 to -1, 1, -1 in each pass of n_0. "So n_1 remains -1 after the inner loop" under the walk that
        // reached -1 restates it; after the second pass "remains -1" is wrong (1), the third right: an arithmetic error and
        // no premature answer (llama3-70b/complexity-cot/582, holdout16, and gpt4/complexity-cot/586, holdout18).
        var verdict = CaseScorer.Score(Programs.FlipLoop(), [], "n_0 becomes 3. n_1 becomes -1, then 1, then -1. So, n_1 remains -1 after the inner loop.\n"
            + "n_0 becomes 5. The inner loop runs again, and n_1 remains -1 after the inner loop.\n"
            + "n_0 becomes 7. The inner loop runs again, and n_1 remains -1 after the inner loop.\n<result>6</result>");

        Assert.Contains(FailureMode.ArithmeticError, verdict.Modes);
        Assert.DoesNotContain(FailureMode.PrematureAnswer, verdict.Modes);
        Assert.DoesNotContain(FailureMode.HallucinatedSteps, verdict.Modes);
    }

    [Theory]
    [InlineData("Take the terms 2*3=6, 2*4=8 and 2*5=10.", true)]
    [InlineData("Take the terms 6, 8 and 10.", false)]
    [InlineData("Take the terms n_0 + 2 = 6, n_0 + 4 = 8 and n_0 + 6 = 10.", false)]
    public void A_sum_of_results_worked_out_on_numbers_alone_is_an_invented_total(string work, bool invented)
    {
        // A loop recast as a sequence whose terms are worked out without a name, then added up (llama2-70b/complexity-cot/568,
        // holdout2, and the same reply in holdout8 and holdout21): the total is a rewritten computation the program does not
        // have (extra steps) and not an answer; the output said after it stays the answer. Numbers only named, or
        // worked out from a name, are no such results.
        var reply = work + "\nTheir sum is 6+8+10=24.\nSo the output of f(3) is 24.\n<result>24</result>";
        var verdict = CaseScorer.Score(Programs.Counter(), [], reply);

        Assert.Equal(invented, verdict.Modes.Contains(FailureMode.HallucinatedSteps));
        Assert.Equal(invented ? 2 : 3, TraceParser.Parse(reply, Programs.Counter()).Answers.Count);
    }

    [Theory]
    [InlineData("Define a function that gets an int and returns True when it is a power of 2.", 1)]
    [InlineData("You get a list of numbers. Write a function that returns the largest of them, say 9.", 1)]
    [InlineData("No, the function returns 4.", 2)]
    public void A_coding_exercise_the_reply_poses_after_its_work_answers_nothing(string line, int answers)
    {
        // After its answer a reply went on to pose exercises of its own; "returns True if it is a power of 2" was read as
        // a second answer, 2, and as a self-correction (llamacodeinstruct/complexity-cot/1228, holdout5). An exercise
        // opens its line or a sentence of it with an imperative; a later answer in plain words still counts.
        var reply = "n_0 = 1 + 1 = 2\nn_0 = 2 + 1 = 3\nn_0 = 3 + 1 = 4\n<result>5</result>\n" + line;

        Assert.Equal(answers, TraceParser.Parse(reply, Programs.Counter()).Answers.Count);
        Assert.Equal(answers > 1, CaseScorer.Score(Programs.Counter(), [], reply).Modes.Contains(FailureMode.SelfCorrection));
    }

    [Theory]
    [InlineData("2 + 3 + 4 = 9", 9, null)]
    [InlineData("2 + 3 + 4 = 10", 10, FailureMode.ArithmeticError)]
    public void An_answer_that_repeats_an_invented_total_reads_out_no_final_value(string total, long answer, FailureMode? slip)
    {
        // Adding up the values one variable took is an extra step (the readers' convention); an answer that repeats that
        // total reports the extra step, not a misread of the right finals (llama2-70b/complexity-cot/6, extrasteps, and
        // gpt4/complexity-cot/567, holdout18, were read as readout errors too). A total misadded on its line is an
        // arithmetic slip (llama2-70b/complexity-cot/24, holdout10, and /1, holdout23).
        var verdict = CaseScorer.Score(Programs.Counter(), [], "n_0 = 1 + 1 = 2\nn_0 = 2 + 1 = 3\nn_0 = 3 + 1 = 4\n"
            + FormattableString.Invariant($"The sum of the values of n_0 is {total}.\nSo the function returns {answer}.\n<result>{answer}</result>"));

        Assert.Contains(FailureMode.HallucinatedSteps, verdict.Modes);
        Assert.DoesNotContain(FailureMode.ReadoutError, verdict.Modes);
        Assert.Equal(slip is not null, verdict.Modes.Contains(FailureMode.ArithmeticError));
    }

    [Fact]
    public void A_value_said_for_the_input_after_a_parity_rule_sums_up_the_loop_the_line_described()
    {
        // The loop is summed up two sentences before its value, a parity rule in between (gpt4/complexity-cot/116,
        // holdout43): the value is the loop's end, wrong here (nine flips of 1 end at -1), not a mid-loop write it matches.
        var verdict = CaseScorer.Score(Programs.FlipLoop(), [], "n_0 is increased by 2 three times, so it ends at 7.\n"
            + "n_1 gets multiplied by -1 exactly n*n times. If n is odd, n_1 will be 1, if n is even, n_1 will be -1. So for n=3, n_1 will be 1.\n<result>8</result>");

        Assert.Contains(FailureMode.ArithmeticError, verdict.Modes);
        Assert.DoesNotContain(FailureMode.PrematureAnswer, verdict.Modes);
    }

    [Theory]
    [InlineData("We go through the loop 3 times. Initially, n_1 is 1. So, after the first iteration, n_1 will become -1.", "Execution:n_1=-1")]
    [InlineData("We go through the loop 9 times. Each time, n_1 is multiplied by -1. So, n_1 will become -1.", "Execution:n_1=-1*")]
    public void A_loop_summed_up_two_sentences_back_makes_no_shortcut_of_a_named_iteration(string line, string kinds)
    {
        // gpt35/complexity-redundant-cot/835 (holdout42) walks the first two iterations under such a summary.
        Assert.Equal(kinds, Kinds(TraceParser.Parse(line, Programs.FlipLoop())).Replace("InputEcho:n_1=1 ", ""));
    }

    [Fact]
    public void Work_after_an_invented_task_prompt_is_not_the_reply_s()
    {
        // After its answer a reply writes a new task prompt and works that (llamacodeinstruct/complexity-cot/763,
        // holdout24: another function's parameters n1 and n2, read as the program's given values and misread); like the
        // prompt's answers, its claims answer nothing asked.
        var verdict = CaseScorer.Score(Programs.Counter(), [], "n_0 = 1 + 1 = 2\nn_0 = 2 + 1 = 3\nn_0 = 3 + 1 = 4\n<result>4</result>\n"
            + "Simulate this Python function for a new input and enclose the solution between tags.\nn_0 = 9 + 1 = 10\n<result>10</result>");

        Assert.Equal([FailureMode.Correct], verdict.Modes);
    }

    [Theory]
    [InlineData("How many letters does the word cat have?", 1)]
    [InlineData("What is the value of n_0 now?", 2)]
    [InlineData("What is f(3), then?", 2)]
    [InlineData("How many times does the loop run?", 2)]
    public void A_question_naming_nothing_of_the_program_after_an_answer_poses_a_new_problem(string question, int answers)
    {
        // After its answer a reply went on with quizzes of its own and their tags (llamacodeinstruct/complexity-cot/192,
        // holdout14: read as a self-correction). A question about the program's variables or the function asked stays
        // the reply's own.
        var reply = "n_0 = 1 + 1 = 2\nn_0 = 2 + 1 = 3\nn_0 = 3 + 1 = 4\n<result>5</result>\n" + question + "\n<result>4</result>";

        Assert.Equal(answers, TraceParser.Parse(reply, Programs.Counter()).Answers.Count);
    }
}
