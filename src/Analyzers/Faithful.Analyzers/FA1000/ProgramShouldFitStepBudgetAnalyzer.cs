using System.Globalization;
using Faithful.Analyzers.Programs;
using Faithful.Analyzers.Utility;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Faithful.Analyzers.FA1000;

/// <summary>FA1008: long programs are where models stop executing faithfully; the budget comes from .editorconfig.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ProgramShouldFitStepBudgetAnalyzer : ReferenceProgramAnalyzer
{
    /// <summary>The .editorconfig key holding the budget.</summary>
    public const string BudgetOption = "faithful_step_budget";

    /// <summary>Budget when none is configured: past 20 steps the study's accuracy is already well below half.</summary>
    public const int DefaultBudget = 20;

    public ProgramShouldFitStepBudgetAnalyzer()
        : base(Descriptors.FA1008_ProgramShouldFitStepBudget)
    {
    }

    private protected override void AnalyzeProgram(SyntaxNodeAnalysisContext context, MethodDeclarationSyntax method, IMethodSymbol symbol, FaithfulTypes types)
    {
        var budget = ReadBudget(context.Options.AnalyzerConfigOptionsProvider.GetOptions(method.SyntaxTree));
        var shape = ProgramShapeReader.Read(method, context.SemanticModel, context.CancellationToken);
        if (shape.StepCount > budget)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.FA1008_ProgramShouldFitStepBudget,
                method.Identifier.GetLocation(),
                symbol.Name,
                shape.StepCount,
                budget));
        }
    }

    private static int ReadBudget(AnalyzerConfigOptions options) =>
        options.TryGetValue(BudgetOption, out var text)
        && int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var budget)
        && budget > 0
            ? budget
            : DefaultBudget;
}
