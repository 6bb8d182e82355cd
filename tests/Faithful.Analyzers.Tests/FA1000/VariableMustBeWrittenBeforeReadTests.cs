using Microsoft.CodeAnalysis.Testing;
using Verify = Faithful.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<Faithful.Analyzers.FA1000.VariableMustBeWrittenBeforeReadAnalyzer>;

namespace Faithful.Analyzers.Tests.FA1000;

public sealed class VariableMustBeWrittenBeforeReadTests
{
    [Fact]
    public async Task Reads_of_inputs_and_earlier_steps_are_compliant()
    {
        const string source = /* lang=c#-test */ """
            using Faithful;

            public static class Programs
            {
                [ReferenceProgram]
                public static long Ordered(long a)
                {
                    long s1;
                    s1 = a + 1;
                    var s2 = s1 + a;
                    return s2;
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task A_read_of_a_later_or_unwritten_local_is_reported()
    {
        const string source = /* lang=c#-test */ """
            using Faithful;

            public static class Programs
            {
                [ReferenceProgram]
                public static long Disordered(long a)
                {
                    long s0;
                    var s1 = {|#0:s2|} + 1;
                    var s2 = {|#1:s0|} + a;
                    return s2 + s1;
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic("FA1004").WithLocation(0).WithArguments("s2"),
            Verify.Diagnostic("FA1004").WithLocation(1).WithArguments("s0"),
            DiagnosticResult.CompilerError("CS0841").WithLocation(0).WithArguments("s2"),
            DiagnosticResult.CompilerError("CS0165").WithLocation(1).WithArguments("s0"));
    }
}
