using Faithful.Analyzers.CodeFixes.FA2000;
using Faithful.Analyzers.FA2000;
using Faithful.Analyzers.Tests.Verifiers;

namespace Faithful.Analyzers.Tests.FA2000;

/// <summary>The FA2001-FA2004 fixes applied to <c>*.prompt.md</c> additional files: one at a time and fix-all.</summary>
public sealed class PromptFileFixTests
{
    private const string Program = /* lang=c#-test */ """
        using Faithful;

        namespace Demo;

        public static class Programs
        {
            [ReferenceProgram]
            public static long Sum(long a, long b)
            {
                var s1 = a + b;
                var s2 = s1 * 2;
                return s2;
            }

            [ReferenceProgram]
            public static long Triple(long x, long y, long z)
            {
                var t1 = x + y;
                var t2 = t1 * z;
                return t2;
            }
        }
        """;

    private const string Instruction =
        "Execute the program one step at a time. After each step, write one line 'name = value' with the step's name and its value (for example 's1 = 42'), in program order. Then give the final answer as <result>value</result>.";

    private static Task VerifyAsync<TFix>((string, string)[] files, (string, string)[] fixedFiles, string key)
        where TFix : Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider, new() =>
        AdditionalFileFixVerifier<PromptAnalyzer, TFix>.VerifyFixAsync(Program, files, fixedFiles, key);

    [Fact]
    public async Task Misspelt_placeholders_in_prompt_files_get_the_suggested_name()
    {
        await VerifyAsync<PlaceholderMustNameInputOrStepFixer>(
            [
                ("/0/Sum.prompt.md", """
                    <!-- faithful: program=Sum -->
                    Given a = {{a}} and b = {{b}},
                    show each step: {|FA2001:{{s_1}}|}, {|FA2001:{{ S2 }}|}, {|FA2001:{{nope}}|}.
                    """),
                ("/0/Other.prompt.md", """
                    <!-- faithful: program=Sum -->
                    {{inputs}} then {|FA2001:{{ step}}|} and each step.
                    """),
            ],
            [
                ("/0/Sum.prompt.md", """
                    <!-- faithful: program=Sum -->
                    Given a = {{a}} and b = {{b}},
                    show each step: {{s1}}, {{s2}}, {|FA2001:{{nope}}|}.
                    """),
                ("/0/Other.prompt.md", """
                    <!-- faithful: program=Sum -->
                    {{inputs}} then {{steps}} and each step.
                    """),
            ],
            PlaceholderMustNameInputOrStepFixer.UseSuggestionKey);
    }

    [Fact]
    public async Task Answer_only_prompt_files_get_the_step_instruction_as_their_last_paragraph()
    {
        await VerifyAsync<PromptShouldAskForStepsFixer>(
            [
                ("/0/Sum.prompt.md", "{|FA2003:<!-- faithful: program=Sum -->|}\n{{inputs}}\nReply with the final answer only.\n"),
                ("/0/NoBreak.prompt.md", "{|FA2003:<!-- faithful: program=Sum -->|}\nCompute Sum({{a}}, {{b}})."),
                ("/0/Good.prompt.md", "<!-- faithful: program=Sum -->\n{{inputs}}\n{{format}}\n"),
            ],
            [
                ("/0/Sum.prompt.md", "<!-- faithful: program=Sum -->\n{{inputs}}\nReply with the final answer only.\n\n" + Instruction + "\n"),
                ("/0/NoBreak.prompt.md", "<!-- faithful: program=Sum -->\nCompute Sum({{a}}, {{b}}).\n\n" + Instruction + "\n"),
                ("/0/Good.prompt.md", "<!-- faithful: program=Sum -->\n{{inputs}}\n{{format}}\n"),
            ],
            PromptShouldAskForStepsFixer.AppendInstructionKey);
    }

    [Fact]
    public async Task Missing_inputs_are_supplied_after_the_last_input_line_or_the_header()
    {
        await VerifyAsync<PromptShouldSupplyEveryInputFixer>(
            [
                ("/0/Sum.prompt.md", """
                    {|FA2002:<!-- faithful: program=Sum -->|}
                    Inputs:
                    a = {{a}}

                    Execute each step.
                    """),
                ("/0/Triple.prompt.md", """
                    {|FA2002:{|FA2002:{|FA2002:<!-- faithful: program=Triple -->|}|}|}
                    Execute each step of the program.
                    """),
                ("/0/LastLine.prompt.md", "{|FA2002:<!-- faithful: program=Triple -->|}\nShow each step for y = {{y}}, x = {{x}}"),
            ],
            [
                ("/0/Sum.prompt.md", """
                    <!-- faithful: program=Sum -->
                    Inputs:
                    a = {{a}}
                    b = {{b}}

                    Execute each step.
                    """),
                ("/0/Triple.prompt.md", """
                    <!-- faithful: program=Triple -->
                    x = {{x}}
                    y = {{y}}
                    z = {{z}}
                    Execute each step of the program.
                    """),
                ("/0/LastLine.prompt.md", "<!-- faithful: program=Triple -->\nShow each step for y = {{y}}, x = {{x}}\nz = {{z}}"),
            ],
            PromptShouldSupplyEveryInputFixer.SupplyInputKey);
    }

    [Fact]
    public async Task Prompt_file_fixes_keep_the_files_own_line_breaks()
    {
        await VerifyAsync<PromptShouldSupplyEveryInputFixer>(
            [("/0/Crlf.prompt.md", "{|FA2002:<!-- faithful: program=Sum -->|}\r\nInputs:\r\na = {{a}}\r\nWrite each step.\r\n")],
            [("/0/Crlf.prompt.md", "<!-- faithful: program=Sum -->\r\nInputs:\r\na = {{a}}\r\nb = {{b}}\r\nWrite each step.\r\n")],
            PromptShouldSupplyEveryInputFixer.SupplyInputKey);
        await VerifyAsync<PromptShouldAskForStepsFixer>(
            [("/0/Crlf.prompt.md", "{|FA2003:<!-- faithful: program=Sum -->|}\r\n{{inputs}}\r\nAnswer only.")],
            [("/0/Crlf.prompt.md", "<!-- faithful: program=Sum -->\r\n{{inputs}}\r\nAnswer only.\r\n\r\n" + Instruction + "\r\n")],
            PromptShouldAskForStepsFixer.AppendInstructionKey);
    }

    [Fact]
    public async Task Fix_all_supplies_inputs_in_constants_and_prompt_files_together()
    {
        const string prompts = /* lang=c#-test */ """

            public static class Prompts
            {
                [Faithful.PromptFor("Sum")]
                public const string {|FA2002:OnlyB|} = "b = {{b}}; write each step.";
            }
            """;
        const string fixedPrompts = /* lang=c#-test */ """

            public static class Prompts
            {
                [Faithful.PromptFor("Sum")]
                public const string OnlyB = "b = {{b}}; write each step." + "\na = {{a}}";
            }
            """;

        await AdditionalFileFixVerifier<PromptAnalyzer, PromptShouldSupplyEveryInputFixer>.VerifyFixAsync(
            Program + prompts,
            [("/0/Sum.prompt.md", "{|FA2002:<!-- faithful: program=Sum -->|}\nb = {{b}}\nWrite each step.\n")],
            [("/0/Sum.prompt.md", "<!-- faithful: program=Sum -->\nb = {{b}}\na = {{a}}\nWrite each step.\n")],
            PromptShouldSupplyEveryInputFixer.SupplyInputKey,
            Program + fixedPrompts);
    }

    [Fact]
    public async Task A_stated_step_count_is_replaced_but_a_numbered_list_is_left_to_the_author()
    {
        await VerifyAsync<StepCountMustMatchProgramFixer>(
            [
                ("/0/Sum.prompt.md", """
                    <!-- faithful: program=Sum -->
                    Given {{inputs}}, finish in {|FA2004:5 Steps|}; write each step.
                    Sum takes 2 steps.
                    """),
                ("/0/Listed.prompt.md", """
                    <!-- faithful: program=Sum -->
                    {{inputs}} Write each line:
                    1. s1 = ...
                    2. s2 = ...
                    3. x = ...
                    {|FA2004:4|}. y = ...
                    """),
            ],
            [
                ("/0/Sum.prompt.md", """
                    <!-- faithful: program=Sum -->
                    Given {{inputs}}, finish in 2 Steps; write each step.
                    Sum takes 2 steps.
                    """),
                ("/0/Listed.prompt.md", """
                    <!-- faithful: program=Sum -->
                    {{inputs}} Write each line:
                    1. s1 = ...
                    2. s2 = ...
                    3. x = ...
                    {|FA2004:4|}. y = ...
                    """),
            ],
            StepCountMustMatchProgramFixer.UseProgramStepCountKey);
    }
}
