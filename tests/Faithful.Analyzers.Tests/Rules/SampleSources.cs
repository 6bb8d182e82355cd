namespace Faithful.Analyzers.Tests.Rules;

/// <summary>Sample files touching every rule, for the prefix robustness sweep.</summary>
public static class SampleSources
{
    public const string PromptFile = """
        <!-- faithful: program=Registers id=registers/v1 -->
        Given {{inputs}} run {{steps}} in 4 steps.
        1. a2 = {{a2}}
        2. {{a1#1}} and {{s9}} and {{unclosed
        {{{{ literal {{format}}
        """;

    public const string Baseline = """
        { "format": "faithful.baseline/1", "correctness": "FirstAnswer",
          "models": [ { "model": "sim:\u0073tudy", "byLength": [
            { "length": 2, "cases": 5, "firstAnswerAccuracy": 0.5, "stepFaithfulness": 0.25e0 },
            { "length": 8, "cases": 5, "firstAnswerAccuracy": -1, "stepFaithfulness": 1E-3 } ] } ],
          "cases": [ { "caseId": "x", "model": "m", "programId": "p", "length": 2, "correct": true }, null, false ] }
        """;

    public static IReadOnlyDictionary<string, string> All { get; } = new Dictionary<string, string>
    {
        ["registers"] = """
            using System;
            using Faithful;

            public static class Registers
            {
                [ReferenceProgram("Five registers")]
                [Distractor("t")]
                public static long Run([Domain(-9, 9)] long a0, [Domain(0, 5)] long a1, [Domain(1, 3)] long a2)
                {
                    a2 -= a1;
                    a1 = a0 / a2;
                    var t = a1 * 3;
                    for (var i = 0; i < 3; i++) { a0 += a2 << 2; a1 ^= ~a0; }
                    a0++;
                    var s1 = a0 < a1 ? Math.Max(a0, a1) : checked(a1 * a2) % 7;
                    return s1 + (long)(double)a2;
                }

                [PromptFor("Run")]
                public const string Prompt = "Given {{a0}}, {{a1}} and {{ a2 }}, write each step: {{s1}} {{a0#1}} {{s2}} in 9 steps";
            }
            """,
        ["untraceable"] = """
            using System;
            using System.IO;
            using Faithful;

            public class Broken
            {
                private static long field = 1;

                [ReferenceProgram]
                public long Bad(ref long a, int b, decimal c)
                {
                    var s1 = a + field + DateTime.Now.Ticks + new Random().Next();
                    var s1 = s2 + File.ReadAllText("x").Length;
                    while (s1 > 0) { s1--; }
                    if (b > 2) return s1;
                    foreach (var x in new[] { 1, 2 }) { s1 += x; }
                    for (var i = 0; i < b; i++) { s1 += i; }
                    var s2 = s1 > 0 && b > 0 ? 1 : 2;
                    return s1 = s2;
                }
            }
            """,
        ["prompts"] = """
            using Faithful;

            namespace Demo.Prompts
            {
                public static class Programs
                {
                    [ReferenceProgram]
                    public static double Mixed([Domain(0.5, 2.5)] double x, [Domain(1, 100)] long n)
                    {
                        var s1 = x * n;
                        var s2 = (long)s1 / (n - 50);
                        double s3 = s2 + 0.5;
                        return s3;
                    }
                }

                public static class Texts
                {
                    [PromptFor("Demo.Prompts.Programs.Mixed")] public const string A = "x = {{x}}. Answer only.";
                    [PromptFor("Nope")] public const string B = @"{{n}}
            Step 1: s1 = {{s1}}
            Step 2: s2";
                    [PromptFor("Mixed")] public const string C = "{{ x }}" + "{{n}} steps: {{S3}}";
                }
            }
            """,
    };
}
