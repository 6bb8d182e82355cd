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
        SyntaxNode? body = (SyntaxNode?)method.Body ?? method.ExpressionBody;
        if (body is null)
        {
            return;
        }

        // Pre-order walk: the outermost expression is reported and the API's inner parts are skipped.
        var reported = new List<Microsoft.CodeAnalysis.Text.TextSpan>();
        foreach (var node in body.DescendantNodes())
        {
            if (node is not (InvocationExpressionSyntax or MemberAccessExpressionSyntax or BaseObjectCreationExpressionSyntax or IdentifierNameSyntax)
                || reported.Exists(span => span.Contains(node.Span)))
            {
                continue;
            }

            if (context.SemanticModel.GetSymbolInfo(node, context.CancellationToken).Symbol is { } api && Nondeterminism.IsNondeterministic(api))
            {
                reported.Add(node.Span);
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.FA1002_ApiMustBeDeterministic, node.GetLocation(), Nondeterminism.Display(api)));
            }
        }
    }
}
