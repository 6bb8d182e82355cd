using Faithful.Analyzers.Programs;
using Faithful.Analyzers.Utility;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Faithful.Analyzers.FA1000;

/// <summary>FA1004: a step can only read an input or a variable some earlier step wrote.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class VariableMustBeWrittenBeforeReadAnalyzer : ReferenceProgramAnalyzer
{
    public VariableMustBeWrittenBeforeReadAnalyzer()
        : base(Descriptors.FA1004_VariableMustBeWrittenBeforeRead)
    {
    }

    private protected override void AnalyzeProgram(SyntaxNodeAnalysisContext context, MethodDeclarationSyntax method, IMethodSymbol symbol, FaithfulTypes types)
    {
        var shape = ProgramShapeReader.Read(method, context.SemanticModel, context.CancellationToken);
        foreach (var read in shape.ReadsBeforeWrite)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.FA1004_VariableMustBeWrittenBeforeRead, read.GetLocation(), read.Identifier.ValueText));
        }
    }
}
