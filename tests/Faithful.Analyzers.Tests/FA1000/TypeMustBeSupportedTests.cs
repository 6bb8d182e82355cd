using Verify = Faithful.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<Faithful.Analyzers.FA1000.TypeMustBeSupportedAnalyzer>;
using VerifyFix = Faithful.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<Faithful.Analyzers.FA1000.TypeMustBeSupportedAnalyzer, Faithful.Analyzers.CodeFixes.FA1000.TypeMustBeSupportedFixer>;

namespace Faithful.Analyzers.Tests.FA1000;

public sealed class TypeMustBeSupportedTests
{
    [Fact]
    public async Task Long_and_double_are_compliant()
    {
        const string source = /* lang=c#-test */ """
            using Faithful;

            public static class Programs
            {
                [ReferenceProgram]
                public static double Mixed(long a, double b)
                {
                    var s1 = a + 1;
                    double s2 = s1 * b;
                    long s3 = (long)s2 + (int)a;
                    return s3 / 2.0;
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Int_and_decimal_are_reported_with_name_and_type()
    {
        const string source = /* lang=c#-test */ """
            using Faithful;

            public static class Programs
            {
                [ReferenceProgram]
                public static {|#0:int|} Narrow({|#1:int|} a, {|#2:decimal|} b)
                {
                    {|#3:var|} s1 = a + 1;
                    return s1;
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic("FA1009").WithLocation(0).WithMessage("The answer of 'Narrow' has type 'int': reference program inputs, steps and answers must be 'long' or 'double'"),
            Verify.Diagnostic("FA1009").WithLocation(1).WithArguments("Input 'a'", "int"),
            Verify.Diagnostic("FA1009").WithLocation(2).WithArguments("Input 'b'", "decimal"),
            Verify.Diagnostic("FA1009").WithLocation(3).WithArguments("Local 's1'", "int"));
    }

    [Fact]
    public async Task Fix_changes_one_int_to_long()
    {
        const string source = /* lang=c#-test */ """
            using Faithful;

            public static class Programs
            {
                [ReferenceProgram]
                public static long Narrow(long a)
                {
                    {|FA1009:int|} s1 = 3;
                    return s1 + a;
                }
            }
            """;
        const string fixedSource = /* lang=c#-test */ """
            using Faithful;

            public static class Programs
            {
                [ReferenceProgram]
                public static long Narrow(long a)
                {
                    long s1 = 3;
                    return s1 + a;
                }
            }
            """;

        await VerifyFix.VerifyCodeFixAsync(source, fixedSource, Faithful.Analyzers.CodeFixes.FA1000.TypeMustBeSupportedFixer.ChangeToLongKey);
    }

    [Fact]
    public async Task Fix_all_widens_every_integral_type_to_long()
    {
        const string source = /* lang=c#-test */ """
            using Faithful;

            public static class Programs
            {
                [ReferenceProgram]
                public static {|FA1009:int|} Narrow({|FA1009:short|} a, {|FA1009:byte|} b)
                {
                    {|FA1009:var|} s1 = 3;
                    return s1 + a + b;
                }
            }
            """;
        const string fixedSource = /* lang=c#-test */ """
            using Faithful;

            public static class Programs
            {
                [ReferenceProgram]
                public static long Narrow(long a, long b)
                {
                    long s1 = 3;
                    return s1 + a + b;
                }
            }
            """;

        await VerifyFix.VerifyFixAllAsync(source, fixedSource, Faithful.Analyzers.CodeFixes.FA1000.TypeMustBeSupportedFixer.ChangeToLongKey);
    }
}
