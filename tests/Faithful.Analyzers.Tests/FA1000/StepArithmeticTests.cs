using Verify = Faithful.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<Faithful.Analyzers.FA1000.StepArithmeticAnalyzer>;

namespace Faithful.Analyzers.Tests.FA1000;

public sealed class StepArithmeticTests
{
    [Fact]
    public async Task Safe_arithmetic_on_the_declared_domain_is_compliant()
    {
        const string source = /* lang=c#-test */ """
            using Faithful;

            public static class Programs
            {
                [ReferenceProgram]
                public static long Safe([Domain(1, 1000)] long a, [Domain(-50, 50)] long b)
                {
                    var s1 = a * b;
                    var s2 = s1 / a;
                    var s3 = s2 % (b * b + 1);
                    for (var i = 0; i < 3; i++) { a *= 1000; }
                    return s3 + a;
                }

                [ReferenceProgram]
                public static long NoDomain(long a, long b)
                {
                    var s1 = a / b;
                    return s1;
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task A_divisor_that_reaches_zero_names_the_step_and_a_triggering_input()
    {
        const string source = /* lang=c#-test */ """
            using Faithful;

            public static class Programs
            {
                [ReferenceProgram]
                public static long Divide([Domain(0, 100)] long a, [Domain(0, 10)] long b)
                {
                    var s1 = b - 3;
                    {|#0:var s2 = a / s1;|}
                    {|#1:a %= b;|}
                    return s2 + a;
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic("FA1006").WithLocation(0).WithArguments("s2", "a = 0, b = 3"),
            Verify.Diagnostic("FA1006").WithLocation(1).WithArguments("a#1", "a = 0, b = 0"));
    }

    [Fact]
    public async Task A_product_that_leaves_the_long_range_is_reported_once_per_statement()
    {
        const string source = /* lang=c#-test */ """
            using Faithful;

            public static class Programs
            {
                [ReferenceProgram]
                public static long Grow([Domain(1, 1000000)] long a)
                {
                    for (var i = 0; i < 4; i++) { a *= a; }
                    return a;
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic("FA1007").WithSpan(8, 39, 8, 46).WithArguments("a#2", "a = 1000000"));
    }
}
