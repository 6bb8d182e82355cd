using Verify = Faithful.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<Faithful.Analyzers.FA1000.ApiMustBeDeterministicAnalyzer>;

namespace Faithful.Analyzers.Tests.FA1000;

public sealed class ApiMustBeDeterministicTests
{
    [Fact]
    public async Task Pure_arithmetic_is_compliant()
    {
        const string source = /* lang=c#-test */ """
            using System;
            using Faithful;

            public static class Programs
            {
                [ReferenceProgram]
                public static long Add(long a, long b)
                {
                    var s1 = a + b;
                    var s2 = Math.Abs(s1);
                    return s2;
                }

                public static long NotAProgram() => DateTime.Now.Ticks;
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Clocks_random_and_guids_are_reported_with_the_api_name()
    {
        const string source = /* lang=c#-test */ """
            using System;
            using Faithful;

            public static class Programs
            {
                [ReferenceProgram]
                public static long Noisy(long a)
                {
                    var s1 = a + {|#0:DateTime.Now|}.Ticks;
                    var s2 = s1 + {|#1:new Random(1).Next()|};
                    var s3 = s2 + {|#2:Guid.NewGuid()|}.GetHashCode();
                    var s4 = s3 + {|#3:Environment.TickCount|};
                    return s4;
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic("FA1002").WithLocation(0).WithArguments("DateTime.Now"),
            Verify.Diagnostic("FA1002").WithLocation(1).WithArguments("Random.Next"),
            Verify.Diagnostic("FA1002").WithLocation(2).WithArguments("Guid.NewGuid"),
            Verify.Diagnostic("FA1002").WithLocation(3).WithArguments("Environment.TickCount"));
    }
}
