using Faithful.Analyzers.Programs;
using Faithful.Analyzers.Utility;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Faithful.Analyzers.FA1000;

/// <summary>
/// FA1003: reassignment is a legal step (it writes the next version), so "a step assigned twice" means a second
/// declaration of the same name, or a local reusing a parameter's name: then step names would be ambiguous.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class VariableMustBeDeclaredOnceAnalyzer : ReferenceProgramAnalyzer
{
    public VariableMustBeDeclaredOnceAnalyzer()
        : base(Descriptors.FA1003_VariableMustBeDeclaredOnce)
    {
    }

    private protected override void AnalyzeProgram(SyntaxNodeAnalysisContext context, MethodDeclarationSyntax method, IMethodSymbol symbol, FaithfulTypes types)
    {
        var shape = ProgramShapeReader.Read(method, context.SemanticModel, context.CancellationToken);
        foreach (var identifier in shape.Redeclarations)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.FA1003_VariableMustBeDeclaredOnce, identifier.GetLocation(), identifier.ValueText, symbol.Name));
        }
    }
}
