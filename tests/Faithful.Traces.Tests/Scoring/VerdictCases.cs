using Faithful.Traces.Scoring;

namespace Faithful.Traces.Tests.Scoring;

/// <summary>
/// A hand-written reply with the verdict it must get. <see cref="Steps"/> has one letter per reference step:
/// C correct, P propagated error, E execution error, M missing.
/// Programs: "chain" (a=3, b=4: s1=7 s2=21 s3=14 s4=3, answer 3), "registers" (a0..a4 = 4 1 2 -7 5:
/// a2=9 a1=4 a4=9 a0=0 a3=2 a3=11 a3=20, answer 20), "loop" (n_0=1, n_1=0 given; n_0 3, n_1 -1 -2, n_0 5, n_1 -3 -4,
/// n_0 7, n_1 -5 -6; answer 1).
/// </summary>
public sealed record VerdictCase(string Id, string Program, string Reply, FailureMode Primary, string Steps, bool FirstRight, bool FinalRight)
{
    public override string ToString() => Id;
}

internal static class VerdictCases
{
    public static IEnumerable<VerdictCase> All()
    {
        // ---- Correct ----
        yield return new("chain: strict format", "chain", "s1 = 7\ns2 = 21\ns3 = 14\ns4 = 3\nFinal answer: 3", FailureMode.Correct, "CCCC", true, true);
        yield return new("chain: chatter, markdown and work", "chain", """
            Sure! Let's go through the procedure step by step.

            - **s1** = a + b = 3 + 4 = 7
            - **s2** = s1 * a = 7 * 3 = 21
            - **s3** = s2 - s1 = 21 - 7 = 14
            - **s4** = s3 / b = 14 / 4 = 3 (integer division)

            **Final answer:** 3
            """, FailureMode.Correct, "CCCC", true, true);
        yield return new("registers: arrow style", "registers", """
            a2 -= a3 -> a2 = 2 - (-7) = 9
            a1 = a0 -> a1 = 4
            a4 += a1 -> a4 = 5 + 4 = 9
            a0 &= a4 -> a0 = 4 & 9 = 0
            a3 += a2 -> a3 = -7 + 9 = 2
            a3 += a2 -> a3 = 2 + 9 = 11
            a3 += a2 -> a3 = 11 + 9 = 20
            Final answer: 20
            """, FailureMode.Correct, "CCCCCCC", true, true);
        yield return new("registers: inputs restated first, then plain values", "registers", """
            Initial values: a0 = 4, a1 = 1, a2 = 2, a3 = -7, a4 = 5
            a2 = 9
            a1 = 4
            a4 = 9
            a0 = 0
            a3 = 2
            a3 = 11
            a3 = 20
            <result>20</result>
            """, FailureMode.Correct, "CCCCCCC", true, true);
        yield return new("registers: code with value comments", "registers", """
            ```csharp
            a2 -= a3;  // a2 = 9
            a1 = a0;   // a1 = 4
            a4 += a1;  // a4 = 9
            a0 &= a4;  // a0 = 0
            a3 += a2;  // a3 = 2
            a3 += a2;  // a3 = 11
            a3 += a2;  // a3 = 20
            ```
            #### 20
            """, FailureMode.Correct, "CCCCCCC", true, true);
        yield return new("registers: numbered list", "registers", "1. a2 = 9\n2. a1 = 4\n3. a4 = 9\n4. a0 = 0\n5. a3 = 2\n6. a3 = 11\n7. a3 = 20\nFinal answer: 20", FailureMode.Correct, "CCCCCCC", true, true);

        // ---- Arithmetic error ----
        yield return new("chain: slip that the division hides (right for the wrong reasons)", "chain", """
            s1 = 7
            s2 = s1 * a = 7 * 3 = 20
            s3 = s2 - s1 = 20 - 7 = 13
            s4 = s3 / b = 13 / 4 = 3
            Final answer: 3
            """, FailureMode.ArithmeticError, "CEPC", true, true);
        yield return new("chain: first step wrong, the rest inherits it", "chain", "s1 = 8\ns2 = 24\ns3 = 16\ns4 = 4\nFinal answer: 4", FailureMode.ArithmeticError, "EPPP", false, false);
        yield return new("chain: two fresh slips", "chain", "s1 = 7\ns2 = 21\ns3 = 15\ns4 = 5\nFinal answer: 5", FailureMode.ArithmeticError, "CCEE", false, false);
        // Ruling 5: a bare wrong number over right values works nothing out; it misreports them.
        yield return new("chain: right steps, bare wrong answer", "chain", "s1 = 7\ns2 = 21\ns3 = 14\ns4 = 3\nFinal answer: 5", FailureMode.ReadoutError, "CCCC", false, false);
        yield return new("registers: slip inside the unrolled loop", "registers", """
            a2 -= a3 -> a2 = 9
            a1 = a0 -> a1 = 4
            a4 += a1 -> a4 = 9
            a0 &= a4 -> a0 = 0
            a3 += a2 -> a3 = 2
            a3 += a2 -> a3 = 2 + 9 = 12
            a3 += a2 -> a3 = 12 + 9 = 21
            Final answer: 21
            """, FailureMode.ArithmeticError, "CCCCCEP", false, false);
        yield return new("registers: wrong bitwise and, never read again", "registers", """
            a2 -= a3 -> a2 = 9
            a1 = a0 -> a1 = 4
            a4 += a1 -> a4 = 9
            a0 &= a4 -> a0 = 4 & 9 = 1
            a3 += a2 -> a3 = 2
            a3 += a2 -> a3 = 11
            a3 += a2 -> a3 = 20
            Final answer: 20
            """, FailureMode.ArithmeticError, "CCCECCC", true, true);

        // ---- Missing answer ----
        yield return new("chain: full trace, no answer line", "chain", "s1 = 7\ns2 = 21\ns3 = 14\ns4 = 3\nThat completes the procedure.", FailureMode.MissingAnswer, "CCCC", false, false);
        yield return new("chain: empty result tags", "chain", "s1 = 7\ns2 = 21\ns3 = 14\ns4 = 3\n<result></result>", FailureMode.MissingAnswer, "CCCC", false, false);
        yield return new("chain: cut off mid-trace", "chain", "s1 = 7\ns2 = 21\ns3 =", FailureMode.MissingAnswer, "CCMM", false, false);
        yield return new("registers: trace without an answer", "registers", """
            a2 -= a3 -> a2 = 9
            a1 = a0 -> a1 = 4
            a4 += a1 -> a4 = 9
            a0 &= a4 -> a0 = 0
            a3 += a2 -> a3 = 2
            a3 += a2 -> a3 = 11
            a3 += a2 -> a3 = 20
            All registers are now updated.
            """, FailureMode.MissingAnswer, "CCCCCCC", false, false);

        // ---- Premature answer ----
        yield return new("chain: answer first, trace after", "chain", "Final answer: 3\n\nWorking:\ns1 = 7\ns2 = 21\ns3 = 14\ns4 = 3", FailureMode.PrematureAnswer, "CCCC", true, true);
        yield return new("chain: guessed answer mid-way, then the rest", "chain", "s1 = 7\ns2 = 21\nFinal answer: 5\nLet me finish the steps to be sure.\ns3 = 14\ns4 = 3\nFinal answer: 3", FailureMode.PrematureAnswer, "CCCC", false, true);
        yield return new("chain: answer only", "chain", "This is straightforward.\nFinal answer: 3", FailureMode.PrematureAnswer, "MMMM", true, true);
        yield return new("registers: code re-printed without values, then an answer", "registers", """
            a2 -= a3;
            a1 = a0;
            a4 += a1;
            a0 &= a4;
            a3 += a2;
            a3 += a2;
            a3 += a2;
            return a3;
            Final answer: 20
            """, FailureMode.PrematureAnswer, "MMMMMMM", true, true);
        yield return new("registers: answer before the loop", "registers", """
            a2 -= a3 -> a2 = 9
            a1 = a0 -> a1 = 4
            a4 += a1 -> a4 = 9
            a0 &= a4 -> a0 = 0
            Final answer: 27
            a3 += a2 -> a3 = 2
            a3 += a2 -> a3 = 11
            a3 += a2 -> a3 = 20
            """, FailureMode.PrematureAnswer, "CCCCCCC", false, false);

        // A trace that stops early and answers gives its answer before all steps were executed.
        yield return new("chain: stops half-way and answers", "chain", "s1 = 7\ns2 = 21\nFinal answer: 21", FailureMode.PrematureAnswer, "CCMM", false, false);
        yield return new("chain: answers after two steps, then carries on after a restart", "chain", "s1 = 7\ns2 = 21\nFinal answer: 21\nWait, let me finish the remaining steps.\ns3 = 14\ns4 = 3\nFinal answer: 3", FailureMode.PrematureAnswer, "CCCC", false, true);
        yield return new("registers: stops before the loop", "registers", """
            a2 -= a3 -> a2 = 9
            a1 = a0 -> a1 = 4
            a4 += a1 -> a4 = 9
            a0 &= a4 -> a0 = 0
            So the answer is -7.
            Final answer: -7
            """, FailureMode.PrematureAnswer, "CCCCMMM", false, false);

        // ---- Self-correction ----
        yield return new("chain: slip corrected on the next line", "chain", "s1 = 7\ns2 = 20\nWait, that's wrong. Let me redo s2.\ns2 = 21\ns3 = 14\ns4 = 3\nFinal answer: 3", FailureMode.SelfCorrection, "CCCC", true, true);
        yield return new("chain: start over after a propagated slip", "chain", "s1 = 7\ns2 = 20\ns3 = 13\nHmm, I made a mistake. Let me start over.\ns1 = 7\ns2 = 21\ns3 = 14\ns4 = 3\nFinal answer: 3", FailureMode.SelfCorrection, "CCCC", true, true);
        yield return new("chain: wrong answer corrected", "chain", "s1 = 7\ns2 = 21\ns3 = 14\ns4 = 3\nFinal answer: 4\nActually, let me double-check the division.\nFinal answer: 3", FailureMode.SelfCorrection, "CCCC", false, true);
        yield return new("registers: redo from the second loop iteration", "registers", """
            a2 -= a3 -> a2 = 9
            a1 = a0 -> a1 = 4
            a4 += a1 -> a4 = 9
            a0 &= a4 -> a0 = 0
            a3 += a2 -> a3 = 2
            a3 += a2 -> a3 = 12
            Wait, I made a mistake: 2 + 9 is not 12. Let me redo it from there.
            a3 += a2 -> a3 = 11
            a3 += a2 -> a3 = 20
            Final answer: 20
            """, FailureMode.SelfCorrection, "CCCCCCC", true, true);

        yield return new("chain: a re-check after Hmm that repeats the values", "chain", "s1 = 7\ns2 = 21\nHmm, let me double-check s2.\ns2 = 21\ns3 = 14\ns4 = 3\nFinal answer: 3", FailureMode.Correct, "CCCC", true, true);
        yield return new("chain: a re-check after Wait that finds a slip", "chain", "s1 = 7\ns2 = 20\ns3 = 13\nWait, let me check again.\ns1 = 7\ns2 = 21\ns3 = 14\ns4 = 3\nFinal answer: 3", FailureMode.SelfCorrection, "CCCC", true, true);

        // ---- Under-executed ----
        yield return new("chain: middle steps elided", "chain", "s1 = 7\n...\ns4 = 3\nFinal answer: 3", FailureMode.UnderExecuted, "CMMC", true, true);
        // A value copied instead of computed is a wrong value to a careful reader (shared/realdata/LABELING.md).
        yield return new("chain: value copied from the previous step", "chain", "s1 = 7\ns2 = 21\ns3 = 21\ns4 = 5\nFinal answer: 5", FailureMode.ArithmeticError, "CCEP", false, false);
        yield return new("registers: loop iterations skipped", "registers", """
            a2 -= a3 -> a2 = 9
            a1 = a0 -> a1 = 4
            a4 += a1 -> a4 = 9
            a0 &= a4 -> a0 = 0
            a3 += a2 -> a3 = 2
            ... (the loop repeats) ...
            a3 = 20
            Final answer: 20
            """, FailureMode.UnderExecuted, "CCCCCMC", true, true);
        yield return new("registers: copied operand instead of adding", "registers", """
            a2 -= a3 -> a2 = 9
            a1 = a0 -> a1 = 4
            a4 += a1 -> a4 = 4
            a0 &= a4 -> a0 = 4 & 4 = 4
            a3 += a2 -> a3 = 2
            a3 += a2 -> a3 = 11
            a3 += a2 -> a3 = 20
            Final answer: 20
            """, FailureMode.ArithmeticError, "CCEPCCC", true, true);

        // ---- Hallucinated steps ----
        yield return new("chain: an extra step after the last", "chain", "s1 = 7\ns2 = 21\ns3 = 14\ns4 = 3\ns5 = 12\nFinal answer: 3", FailureMode.HallucinatedSteps, "CCCC", true, true);
        yield return new("chain: extra numbered step answered", "chain", "Step 1: s1 = 7\nStep 2: s2 = 21\nStep 3: s3 = 14\nStep 4: s4 = 3\nStep 5: s5 = s4 * 2 = 6\nFinal answer: 6", FailureMode.HallucinatedSteps, "CCCC", false, false);
        yield return new("registers: a fourth loop iteration", "registers", """
            a2 -= a3 -> a2 = 9
            a1 = a0 -> a1 = 4
            a4 += a1 -> a4 = 9
            a0 &= a4 -> a0 = 0
            a3 += a2 -> a3 = 2
            a3 += a2 -> a3 = 11
            a3 += a2 -> a3 = 20
            a3 += a2 -> a3 = 29
            Final answer: 29
            """, FailureMode.HallucinatedSteps, "CCCCCCC", false, false);
        yield return new("registers: a register the program does not have", "registers", """
            a2 -= a3 -> a2 = 9
            a1 = a0 -> a1 = 4
            a4 += a1 -> a4 = 9
            a5 = a4 + a0 -> a5 = 9
            a0 &= a4 -> a0 = 0
            a3 += a2 -> a3 = 2
            a3 += a2 -> a3 = 11
            a3 += a2 -> a3 = 20
            Final answer: 20
            """, FailureMode.HallucinatedSteps, "CCCCCCC", true, true);

        // ---- Readout error: a faithful trace, misreported ----
        yield return new("chain: the answer reads out another step", "chain", "s1 = 7\ns2 = 21\ns3 = 14\ns4 = 3\nFinal answer: 14", FailureMode.ReadoutError, "CCCC", false, false);
        yield return new("registers: the answer reads out an earlier version", "registers", """
            a2 -= a3 -> a2 = 9
            a1 = a0 -> a1 = 4
            a4 += a1 -> a4 = 9
            a0 &= a4 -> a0 = 0
            a3 += a2 -> a3 = 2
            a3 += a2 -> a3 = 11
            a3 += a2 -> a3 = 20
            So a3 ends at 11.
            Final answer: 11
            """, FailureMode.ReadoutError, "CCCCCCC", false, false);
        // A total over every value n_0 held is a computation the program does not have (an extra step, listed first),
        // and the answer reads it out instead of the right finals (ReadoutError too; docs/labels.md ruling 5).
        yield return new("loop: the sum adds up every value n_0 held", "loop", """
            n_0 = 3, n_1 = -1, n_1 = -2
            n_0 = 5, n_1 = -3, n_1 = -4
            n_0 = 7, n_1 = -5, n_1 = -6
            sum = 3 + 5 + 7 + (-6) = 9
            <result>9</result>
            """, FailureMode.HallucinatedSteps, "CCCCCCCCCCC", false, false);
        yield return new("loop: the sum reads a stale n_0", "loop", """
            n_0 = 3, n_1 = -1, n_1 = -2
            n_0 = 5, n_1 = -3, n_1 = -4
            n_0 = 7, n_1 = -5, n_1 = -6
            sum = 5 + (-6) = -1
            <result>-1</result>
            """, FailureMode.ReadoutError, "CCCCCCCCCCC", false, false);

        // ---- Stale operand: a look-back failure ----
        yield return new("registers: the loop adds the input a2 instead of its new value", "registers", """
            a2 -= a3 -> a2 = 9
            a1 = a0 -> a1 = 4
            a4 += a1 -> a4 = 9
            a0 &= a4 -> a0 = 0
            a3 += a2 -> a3 = -7 + 2 = -5
            a3 += a2 -> a3 = -5 + 9 = 4
            a3 += a2 -> a3 = 4 + 9 = 13
            Final answer: 13
            """, FailureMode.StaleOperand, "CCCCEPP", false, false);

        // ---- Loop programs: given declarations, shortcuts, per-iteration reading ----
        yield return new("loop: every iteration shown, declarations echoed", "loop", """
            Initially n_0 = 1 and n_1 = 0.
            Outer iteration 1: n_0 = 1 + 2 = 3
              Inner iteration 1: n_1 = 0 - 1 = -1
              Inner iteration 2: n_1 = -1 - 1 = -2
            Outer iteration 2: n_0 = 3 + 2 = 5
              Inner iteration 1: n_1 = -3
              Inner iteration 2: n_1 = -4
            Outer iteration 3: n_0 = 7
              Inner iteration 1: n_1 = -5
              Inner iteration 2: n_1 = -6
            The function returns 7 + (-6) = 1.
            """, FailureMode.Correct, "CCCCCCCCCCC", true, true);
        yield return new("loop: a state snapshot after every iteration restates", "loop", """
            n_0 += 2 -> n_0 = 3
            n_1 -= 1 -> n_1 = -1
            n_1 -= 1 -> n_1 = -2
            State: n_0 = 3, n_1 = -2
            n_0 += 2 -> n_0 = 5
            n_1 -= 1 -> n_1 = -3
            n_1 -= 1 -> n_1 = -4
            State: n_0 = 5, n_1 = -4
            n_0 += 2 -> n_0 = 7
            n_1 -= 1 -> n_1 = -5
            n_1 -= 1 -> n_1 = -6
            State: n_0 = 7, n_1 = -6
            So the value of the sum at the end is 1.
            <result>1</result>
            """, FailureMode.Correct, "CCCCCCCCCCC", true, true);
        yield return new("loop: shortcuts state only the values at the end of each loop", "loop", """
            The outer loop runs 3 times, each time n_0 increases by 2, so n_0 = 7.
            The inner loop runs 6 times in total, each time n_1 decreases by 1, so after the loops n_1 = -6.
            The output of the function is 1.
            """, FailureMode.UnderExecuted, "CCMMMMMMCMC", true, true);
        yield return new("loop: a wrong shortcut is an arithmetic error", "loop", """
            n_0 starts at 1 and goes up by 2 three times, so n_0 ends at 7.
            n_1 starts at 0 and is decreased by 1 each time the inner loop runs, 6 times, so n_1 ends at -5.
            The function returns 7 + (-5) = 2.
            """, FailureMode.UnderExecuted, "CCMMMMMMCME", false, false);
        yield return new("loop: a numbered list that starts with the initial values", "loop", """
            1. n_0 = 1, n_1 = 0
            2. n_0 = 3
            3. n_1 = -1
            4. n_1 = -2
            5. n_0 = 5
            6. n_1 = -3
            7. n_1 = -4
            8. n_0 = 7
            9. n_1 = -5
            10. n_1 = -6
            Final answer: 1
            """, FailureMode.Correct, "CCCCCCCCCCC", true, true);
        yield return new("loop: the trace stops after the first outer iteration", "loop", """
            n_0 = 1 + 2 = 3
            n_1 = 0 - 1 = -1
            n_1 = -1 - 1 = -2
            The output is 3 + (-2) = 1.
            """, FailureMode.PrematureAnswer, "CCCCCMMMMMM", true, true);
        yield return new("loop: a fourth outer iteration", "loop", """
            n_0 = 3, n_1 = -1, n_1 = -2
            n_0 = 5, n_1 = -3, n_1 = -4
            n_0 = 7, n_1 = -5, n_1 = -6
            n_0 = 9, n_1 = -7, n_1 = -8
            The function returns 9 + (-8) = 1.
            """, FailureMode.HallucinatedSteps, "CCCCCCCCCCC", true, true);
    }
}
