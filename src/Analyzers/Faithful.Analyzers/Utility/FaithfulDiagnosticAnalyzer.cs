using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Faithful.Analyzers.Utility;

/// <summary>
/// Base of every Faithful analyzer: concurrent, skips generated code, and looks the Faithful attributes up
/// once per compilation, doing nothing at all when Faithful is not referenced.
/// </summary>
public abstract class FaithfulDiagnosticAnalyzer : DiagnosticAnalyzer
{
    private protected FaithfulDiagnosticAnalyzer(params DiagnosticDescriptor[] descriptors)
    {
        SupportedDiagnostics = [.. descriptors];
    }

    public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (FaithfulTypes.TryCreate(start.Compilation) is { } types)
            {
                AnalyzeCompilation(start, types);
            }
        });
    }

    private protected abstract void AnalyzeCompilation(CompilationStartAnalysisContext context, FaithfulTypes types);
}

/// <summary>Base of analyzers that look at one <c>[ReferenceProgram]</c> method at a time.</summary>
public abstract class ReferenceProgramAnalyzer : FaithfulDiagnosticAnalyzer
{
    private protected ReferenceProgramAnalyzer(params DiagnosticDescriptor[] descriptors)
        : base(descriptors)
    {
    }

    private protected sealed override void AnalyzeCompilation(CompilationStartAnalysisContext context, FaithfulTypes types)
    {
        context.RegisterSyntaxNodeAction(
            node =>
            {
                var method = (MethodDeclarationSyntax)node.Node;
                if (method.AttributeLists.Count > 0
                    && node.SemanticModel.GetDeclaredSymbol(method, node.CancellationToken) is { } symbol
                    && types.IsReferenceProgram(symbol))
                {
                    AnalyzeProgram(node, method, symbol, types);
                }
            },
            SyntaxKind.MethodDeclaration);
    }

    private protected abstract void AnalyzeProgram(SyntaxNodeAnalysisContext context, MethodDeclarationSyntax method, IMethodSymbol symbol, FaithfulTypes types);
}
