using Faithful.Analyzers.CodeFixes.FA1000;
using Verify = Faithful.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<Faithful.Analyzers.FA1000.StepShouldBeReadAnalyzer>;
using VerifyFix = Faithful.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<Faithful.Analyzers.FA1000.StepShouldBeReadAnalyzer, Faithful.Analyzers.CodeFixes.FA1000.StepShouldBeReadFixer>;

namespace Faithful.Analyzers.Tests.FA1000;

public sealed class StepShouldBeReadTests
{
    [Fact]
    public async Task Read_steps_loop_carried_writes_and_marked_distractors_are_compliant()
    {
        const string source = /* lang=c#-test */ """
            using Faithful;

            public static class Programs
            {
                [ReferenceProgram]
                [Distractor("s9")]
                public static long Used(long a, long b)
                {
                    var s9 = a * 7;
                    for (var i = 0; i < 3; i++) { a += b; }
                    var s1 = a + b;
                    return s1;
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task An_unread_step_and_an_overwritten_version_are_reported_by_step_name()
    {
        const string source = /* lang=c#-test */ """
            using Faithful;

            public static class Programs
            {
                [ReferenceProgram]
                public static long Dead(long a, long b)
                {
                    {|#0:var s1 = a * 7;|}
                    {|#1:b = a + 1;|}
                    b = a - 1;
                    var s2 = a + b;
                    return s2;
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic("FA1005").WithLocation(0).WithArguments("s1"),
            Verify.Diagnostic("FA1005").WithLocation(1).WithArguments("b#1"));
    }

    private const string TwoDead = /* lang=c#-test */ """
        using Faithful;

        public static class Programs
        {
            [ReferenceProgram]
            public static long Dead(long a, long b)
            {
                {|FA1005:var s1 = a * 7;|}
                {|FA1005:var s2 = b * 7;|}
                var s3 = a + b;
                return s3;
            }
        }
        """;

    [Fact]
    public async Task Fix_all_removes_every_dead_step()
    {
        const string fixedSource = /* lang=c#-test */ """
            using Faithful;

            public static class Programs
            {
                [ReferenceProgram]
                public static long Dead(long a, long b)
                {
                    var s3 = a + b;
                    return s3;
                }
            }
            """;

        await VerifyFix.VerifyFixAllAsync(TwoDead, fixedSource, StepShouldBeReadFixer.RemoveStepKey);
    }

    [Fact]
    public async Task Fix_all_marks_every_dead_step_as_a_distractor()
    {
        const string fixedSource = /* lang=c#-test */ """
            using Faithful;

            public static class Programs
            {
                [ReferenceProgram]
                [Distractor("s1")]
                [Distractor("s2")]
                public static long Dead(long a, long b)
                {
                    var s1 = a * 7;
                    var s2 = b * 7;
                    var s3 = a + b;
                    return s3;
                }
            }
            """;

        await VerifyFix.VerifyFixAllAsync(TwoDead, fixedSource, StepShouldBeReadFixer.MarkDistractorKey);
    }
}
