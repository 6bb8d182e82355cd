using Verify = Faithful.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<Faithful.Analyzers.FA1000.ConstructMustBeTraceableAnalyzer>;

namespace Faithful.Analyzers.Tests.FA1000;

public sealed class ConstructMustBeTraceableTests
{
    [Fact]
    public async Task Statement_level_steps_compound_assignments_and_constant_loops_are_compliant()
    {
        const string source = /* lang=c#-test */ """
            using System;
            using Faithful;

            public static class Programs
            {
                [ReferenceProgram("Five registers")]
                public static long Registers(long a0, long a1, long a2, long a3, long a4)
                {
                    a2 -= a3;
                    a1 = a0;
                    a4 += a1;
                    a0 &= a4;
                    for (var i = 0; i < 3; i++) { a3 += a2; }
                    a3++;
                    var s1 = a3 < a0 ? Math.Max(a3, a4) : checked(a1 * 2) + long.MaxValue % 7;
                    return s1 + (long)(double)a2;
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Loops_branches_calls_and_fields_are_reported_where_they_are()
    {
        const string source = /* lang=c#-test */ """
            using Faithful;

            public static class Programs
            {
                private static long offset = 3;

                [ReferenceProgram]
                public static long Untraceable(long a, long n)
                {
                    var s1 = a + {|#0:offset|};
                    {|#1:while (s1 > 10) { s1 -= 10; }|}
                    var s2 = {|#2:Helper(s1)|};
                    {|#3:for (var i = 0; i < n; i++) { s2 += 1; }|}
                    return s2;
                }

                private static long Helper(long x) => x;
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic("FA1001").WithLocation(1).WithArguments("A 'while' loop", "a reference program holds only declarations and assignments of long or double variables, 'for' loops with constant bounds over such assignments, and a final 'return'"),
            Verify.Diagnostic("FA1001").WithLocation(3).WithArguments("A 'for' loop without constant bounds", "only 'for (var i = C0; i < C1; i++)' with constant C0 and C1 unrolls into steps"),
            Verify.Diagnostic("FA1001").WithLocation(0).WithArguments("The field 'offset'", "a step reads only inputs, earlier steps, loop counters and constants"),
            Verify.Diagnostic("FA1001").WithLocation(2).WithArguments("A call to 'Helper'", "only Math.Abs, Math.Min and Math.Max can be called"));
    }

    [Fact]
    public async Task Ref_parameters_instance_methods_and_early_returns_are_reported()
    {
        const string source = /* lang=c#-test */ """
            using Faithful;

            public class Programs
            {
                [ReferenceProgram]
                public long {|#0:Instance|}({|#1:ref|} long a)
                {
                    var s1 = a + 1;
                    {|#2:return s1;|}
                    var s2 = s1 + 1;
                    return s2;
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic("FA1001").WithLocation(0).WithArguments("The instance method 'Instance'", "a reference program is a static method"),
            Verify.Diagnostic("FA1001").WithLocation(1).WithArguments("The 'ref' parameter 'a'", "inputs are plain long or double values passed by value"),
            Verify.Diagnostic("FA1001").WithLocation(2).WithArguments("An early 'return'", "the only 'return' must be the last statement and return a value"));
    }

    [Fact]
    public async Task A_call_is_quoted_as_the_user_wrote_it()
    {
        const string source = /* lang=c#-test */ """
            using Faithful;

            public static class Programs
            {
                [ReferenceProgram]
                public static long Parsed(long a)
                {
                    var s1 = a + {|#0:long.Parse("3")|};
                    var s2 = s1 + {|#1:System.Int64.Parse("4")|};
                    return s2;
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic("FA1001").WithLocation(0).WithMessage("A call to 'long.Parse' cannot be traced: only Math.Abs, Math.Min and Math.Max can be called"),
            Verify.Diagnostic("FA1001").WithLocation(1).WithMessage("A call to 'System.Int64.Parse' cannot be traced: only Math.Abs, Math.Min and Math.Max can be called"));
    }
}
