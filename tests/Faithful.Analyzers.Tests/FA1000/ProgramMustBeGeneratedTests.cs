using Verify = Faithful.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<Faithful.Analyzers.FA1000.ProgramMustBeGeneratedAnalyzer>;

namespace Faithful.Analyzers.Tests.FA1000;

public sealed class ProgramMustBeGeneratedTests
{
    [Fact]
    public async Task Programs_the_generator_extracts_get_no_diagnostic()
    {
        const string source = /* lang=c#-test */ """
            using Faithful;

            public static class Programs
            {
                [ReferenceProgram]
                [Distractor("s2")]
                public static double Fine([Domain(-5, 5)] long a, [Domain(-1e28, 1e28)] double x)
                {
                    var s1 = a * x;
                    var s2 = s1 + 1;
                    for (var i = 0; i < 10000 - 2; i++) { a += 1; }
                    return s1 + a;
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Domains_that_hold_no_value_or_cannot_be_stored_are_reported_as_written()
    {
        const string source = /* lang=c#-test */ """
            using Faithful;

            public static class Programs
            {
                [ReferenceProgram]
                public static long Reversed([{|#0:Domain(5, -5)|}] long a)
                {
                    var s1 = a * 2;
                    return s1;
                }

                [ReferenceProgram]
                public static double Huge([{|#1:Domain(-1e308, 1e308)|}] double x)
                {
                    var s1 = x / 2;
                    return s1;
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic("FA1012").WithLocation(0).WithMessage(
                "Reference program 'Reversed' is left out of the generated catalog: The [Domain(5, -5)] of 'a' holds no value: its minimum 5 is above its maximum -5; swap the bounds"),
            Verify.Diagnostic("FA1012").WithLocation(1).WithMessage(
                "Reference program 'Huge' is left out of the generated catalog: The [Domain(-1e308, 1e308)] of 'x' has a bound beyond ±7.9e28, the largest a decimal holds (a Domain stores its bounds as decimals); use bounds within ±1e28"));
    }

    [Fact]
    public async Task A_loop_past_the_shared_step_limit_is_reported_with_its_step_count()
    {
        const string source = /* lang=c#-test */ """
            using Faithful;

            public static class Programs
            {
                [ReferenceProgram]
                public static long Counter(long a)
                {
                    {|#0:for (var i = 0; i < 12000; i++)|} { a += 3; }
                    return a;
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic("FA1013").WithLocation(0).WithMessage(
                "Reference program 'Counter' is left out of the generated catalog: it unrolls to 12,000 steps and every Faithful tool stops at 10,000; use smaller loop bounds or split it into several programs"));
    }

    [Fact]
    public async Task Unknown_distractors_and_faulting_loop_constants_are_reported()
    {
        const string source = /* lang=c#-test */ """
            using Faithful;

            public static class Programs
            {
                [ReferenceProgram]
                [{|#0:Distractor("s9")|}]
                public static long Noise(long a)
                {
                    var s1 = a + 1;
                    var s2 = a * 7;
                    return s1;
                }

                [ReferenceProgram]
                public static long Spread(long a)
                {
                    for (var i = 0; i < 3; i++) { a += {|#1:10 / (i - 1)|}; }
                    return a;
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic("FA1014").WithLocation(0).WithArguments("Noise", "[Distractor(\"s9\")] names no step of Noise; use a step name such as 's2'"),
            Verify.Diagnostic("FA1015").WithLocation(1).WithArguments("Spread", "'10 / (i - 1)' faults when unrolled: division by zero in a loop constant"));
    }

    [Fact]
    public async Task Refusals_no_other_rule_explains_are_reported_as_the_generators_verdict()
    {
        var deep = string.Join(" + ", Enumerable.Repeat("a", 210));
        var source = /* lang=c#-test */ $$"""
            using Faithful;

            public static class Programs
            {
                [ReferenceProgram]
                public static long {|#0:Twice|}(long a)
                {
                    var s1 = a * 2;
                    return s1;
                }

                [ReferenceProgram]
                public static double {|#1:Twice|}(double a)
                {
                    var s1 = a * 2;
                    return s1;
                }

                [ReferenceProgram]
                public static long Deep(long a)
                {
                    var s1 = {{deep}};
                    return s1;
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic("FA1016").WithLocation(0).WithArguments("Twice", "Reference programs are identified by Type.Method, so 'Twice' cannot be overloaded; rename one of the overloads"),
            Verify.Diagnostic("FA1016").WithLocation(1).WithArguments("Twice", "Reference programs are identified by Type.Method, so 'Twice' cannot be overloaded; rename one of the overloads"),
            Verify.Diagnostic("FA1016").WithSpan(22, 18, 22, 55).WithArguments("Deep", "The expression nests more than 200 operators deep; split it into several steps"));
    }

    [Fact]
    public async Task Refusals_another_rule_explains_and_code_that_does_not_compile_are_left_to_them()
    {
        const string source = /* lang=c#-test */ """
            using System;
            using Faithful;

            public static class Programs
            {
                [ReferenceProgram]
                public static long Loops(long a)
                {
                    while (a > 10) { a -= 10; }
                    var s1 = a + new Random(1).Next();
                    return s1;
                }

                [ReferenceProgram]
                public static long Broken(long a)
                {
                    var s1 = a + {|CS0103:missing|};
                    return s1;
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }
}
