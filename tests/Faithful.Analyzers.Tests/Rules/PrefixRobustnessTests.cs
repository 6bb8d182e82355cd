using System.Collections.Immutable;
using System.Diagnostics;
using Faithful.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Faithful.Analyzers.Tests.Rules;

/// <summary>
/// Half-typed code must never crash an analyzer: every analyzer runs over every token prefix of sample files
/// (with growing prefixes of a prompt file and a baseline file), with no analyzer exception, no AD0001 and bounded time.
/// </summary>
public sealed class PrefixRobustnessTests
{
    private static readonly TimeSpan PerPrefixLimit = TimeSpan.FromSeconds(5);

    public static TheoryData<string> Samples() => [.. SampleSources.All.Keys];

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Every_token_prefix_of_a_sample_analyzes_without_exceptions(string sample)
    {
        var source = SampleSources.All[sample];
        var tokens = CSharpSyntaxTree.ParseText(source, cancellationToken: TestContext.Current.CancellationToken)
            .GetRoot(TestContext.Current.CancellationToken).DescendantTokens().ToList();
        var prompt = SampleSources.PromptFile;
        var slowest = TimeSpan.Zero;
        foreach (var token in tokens)
        {
            var prefix = source.Substring(0, token.Span.End);
            var share = (double)prefix.Length / source.Length;
            var elapsed = await AnalyzeAsync(
                prefix,
                prompt.Substring(0, (int)(prompt.Length * share)),
                SampleSources.Baseline.Substring(0, (int)(SampleSources.Baseline.Length * share)));
            slowest = elapsed > slowest ? elapsed : slowest;
        }

        Assert.True(tokens.Count > 50, "the sample should be long enough to exercise half-typed states");
        Assert.True(slowest < PerPrefixLimit, $"slowest prefix took {slowest}");
    }

    private static async Task<TimeSpan> AnalyzeAsync(string source, string promptPrefix, string baselinePrefix)
    {
        var tree = CSharpSyntaxTree.ParseText(source, path: "/0/Sample.cs", cancellationToken: TestContext.Current.CancellationToken);
        var compilation = CSharpCompilation.Create(
            "Prefix",
            [tree],
            OfflineReferences.Core,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var exceptions = new List<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([
                new InMemoryAdditionalText("/0/Sample.prompt.md", promptPrefix),
                new InMemoryAdditionalText("/0/faithful.baseline.json", baselinePrefix)]),
            onAnalyzerException: (exception, analyzer, _) => exceptions.Add(analyzer.GetType().Name + ": " + exception),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false);
        var stopwatch = Stopwatch.StartNew();
        var diagnostics = await compilation
            .WithAnalyzers(AllAnalyzers.Create(), options)
            .GetAnalyzerDiagnosticsAsync(TestContext.Current.CancellationToken);
        stopwatch.Stop();

        Assert.True(exceptions.Count == 0, "Analyzer threw on prefix:\n" + source + "\n" + string.Join("\n", exceptions));
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        return stopwatch.Elapsed;
    }

    private sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }
}
