using Microsoft.CodeAnalysis.Testing;
using Verify = Faithful.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<Faithful.Analyzers.FA1000.VariableMustBeDeclaredOnceAnalyzer>;
using VerifyFix = Faithful.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<Faithful.Analyzers.FA1000.VariableMustBeDeclaredOnceAnalyzer, Faithful.Analyzers.CodeFixes.FA1000.VariableMustBeDeclaredOnceFixer>;

namespace Faithful.Analyzers.Tests.FA1000;

public sealed class VariableMustBeDeclaredOnceTests
{
    [Fact]
    public async Task Reassignment_is_a_legal_step_and_is_compliant()
    {
        const string source = /* lang=c#-test */ """
            using Faithful;

            public static class Programs
            {
                [ReferenceProgram]
                public static long Reassign(long a)
                {
                    var s1 = a + 1;
                    s1 = s1 * 2;
                    s1 += a;
                    a = s1;
                    return a;
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task A_second_declaration_of_the_same_name_is_reported()
    {
        const string source = /* lang=c#-test */ """
            using Faithful;

            public static class Programs
            {
                [ReferenceProgram]
                public static long Twice(long a)
                {
                    var s1 = a + 1;
                    var {|#0:s1|} = a * 2;
                    return s1;
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic("FA1003").WithLocation(0).WithArguments("s1", "Twice"),
            DiagnosticResult.CompilerError("CS0128").WithSpan(9, 13, 9, 15).WithArguments("s1"));
    }

    [Fact]
    public async Task Fix_all_gives_each_redeclaration_a_fresh_step_name()
    {
        const string source = /* lang=c#-test */ """
            using Faithful;

            public static class Programs
            {
                [ReferenceProgram]
                public static long Twice(long a)
                {
                    var s1 = a + 1;
                    var {|FA1003:{|CS0128:s1|}|} = s1 * 2;
                    var {|FA1003:{|CS0128:s1|}|} = s1 + a;
                    return s1;
                }
            }
            """;
        const string fixedSource = /* lang=c#-test */ """
            using Faithful;

            public static class Programs
            {
                [ReferenceProgram]
                public static long Twice(long a)
                {
                    var s1 = a + 1;
                    var s2 = s1 * 2;
                    var s3 = s2 + a;
                    return s3;
                }
            }
            """;

        await VerifyFix.VerifyFixAllAsync(source, fixedSource, Faithful.Analyzers.CodeFixes.FA1000.VariableMustBeDeclaredOnceFixer.RenameKey);
    }
}
