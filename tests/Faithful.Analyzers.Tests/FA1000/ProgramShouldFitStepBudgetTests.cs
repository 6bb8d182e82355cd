using Verify = Faithful.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<Faithful.Analyzers.FA1000.ProgramShouldFitStepBudgetAnalyzer>;

namespace Faithful.Analyzers.Tests.FA1000;

public sealed class ProgramShouldFitStepBudgetTests
{
    private const string Source = /* lang=c#-test */ """
        using Faithful;

        public static class Programs
        {
            [ReferenceProgram]
            public static long {|#0:Loop|}(long a)
            {
                for (var i = 0; i < 10; i++) { a += 3; }
                var s1 = a * 2;
                return s1;
            }
        }
        """;

    [Fact]
    public async Task A_program_within_the_default_budget_is_compliant()
    {
        await Verify.VerifyAnalyzerAsync(Source.Replace("{|#0:Loop|}", "Loop", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_budget_and_severity_come_from_editorconfig_and_unrolled_loops_count()
    {
        const string editorConfig = """
            root = true

            [*.cs]
            faithful_step_budget = 8
            dotnet_diagnostic.FA1008.severity = warning
            """;

        await Verify.VerifyAnalyzerAsync(
            Source,
            editorConfig,
            Verify.Diagnostic("FA1008").WithLocation(0).WithArguments("Loop", 11, 8).WithSeverity(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning));
    }
}
