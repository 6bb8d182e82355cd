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

public sealed class ProgramShouldFitStepBudgetFixTests
{
    private const string EditorConfig = """
        root = true

        [*.cs]
        faithful_step_budget = 3
        """;

    [Fact]
    public async Task The_fix_splits_at_a_single_variable_checkpoint_near_the_middle()
    {
        const string source = /* lang=c#-test */ """
            using Faithful;

            public static class Programs
            {
                [ReferenceProgram]
                public static long {|#0:Chain|}([Domain(0, 9)] long a, long b)
                {
                    var s1 = a + b;
                    var s2 = s1 * 2;
                    var s3 = s2 - a;
                    var s4 = s3 + b;
                    return s4;
                }
            }
            """;
        const string fixedSource = /* lang=c#-test */ """
            using Faithful;

            public static class Programs
            {
                [ReferenceProgram]
                public static long ChainPart1([Domain(0, 9)] long a, long b)
                {
                    var s1 = a + b;
                    var s2 = s1 * 2;
                    return s2;
                }

                [ReferenceProgram]
                public static long ChainPart2(long s2, [Domain(0, 9)] long a, long b)
                {
                    var s3 = s2 - a;
                    var s4 = s3 + b;
                    return s4;
                }
            }
            """;

        var test = new Faithful.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<Faithful.Analyzers.FA1000.ProgramShouldFitStepBudgetAnalyzer, Faithful.Analyzers.CodeFixes.FA1000.ProgramShouldFitStepBudgetFixer>.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = Faithful.Analyzers.CodeFixes.FA1000.ProgramShouldFitStepBudgetFixer.SplitKey,
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", EditorConfig));
        test.FixedState.AnalyzerConfigFiles.Add(("/.editorconfig", EditorConfig));
        test.ExpectedDiagnostics.Add(new Microsoft.CodeAnalysis.Testing.DiagnosticResult("FA1008", Microsoft.CodeAnalysis.DiagnosticSeverity.Info).WithLocation(0).WithArguments("Chain", 4, 3));
        await test.RunAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Fix_all_splits_every_long_program_and_leaves_one_without_a_checkpoint()
    {
        const string source = /* lang=c#-test */ """
            using Faithful;

            public static class Programs
            {
                [ReferenceProgram]
                public static long {|FA1008:First|}(long a)
                {
                    a += 1;
                    a *= 2;
                    a -= 3;
                    a += 4;
                    return a;
                }

                [ReferenceProgram]
                public static long {|FA1008:Second|}(long a, long b)
                {
                    for (var i = 0; i < 2; i++) { a += b; b += a; }
                    var s1 = a * b;
                    var s2 = s1 + a + b;
                    return s2;
                }
            }
            """;
        const string fixedSource = /* lang=c#-test */ """
            using Faithful;

            public static class Programs
            {
                [ReferenceProgram]
                public static long FirstPart1(long a)
                {
                    a += 1;
                    a *= 2;
                    return a;
                }

                [ReferenceProgram]
                public static long FirstPart2(long a)
                {
                    a -= 3;
                    a += 4;
                    return a;
                }

                [ReferenceProgram]
                public static long {|FA1008:Second|}(long a, long b)
                {
                    for (var i = 0; i < 2; i++) { a += b; b += a; }
                    var s1 = a * b;
                    var s2 = s1 + a + b;
                    return s2;
                }
            }
            """;

        var test = new Faithful.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<Faithful.Analyzers.FA1000.ProgramShouldFitStepBudgetAnalyzer, Faithful.Analyzers.CodeFixes.FA1000.ProgramShouldFitStepBudgetFixer>.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = Faithful.Analyzers.CodeFixes.FA1000.ProgramShouldFitStepBudgetFixer.SplitKey,
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", EditorConfig));
        test.FixedState.AnalyzerConfigFiles.Add(("/.editorconfig", EditorConfig));
        await test.RunAsync(TestContext.Current.CancellationToken);
    }
}
