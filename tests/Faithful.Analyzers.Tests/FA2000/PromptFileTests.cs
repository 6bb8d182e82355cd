using Faithful.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using Verify = Faithful.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<Faithful.Analyzers.FA2000.PromptAnalyzer>;

namespace Faithful.Analyzers.Tests.FA2000;

public sealed class PromptFileTests
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
        }
        """;

    private static async Task RunAsync(string path, string prompt, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerVerifier<Faithful.Analyzers.FA2000.PromptAnalyzer>.Test { TestCode = Program };
        test.TestState.AdditionalFiles.Add((path, prompt));
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_linked_prompt_file_that_asks_for_steps_is_compliant()
    {
        await RunAsync("/0/Sum.prompt.md", """
            <!-- faithful: program=Programs.Sum -->
            Given a = {{a}} and b = {{b}}, execute each step and write `s1 = value`, `s2 = value`.
            """);
    }

    [Fact]
    public async Task The_renderer_blocks_supply_inputs_and_the_step_format()
    {
        await RunAsync("/0/Blocks.prompt.md", """
            <!-- faithful: program=Sum id=sum/v2 -->
            {{ inputs }}

            {{program}}
            Literal {{ not a placeholder }} and {{{{s9}} stay text.
            {{format}}
            """);
    }

    [Fact]
    public async Task Problems_in_a_prompt_file_are_reported_at_their_line_and_column()
    {
        await RunAsync(
            "/0/Sum.prompt.md",
            """
            <!-- faithful: program=Sum -->
            Given a = {{a}} and b = {{b}},
            show each step: {|#0:{{s9}}|}.
            """,
            Verify.Diagnostic("FA2001").WithLocation(0).WithArguments("{{s9}}", "Sum", " (did you mean 's1'?)"));
    }

    [Fact]
    public async Task A_prompt_file_without_a_header_or_with_an_unknown_program_is_reported()
    {
        await RunAsync(
            "/0/NoHeader.prompt.md",
            """
            {|#0:Compute {{a}} + {{b}}.|}
            """,
            Verify.Diagnostic("FA2007").WithLocation(0).WithArguments("NoHeader.prompt.md"));
        await RunAsync(
            "/0/Unknown.prompt.md",
            """
            <!-- faithful: program={|#0:Product|} -->
            {{a}}
            """,
            Verify.Diagnostic("FA2005").WithLocation(0).WithArguments("Product"));
    }

    [Fact]
    public async Task Other_additional_files_are_ignored()
    {
        await RunAsync("/0/notes.md", "{{nothing}} here");
    }
}
