using System.Collections.Immutable;
using System.Globalization;
using Faithful.Analyzers.Baselines;
using Faithful.Analyzers.Programs;
using Faithful.Analyzers.Utility;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Faithful.Analyzers.FA1000;

/// <summary>
/// FA1010/FA1011: with a measured baseline at hand, a program as long as the length where a model's faithfulness
/// fell below the configured threshold is flagged, naming the model and the figure.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ProgramShouldFitMeasuredLengthAnalyzer : FaithfulDiagnosticAnalyzer
{
    /// <summary>Additional files with this suffix are baselines (<c>faithful.baseline.json</c>).</summary>
    public const string BaselineSuffix = ".baseline.json";

    public const string ThresholdOption = "faithful_baseline_threshold";

    public const string MetricOption = "faithful_baseline_metric";

    public const double DefaultThreshold = 0.5;

    public ProgramShouldFitMeasuredLengthAnalyzer()
        : base(Descriptors.FA1010_ProgramShouldFitMeasuredLength, Descriptors.FA1011_BaselineMustBeReadable)
    {
    }

    private protected override void AnalyzeCompilation(CompilationStartAnalysisContext context, FaithfulTypes types)
    {
        var curves = new List<BaselineCurve>();
        var unreadable = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in context.Options.AdditionalFiles)
        {
            if (!file.Path.EndsWith(BaselineSuffix, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var text = file.GetText(context.CancellationToken)?.ToString() ?? string.Empty;
            if (BaselineCurve.Read(text, out var error) is { } read)
            {
                curves.AddRange(read);
            }
            else
            {
                unreadable[file.Path] = error ?? "unknown format";
            }
        }

        if (unreadable.Count > 0)
        {
            context.RegisterAdditionalFileAction(file =>
            {
                if (unreadable.TryGetValue(file.AdditionalFile.Path, out var error))
                {
                    var location = Location.Create(file.AdditionalFile.Path, default, new LinePositionSpan(default, default));
                    file.ReportDiagnostic(Diagnostic.Create(Descriptors.FA1011_BaselineMustBeReadable, location, Path.GetFileName(file.AdditionalFile.Path), error));
                }
            });
        }

        if (curves.Count == 0)
        {
            return;
        }

        var measured = curves.ToImmutableArray();
        context.RegisterSyntaxNodeAction(node => AnalyzeMethod(node, types, measured), SyntaxKind.MethodDeclaration);
    }

    private static void AnalyzeMethod(SyntaxNodeAnalysisContext context, FaithfulTypes types, ImmutableArray<BaselineCurve> curves)
    {
        var method = (MethodDeclarationSyntax)context.Node;
        if (method.AttributeLists.Count == 0
            || context.SemanticModel.GetDeclaredSymbol(method, context.CancellationToken) is not { } symbol
            || !types.IsReferenceProgram(symbol))
        {
            return;
        }

        var options = context.Options.AnalyzerConfigOptionsProvider.GetOptions(method.SyntaxTree);
        var threshold = options.TryGetValue(ThresholdOption, out var text)
            && double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var configured)
            && configured is > 0 and <= 1
                ? configured
                : DefaultThreshold;
        var useAccuracy = options.TryGetValue(MetricOption, out var metric) && metric.Trim() == "first_answer_accuracy";
        var steps = ProgramShapeReader.Read(method, context.SemanticModel, context.CancellationToken).StepCount;
        foreach (var curve in curves)
        {
            if (curve.FirstBelow(threshold, useAccuracy) is { } point && steps >= point.Length)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.FA1010_ProgramShouldFitMeasuredLength,
                    method.Identifier.GetLocation(),
                    symbol.Name,
                    steps,
                    curve.Model,
                    useAccuracy ? "first-answer accuracy" : "step faithfulness",
                    (useAccuracy ? point.FirstAnswerAccuracy : point.StepFaithfulness).ToString("0.###", CultureInfo.InvariantCulture),
                    point.Length,
                    threshold.ToString("0.###", CultureInfo.InvariantCulture)));
            }
        }
    }
}
