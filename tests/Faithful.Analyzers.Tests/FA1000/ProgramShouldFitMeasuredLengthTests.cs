using Faithful.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using Verify = Faithful.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<Faithful.Analyzers.FA1000.ProgramShouldFitMeasuredLengthAnalyzer>;

namespace Faithful.Analyzers.Tests.FA1000;

public sealed class ProgramShouldFitMeasuredLengthTests
{
    private const string Programs = /* lang=c#-test */ """
        using Faithful;

        public static class Programs
        {
            [ReferenceProgram]
            public static long Short(long a)
            {
                var s1 = a + 1;
                var s2 = s1 * 2;
                return s2;
            }

            [ReferenceProgram]
            public static long {|#0:Long|}(long a)
            {
                for (var i = 0; i < 10; i++) { a += 3; }
                return a;
            }
        }
        """;

    // As 'faithful bless' writes it: sim:study stays faithful up to 5 steps, falls to 0.42 at 10.
    private const string Baseline = """
        {
          "format": "faithful.baseline/1",
          "correctness": "FirstAnswer",
          "models": [
            { "model": "sim:study", "byLength": [
              { "length": 5, "cases": 50, "firstAnswerAccuracy": 0.61, "stepFaithfulness": 0.864 },
              { "length": 10, "cases": 50, "firstAnswerAccuracy": 0.48, "stepFaithfulness": 0.42 },
              { "length": 20, "cases": 50, "firstAnswerAccuracy": 0.3, "stepFaithfulness": 0.3 } ] },
            { "model": "sim:strong", "byLength": [
              { "length": 10, "cases": 50, "firstAnswerAccuracy": 0.9, "stepFaithfulness": 0.95 } ] }
          ],
          "cases": []
        }
        """;

    private static async Task RunAsync(string baseline, string? editorConfig, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerVerifier<Faithful.Analyzers.FA1000.ProgramShouldFitMeasuredLengthAnalyzer>.Test { TestCode = Programs };
        test.TestState.AdditionalFiles.Add(("/0/faithful.baseline.json", baseline));
        if (editorConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", editorConfig));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Without_a_baseline_nothing_is_reported()
    {
        await Verify.VerifyAnalyzerAsync(Programs.Replace("{|#0:Long|}", "Long", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_program_as_long_as_where_a_model_fell_below_the_threshold_names_the_model_and_figure()
    {
        await RunAsync(
            Baseline,
            editorConfig: null,
            Verify.Diagnostic("FA1010").WithLocation(0).WithArguments("Long", 10, "sim:study", "step faithfulness", "0.42", 10, "0.5"));
    }

    [Fact]
    public async Task The_threshold_and_metric_come_from_editorconfig()
    {
        const string editorConfig = """
            root = true

            [*.cs]
            faithful_baseline_threshold = 0.3
            faithful_baseline_metric = first_answer_accuracy
            """;

        // First-answer accuracy falls below 0.3 only past 20 steps, so a 10-step program is fine.
        await RunAsync(Baseline, editorConfig);
    }

    [Fact]
    public async Task A_malformed_baseline_is_reported_with_what_is_wrong()
    {
        await RunAsync(
            """{ "format": "faithful.baseline/1", "models": [ { "model": "x" ] }""",
            editorConfig: null,
            Verify.Diagnostic("FA1011").WithSpan("/0/faithful.baseline.json", 1, 1, 1, 1).WithArguments("faithful.baseline.json", "expected '}' at line 1"));
        await RunAsync(
            """{ "format": "faithful.report/1", "models": [] }""",
            editorConfig: null,
            Verify.Diagnostic("FA1011").WithSpan("/0/faithful.baseline.json", 1, 1, 1, 1).WithArguments("faithful.baseline.json", "not a faithful.baseline/1 baseline (format 'faithful.report/1')"));
    }
}
