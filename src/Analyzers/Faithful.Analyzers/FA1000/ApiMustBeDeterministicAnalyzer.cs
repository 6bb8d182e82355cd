using Faithful.Analyzers.Programs;
using Faithful.Analyzers.Utility;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Faithful.Analyzers.FA1000;

/// <summary>FA1002: a reference program must not read clocks, random generators, the environment or I/O.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ApiMustBeDeterministicAnalyzer : ReferenceProgramAnalyzer
{
    public ApiMustBeDeterministicAnalyzer()
        : base(Descriptors.FA1002_ApiMustBeDeterministic)
    {
    }

    private protected override void AnalyzeProgram(SyntaxNodeAnalysisContext context, MethodDeclarationSyntax method, IMethodSymbol symbol, FaithfulTypes types)
    {
        foreach (var (node, api) in Find(method, context.SemanticModel, context.CancellationToken))
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.FA1002_ApiMustBeDeterministic, node.GetLocation(), Nondeterminism.Display(api)));
        }
    }

    /// <summary>The outermost uses of non-deterministic APIs in <paramref name="method"/>, as FA1002 reports them.</summary>
    internal static List<(SyntaxNode Node, ISymbol Api)> Find(MethodDeclarationSyntax method, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        var found = new List<(SyntaxNode, ISymbol)>();
        SyntaxNode? body = (SyntaxNode?)method.Body ?? method.ExpressionBody;

        // Pre-order walk: the outermost expression is reported and the API's inner parts are skipped.
        foreach (var node in body?.DescendantNodes() ?? [])
        {
            if (node is not (InvocationExpressionSyntax or MemberAccessExpressionSyntax or BaseObjectCreationExpressionSyntax or IdentifierNameSyntax)
                || found.Exists(f => f.Item1.Span.Contains(node.Span)))
            {
                continue;
            }

            if (semanticModel.GetSymbolInfo(node, cancellationToken).Symbol is { } api && Nondeterminism.IsNondeterministic(api))
            {
                found.Add((node, api));
            }
        }

        return found;
    }
}
