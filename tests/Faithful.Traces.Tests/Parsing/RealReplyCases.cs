namespace Faithful.Traces.Tests.Parsing;

/// <summary>
/// Hand-written replies in the styles real models produce, with the claims and answers they must yield.
/// Programs: "chain" (a=3, b=4: s1=7 s2=21 s3=14 s4=3), "registers" (a0..a4 = 4 1 2 -7 5:
/// a2=9 a1=4 a4=9 a0=0 a3=2 a3=11 a3=20), or "none" (no program known).
/// </summary>
public sealed record ReplyCase(string Id, string Program, string Reply, string Claims, string Answers, int Attempts = 1)
{
    public override string ToString() => Id;
}

internal static class RealReplyCases
{
    public static IEnumerable<ReplyCase> All()
    {
        // ---- sN-style replies ----
        yield return new("plain lines", "chain", "s1 = 7\ns2 = 21\ns3 = 14\ns4 = 3\nFinal answer: 3", "s1=7 s2=21 s3=14 s4=3", "3");
        yield return new("chatter around the trace", "chain", """
            Sure! Let's carefully work through this procedure step by step.

            First we add the inputs.
            s1 = 7
            Next, multiply by a.
            s2 = 21
            s3 = 14
            s4 = 3

            I hope this helps! Final answer: 3
            """, "s1=7 s2=21 s3=14 s4=3", "3");
        yield return new("work shown with equals chains", "chain", """
            s1 = a + b = 3 + 4 = 7
            s2 = s1 * a = 7 * 3 = 21
            s3 = s2 - s1 = 21 - 7 = 14
            s4 = s3 / b = 14 / 4 = 3
            Final answer: 3
            """, "s1=7 s2=21 s3=14 s4=3", "3");
        yield return new("markdown bold and bullets", "chain", """
            - **s1** = 7
            * **s2 = 21**
            • s3: **14**
            + __s4__ = 3

            **Final Answer:** 3
            """, "s1=7 s2=21 s3=14 s4=3", "3");
        yield return new("numbered list of computations", "chain", """
            1. s1 = a + b = 3 + 4 = 7
            2. s2 = s1 × a = 7 × 3 = 21
            3. s3 = s2 − s1 = 21 − 7 = 14
            4. s4 = s3 ÷ b = 14 ÷ 4 = 3
            The answer is 3.
            """, "s1=7 s2=21 s3=14 s4=3", "3");
        yield return new("step labels without names", "chain", """
            **Step 1:** Add a and b: 3 + 4 = 7
            **Step 2:** Multiply s1 by a: 7 × 3 = 21
            Step 3: 21 - 7 = 14
            Step 4 (s4): 14 / 4 = 3
            Final answer: 3
            """, "#1=7 #2=21 #3=14 s4=3", "3");
        yield return new("LaTeX inline and display", "chain", """
            We compute \(s_1 = a + b = 7\).
            Then $s_2 = s_1 \times a = 21$.
            $$s_{3} = s_2 - s_1 = 14$$
            \[ s_4 = \frac{14}{4} = 3 \]
            Therefore the answer is $\boxed{3}$.
            """, "s1=7 s2=21 s3=14 s4=3", "3");
        yield return new("compact LaTeX without spaces", "chain", "$s_1=7$, $s_{2}=21$\n\\(s_3=14\\) and \\(s_{4}=\\dfrac{14}{4}=3\\)\n$$\\boxed{3}$$", "s1=7 s2=21 s3=14 s4=3", "3");
        yield return new("code fence around the trace", "chain", """
            Here is the trace:
            ```
            s1 = 7
            s2 = 21
            s3 = 14
            s4 = 3
            ```
            Final answer: 3
            """, "s1=7 s2=21 s3=14 s4=3", "3");
        yield return new("assignment variants", "chain", "s1: 7\ns2 → 21\ns3 -> 14\ns4 => 3\nFinal answer = 3", "s1=7 s2=21 s3=14 s4=3", "3");
        yield return new("several claims on one line", "chain", "s1 = 7, s2 = 21, s3 = 14, s4 = 3\nFinal answer: 3", "s1=7 s2=21 s3=14 s4=3", "3");
        yield return new("repeated line is kept, not a restart", "chain", "s1 = 7\ns1 = 7\ns2 = 21\ns3 = 14\ns4 = 3\nFinal answer: 3", "s1=7 s1=7 s2=21 s3=14 s4=3", "3");
        yield return new("explicit restart", "chain", """
            s1 = 7
            s2 = 20
            Wait, let me redo this. 7 times 3 is 21, not 20.
            s1 = 7
            s2 = 21
            s3 = 14
            s4 = 3
            Final answer: 3
            """, "s1=7 s2=20 | s1=7 s2=21 s3=14 s4=3", "3", 2);
        yield return new("actually corrects one step", "chain", "s1 = 7\ns2 = 21\ns3 = 15\nActually, s3 = 21 - 7 = 14\ns4 = 3\nFinal answer: 3", "s1=7 s2=21 s3=15 | s3=14 s4=3", "3", 2);
        yield return new("silent restart when a step is claimed again with a new value", "chain", "s1 = 7\ns2 = 22\ns3 = 15\ns1 = 7\ns2 = 21\ns3 = 14\ns4 = 3\nFinal answer: 3", "s1=7 s2=22 s3=15 | s1=7 s2=21 s3=14 s4=3", "3", 2);
        yield return new("let me recompute", "chain", "s1 = 7\ns2 = 21\ns3 = 13\nLet me recompute s3 to be sure.\ns3 = 14\ns4 = 3\nFinal answer: 3", "s1=7 s2=21 s3=13 | s3=14 s4=3", "3", 2);
        yield return new("markdown table with a header", "chain", """
            | Step | Computation | Value |
            |------|-------------|------:|
            | 1 | a + b = 3 + 4 | 7 |
            | 2 | s1 * a | 21 |
            | 3 | s2 - s1 | **14** |
            | 4 | s3 / b | 3 |

            Final answer: 3
            """, "#1=7 #2=21 #3=14 #4=3", "3");
        yield return new("markdown table of names and values", "chain", """
            | Variable | Expression | Value |
            |---|---|---|
            | s1 | a + b | 7 |
            | s2 | s1 * a | 21 |
            | s3 | s2 - s1 | 14 |
            | s4 | s3 / b | 3 |
            """, "s1=7 s2=21 s3=14 s4=3", "");
        yield return new("premature answer before the steps", "chain", "Final answer: 3\n\ns1 = 7\ns2 = 21\ns3 = 14\ns4 = 3", "s1=7 s2=21 s3=14 s4=3", "3");
        yield return new("missing answer", "chain", "s1 = 7\ns2 = 21\ns3 = 14\ns4 = 3", "s1=7 s2=21 s3=14 s4=3", "");
        yield return new("answer on the line after the marker", "chain", "s1 = 7\ns2 = 21\ns3 = 14\ns4 = 3\n\n**Final answer:**\n\n**3**", "s1=7 s2=21 s3=14 s4=3", "3");
        yield return new("first and last answers both kept", "chain", "s1 = 7\ns2 = 21\nFinal answer: 21\nHmm, I forgot two steps.\ns3 = 14\ns4 = 3\nFinal answer: 3", "s1=7 s2=21 s3=14 s4=3", "21,3");
        yield return new("hallucinated extra step is still a claim", "chain", "s1 = 7\ns2 = 21\ns3 = 14\ns4 = 3\ns5 = s4 + 1 = 4\nFinal answer: 4", "s1=7 s2=21 s3=14 s4=3 s5=4", "4");
        yield return new("prose values", "chain", "The value of s1 is 7.\nNow s2 is 21.\nSo s3 becomes 14, and s4 equals 3.\nFinal answer: 3", "s1=7 s2=21 s3=14 s4=3", "3");
        yield return new("check marks and remarks after values", "chain", "s1 = 7 ✓\ns2 = 21 (since 7 * 3 = 21)\ns3 = 14, which is correct\ns4 = 3 ✅\nFinal answer: 3.", "s1=7 s2=21 s3=14 s4=3", "3");
        yield return new("a statement continued on following lines", "chain", "s1 = a + b\n   = 3 + 4\n   = 7\ns2 = s1 * a\n   = 21\ns3 = 14\ns4 = 3\nFinal answer: 3", "s1=7 s2=21 s3=14 s4=3", "3");
        yield return new("value missing after a name", "chain", "s1 = 7\ns2 = 21\ns3 = ?\ns4 = 3\nFinal answer: 3", "s1=7 s2=21 s3=? s4=3", "3");
        yield return new("unicode subscripts and minus", "none", "s₁ = −7\ns₂ = –21\nFinal answer: −21", "s1=-7 s2=-21", "-21");

        yield return new("a double-check of an earlier step is not a restart", "chain", "s1 = 7\ns2 = 21\ns3 = 14\nLet me double-check s2: s2 = 7 * 3 = 21. Good.\ns4 = 3\nFinal answer: 3", "s1=7 s2=21 s3=14 s2=21 s4=3", "3");
        yield return new("a silent restart from the top with the same first values", "chain", "s1 = 7\ns2 = 21\ns3 = 15\ns4 = 3\ns1 = 7\ns2 = 21\ns3 = 14\ns4 = 3\nFinal answer: 3", "s1=7 s2=21 s3=15 s4=3 | s1=7 s2=21 s3=14 s4=3", "3", 2);
        yield return new("an echo of the output format claims nothing", "chain", "Output format:\ns1 = <value>\ns2 = <value>\n\ns1 = 7\ns2 = 21", "s1=7 s2=21", "");
        yield return new("prose naming only operands of sN steps claims nothing", "chain", "Add a and b to get 7.\nMultiply s1 by a to get 21.", "", "");
        yield return new("prose updating a register in place", "registers", "Multiply a3 by a2 to get 6.\nAdd a1 to a4 to get 9.", "a3=6 a4=9", "");
        yield return new("answer marker variants", "none", "Answer: 3\nFinal result = 4\n\\fbox{5}\nFinal answer: s4 = 6\nThe final answer is **7**.", "", "3,4,5,6,7");
        yield return new("plain rows of a name-value table", "registers", "| a2 | 9 |\n| a1 | 4 |\n| a4 | 5 + 4 = 9 |", "a2=9 a1=4 a4=9", "");
        yield return new("register work without statements", "registers", "a3 = -7 + 9 = 2\na3 = 2 + 9 = 11\na3 = 11 + 9 = 20.\nFinal answer: 20", "a3=2 a3=11 a3=20", "20");

        yield return new("an echo of the answer format is not an answer", "chain", "I must end with `Final answer: <value>` or <result><value></result>.\nFinal answer: N\ns1 = 7\ns2 = 21\ns3 = 14\ns4 = 3\nFinal answer: 3", "s1=7 s2=21 s3=14 s4=3", "3");

        yield return new("a long-form reply: givens, multi-line steps, an inline correction and a summary", "chain", """
            Let's carefully execute each step.

            Given: a = 3, b = 4

            Step 1: s1 = a + b
                    = 3 + 4
                    = 7

            Step 2: s2 = s1 * a = 7 * 3 = 21

            Step 3: Compute s3 = s2 - s1.
            s2 - s1 = 21 - 7 = 14
            So s3 = 14.

            Step 4: s4 = s3 / b = 14 / 4 = 3.5, but since this is integer division, s4 = 3.

            Summary:
            - s1 = 7
            - s2 = 21
            - s3 = 14
            - s4 = 3

            Therefore, the final answer is **3**.
            """, "a=3 b=4 s1=7 s2=21 s3=14 s3=14 s4=3.5 | s4=3 s1=7 s2=21 s3=14 s4=3", "3", 2);

        // ---- numbers ----
        yield return new("thousands separators", "none", "x1 = 1,234\nx2 = 1 234\nx3 = 1_234\nx4 = 12,345,678\nx5 = -1,234.5\nx6 = 1\u202F234\n#### 1,234", "x1=1234 x2=1234 x3=1234 x4=12345678 x5=-1234.5 x6=1234", "1234");
        yield return new("numbers larger than a long keep their real value", "none", "x1 = 123456789012345678901234\nx2 = 2.5e3", "x1=123456789012345678901234 x2=2.5e3", "");

        // ---- answer styles ----
        yield return new("result tags", "chain", "s1 = 7\ns2 = 21\ns3 = 14\ns4 = 3\n<result>3</result>", "s1=7 s2=21 s3=14 s4=3", "3");
        yield return new("result tag spanning lines", "chain", "s4 = 3\n<result>\n  3\n</result>", "s4=3", "3");
        yield return new("empty result tag is a missing answer", "chain", "s4 = 3\n<result></result>", "s4=3", "?");
        yield return new("non-numeric result tag is a missing answer", "chain", "s4 = 3\n<result>three</result>", "s4=3", "?");
        yield return new("boxed answer", "chain", "s4 = 3\nSo the result is \\boxed{3}.", "s4=3", "3");
        yield return new("GSM8K hashes", "chain", "s4 = 3\n#### 3", "s4=3", "3");
        yield return new("answer after a claim on the same line", "chain", "s1 = 7, s2 = 21, s3 = 14, s4 = 3, so the final answer is 3", "s1=7 s2=21 s3=14 s4=3", "3");

        // ---- register-style replies ----
        yield return new("register arrows with work", "registers", """
            a2 -= a3 -> a2 = 2 - (-7) = 9
            a1 = a0 -> a1 = 4
            a4 += a1 -> a4 = 5 + 4 = 9
            a0 &= a4 -> a0 = 4 & 9 = 0
            a3 += a2 -> a3 = -7 + 9 = 2
            a3 += a2 -> a3 = 2 + 9 = 11
            a3 += a2 -> a3 = 11 + 9 = 20
            Final answer: 20
            """, "a2=9 a1=4 a4=9 a0=0 a3=2 a3=11 a3=20", "20");
        yield return new("register plain value lines", "registers", "a2 = 9\na1 = 4\na4 = 9\na0 = 0\na3 = 2\na3 = 11\na3 = 20\nFinal answer: 20", "a2=9 a1=4 a4=9 a0=0 a3=2 a3=11 a3=20", "20");
        yield return new("register comments", "registers", """
            # a0 = 4, a1 = 1, a2 = 2, a3 = -7, a4 = 5
            a2 -= a3  # a2 = 9
            a1 = a0   # a1 = 4
            a4 += a1; // 9
            a0 &= a4; // -> 0
            a3 += a2  # a3 is now 2
            """, "a0=4 a1=1 a2=2 a3=-7 a4=5 a2=9 a1=4 a4=9 a0=0 a3=2", "");
        yield return new("register numbered list with arrows", "registers", "1. a2 -= a3 → 9\n2. a1 = a0 → 4\n3. a4 += a1 → 9\n4. a0 &= a4 → 0\n5. a3 += a2 → 2\n6. a3 += a2 → 11\n7. a3 += a2 → 20\n<result>20</result>", "a2=9 a1=4 a4=9 a0=0 a3=2 a3=11 a3=20", "20");
        yield return new("register state table", "registers", """
            | Statement | a0 | a1 | a2 | a3 | a4 |
            |-----------|----|----|----|----|----|
            | start     | 4  | 1  | 2  | -7 | 5  |
            | a2 -= a3  | 4  | 1  | 9  | -7 | 5  |
            | a1 = a0   | 4  | 4  | 9  | -7 | 5  |
            | a4 += a1  | 4  | 4  | 9  | -7 | 9  |
            | a0 &= a4  | 0  | 4  | 9  | -7 | 9  |
            | a3 += a2  | 0  | 4  | 9  | 2  | 9  |
            """, "a0=4 a1=1 a2=2 a3=-7 a4=5 a2=9 a1=4 a4=9 a0=0 a3=2", "");
        yield return new("register table with statement and result columns", "registers", """
            | # | Statement | Result |
            |---|-----------|--------|
            | 1 | a2 -= a3  | 9      |
            | 2 | a1 = a0   | 4      |
            | 3 | a4 += a1  | 9      |
            """, "a2=9 a1=4 a4=9", "");
        yield return new("register prose", "registers", """
            First, subtract a3 from a2, giving 9.
            Next, set a1 to a0, which is 4.
            Add a1 to a4, giving 9.
            Then a0 &= a4 gives 0.
            Finally a3 becomes 2.
            """, "a2=9 a1=4 a4=9 a0=0 a3=2", "");
        yield return new("re-print of the code executes nothing", "registers", """
            ```csharp
            a2 -= a3;
            a1 = a0;
            a4 += a1;
            a0 &= a4;
            a3 += a2;
            a3 += a2;
            a3 += a2;
            return a3;
            ```
            """, "", "");
        yield return new("SSA names", "registers", "a2#1 = 9\na3#2 = 11\na3#3 = 20", "a2#1=9 a3#2=11 a3#3=20", "");
        yield return new("SSA names in another case take the program's spelling", "registers", "A2#1 = 9\nA3#2 = 11\nA3#3 = 20", "a2#1=9 a3#2=11 a3#3=20", "");
        yield return new("register restart", "registers", "a2 = 9\na1 = 4\na4 = 8\nOops, a4 = 5 + 4 = 9, let me redo from there.\na0 = 0\n", "a2=9 a1=4 a4=8 | a4=9 a0=0", "", 2);
        yield return new("a messy register reply: headings, inputs, bold, LaTeX, a re-check, a one-column table", "registers", """
            ### Executing the program

            We start with the inputs: a0 = 4, a1 = 1, a2 = 2, a3 = -7, a4 = 5.

            **1. `a2 -= a3`**
            a2 = 2 - (-7) = **9**

            **2. `a1 = a0`**
            a1 becomes 4.

            **3. `a4 += a1`**
            $a_4 = 5 + 4 = 9$

            Hmm, wait. Let me double check step 3: a4 was 5, plus a1 (now 4) gives 9. Correct.

            4. a0 &= a4: 4 & 9 → 0100 & 1001 = 0000, so a0 = 0

            | Step | a3 |
            |---|---|
            | 5 | 2 |
            | 6 | 11 |
            | 7 | 20 |

            **Final Answer:** $\boxed{20}$
            """, "a0=4 a1=1 a2=2 a3=-7 a4=5 a2=9 a1=4 a4=9 | a4=9 a0=0 a3=2 a3=11 a3=20", "20", 2);
        yield return new("increment statements", "none", "x1++ -> 3\n--x2 -> 5", "x1=3 x2=5", "");
    }
}
