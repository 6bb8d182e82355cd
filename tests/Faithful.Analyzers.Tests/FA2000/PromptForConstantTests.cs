using Faithful.Analyzers.CodeFixes.FA2000;
using Verify = Faithful.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<Faithful.Analyzers.FA2000.PromptAnalyzer>;
using VerifyPlaceholderFix = Faithful.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<Faithful.Analyzers.FA2000.PromptAnalyzer, Faithful.Analyzers.CodeFixes.FA2000.PlaceholderMustNameInputOrStepFixer>;
using VerifyInputsFix = Faithful.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<Faithful.Analyzers.FA2000.PromptAnalyzer, Faithful.Analyzers.CodeFixes.FA2000.PromptShouldSupplyEveryInputFixer>;
using VerifyStepCountFix = Faithful.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<Faithful.Analyzers.FA2000.PromptAnalyzer, Faithful.Analyzers.CodeFixes.FA2000.StepCountMustMatchProgramFixer>;
using VerifyStepsFix = Faithful.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<Faithful.Analyzers.FA2000.PromptAnalyzer, Faithful.Analyzers.CodeFixes.FA2000.PromptShouldAskForStepsFixer>;

namespace Faithful.Analyzers.Tests.FA2000;

public sealed class PromptForConstantTests
{
    private const string Program = /* lang=c#-test */ """
        using Faithful;

        public static class Programs
        {
            [ReferenceProgram]
            public static long Sum(long a, long b)
            {
                var s1 = a + b;
                var s2 = s1 * 2;
                a -= s2;
                return a;
            }
        }

        """;

    [Fact]
    public async Task A_process_aware_prompt_naming_inputs_and_steps_is_compliant()
    {
        const string prompts = /* lang=c#-test */ """
            public static class Prompts
            {
                [PromptFor("Programs.Sum")]
                public const string Good = "Inputs: a = {{ a }}, b = {{b}}. Literal {{{{braces}}. Show s1 = {{s1}} and a#1 = {{a#1}}, then 3 steps in all.";
            }
            """;

        await Verify.VerifyAnalyzerAsync(Program + prompts);
    }

    [Fact]
    public async Task Unknown_placeholders_missing_inputs_and_wrong_step_counts_are_reported()
    {
        const string prompts = /* lang=c#-test */ """
            public static class Prompts
            {
                [PromptFor("Sum")]
                public const string {|#2:Bad|} = "Given a = {{a}}, compute {|#0:{{s3}}|} and {|#1:{{zzz}}|} in {|#3:5 steps|}, writing each step.";

                [{|#4:PromptFor("Missing")|}]
                public const string Orphan = "{{a}}";

                [PromptFor("Sum")]
                public const string Unclosed = "a = {{a}}, b = {{b}}, steps: {|#5:{{s1|}";
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            Program + prompts,
            Verify.Diagnostic("FA2001").WithLocation(0).WithArguments("{{s3}}", "Sum", " (did you mean 's1'?)"),
            Verify.Diagnostic("FA2001").WithLocation(1).WithArguments("{{zzz}}", "Sum", string.Empty),
            Verify.Diagnostic("FA2002").WithLocation(2).WithArguments("Sum", "b"),
            Verify.Diagnostic("FA2004").WithLocation(3).WithArguments("Sum", "states 5 steps", 3),
            Verify.Diagnostic("FA2005").WithLocation(4).WithArguments("Missing"),
            Verify.Diagnostic("FA2006").WithLocation(5).WithArguments("{{s1"));
    }

    [Fact]
    public async Task Numbered_step_lists_must_match_the_program_length()
    {
        const string prompts = /* lang=c#-test */ """
            public static class Prompts
            {
                [PromptFor("Sum")]
                public const string Listed = @"a = {{a}}, b = {{b}}. Write each line:
            1. s1 = ...
            2. s2 = ...
            3. a = ...
            {|#0:4|}. b = ...";
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            Program + prompts,
            Verify.Diagnostic("FA2004").WithLocation(0).WithArguments("Sum", "lists 4 numbered steps", 3));
    }

    [Fact]
    public async Task An_answer_only_prompt_is_reported()
    {
        const string prompts = /* lang=c#-test */ """
            public static class Prompts
            {
                [PromptFor("Sum")]
                public const string {|#0:AnswerOnly|} = "a = {{a}}, b = {{b}}. Reply with the final answer only.";
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            Program + prompts,
            Verify.Diagnostic("FA2003").WithLocation(0).WithArguments("Sum"));
    }

    [Fact]
    public async Task Fix_all_replaces_misspelt_placeholders_with_the_suggestion()
    {
        const string prompts = /* lang=c#-test */ """
            public static class Prompts
            {
                [PromptFor("Sum")]
                public const string Typos = "a = {|FA2001:{{ A }}|}, b = {{b}}, a = {{a}}, then each step: {|FA2001:{{s_1}}|}, {|FA2001:{{S2}}|}, {|FA2001:{{nope}}|}";
            }
            """;
        const string fixedPrompts = /* lang=c#-test */ """
            public static class Prompts
            {
                [PromptFor("Sum")]
                public const string Typos = "a = {{a}}, b = {{b}}, a = {{a}}, then each step: {{s1}}, {{s2}}, {|FA2001:{{nope}}|}";
            }
            """;

        await VerifyPlaceholderFix.VerifyFixAllAsync(
            Program + prompts,
            Program + fixedPrompts,
            PlaceholderMustNameInputOrStepFixer.UseSuggestionKey);
    }

    [Fact]
    public async Task Fix_all_appends_the_step_instruction_to_answer_only_prompts()
    {
        const string prompts = /* lang=c#-test */ """
            public static class Prompts
            {
                [PromptFor("Sum")]
                public const string {|FA2003:First|} = "a = {{a}}, b = {{b}}. Answer only.";

                [PromptFor("Sum")]
                public const string {|FA2003:Second|} = "Compute Sum({{a}}, {{b}}).";
            }
            """;
        const string fixedPrompts = /* lang=c#-test */ """
            public static class Prompts
            {
                [PromptFor("Sum")]
                public const string First = "a = {{a}}, b = {{b}}. Answer only." + "\n\nExecute the program one step at a time. After each step, write one line 'name = value' with the step's name and its value (for example 's1 = 42'), in program order. Then give the final answer as <result>value</result>.";

                [PromptFor("Sum")]
                public const string Second = "Compute Sum({{a}}, {{b}})." + "\n\nExecute the program one step at a time. After each step, write one line 'name = value' with the step's name and its value (for example 's1 = 42'), in program order. Then give the final answer as <result>value</result>.";
            }
            """;

        await VerifyStepsFix.VerifyFixAllAsync(
            Program + prompts,
            Program + fixedPrompts,
            PromptShouldAskForStepsFixer.AppendInstructionKey);
    }

    [Fact]
    public async Task Fix_all_appends_missing_inputs_as_name_value_lines()
    {
        const string prompts = /* lang=c#-test */ """
            public static class Prompts
            {
                [PromptFor("Sum")]
                public const string {|FA2002:OnlyA|} = "Given a = {{a}}, write each step.";

                [PromptFor("Sum")]
                public const string {|FA2002:{|FA2002:NoInputs|}|} = "Write each step.";

                [PromptFor("Sum")]
                public const string Complete = "{{inputs}} Write each step.";
            }
            """;
        const string fixedPrompts = /* lang=c#-test */ """
            public static class Prompts
            {
                [PromptFor("Sum")]
                public const string OnlyA = "Given a = {{a}}, write each step." + "\nb = {{b}}";

                [PromptFor("Sum")]
                public const string NoInputs = "Write each step." + "\na = {{a}}" + "\nb = {{b}}";

                [PromptFor("Sum")]
                public const string Complete = "{{inputs}} Write each step.";
            }
            """;

        await VerifyInputsFix.VerifyFixAllAsync(
            Program + prompts,
            Program + fixedPrompts,
            PromptShouldSupplyEveryInputFixer.SupplyInputKey);
    }

    [Fact]
    public async Task Fix_all_replaces_stated_step_counts_located_exactly()
    {
        const string prompts = /* lang=c#-test */ """
            public static class Prompts
            {
                [PromptFor("Sum")]
                public const string Stated = "Given {{inputs}}, finish in {|FA2004:5 steps|} and write each step; not {|FA2004:10 steps|}.";

                [PromptFor("Sum")]
                public const string Escaped = {|FA2004:"Given {{inputs}}, finish in 5\tsteps, writing each step."|};
            }
            """;
        const string fixedPrompts = /* lang=c#-test */ """
            public static class Prompts
            {
                [PromptFor("Sum")]
                public const string Stated = "Given {{inputs}}, finish in 3 steps and write each step; not 3 steps.";

                [PromptFor("Sum")]
                public const string Escaped = {|FA2004:"Given {{inputs}}, finish in 5\tsteps, writing each step."|};
            }
            """;

        await VerifyStepCountFix.VerifyFixAllAsync(
            Program + prompts,
            Program + fixedPrompts,
            StepCountMustMatchProgramFixer.UseProgramStepCountKey);
    }
}
