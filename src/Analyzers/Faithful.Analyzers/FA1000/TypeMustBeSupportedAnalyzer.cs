using Faithful.Analyzers.Utility;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Faithful.Analyzers.FA1000;

/// <summary>FA1009: inputs, steps, casts and the answer are long or double.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TypeMustBeSupportedAnalyzer : ReferenceProgramAnalyzer
{
    public TypeMustBeSupportedAnalyzer()
        : base(Descriptors.FA1009_TypeMustBeSupported)
    {
    }

    private protected override void AnalyzeProgram(SyntaxNodeAnalysisContext context, MethodDeclarationSyntax method, IMethodSymbol symbol, FaithfulTypes types)
    {
        foreach (var (syntax, type, name) in Find(method, symbol, context.SemanticModel, context.CancellationToken))
        {
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.FA1009_TypeMustBeSupported,
                syntax.GetLocation(),
                SupportedTypes.Properties(type),
                name,
                type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)));
        }
    }

    /// <summary>The declared types FA1009 reports on <paramref name="method"/>, each with how the message names it.</summary>
    internal static List<(TypeSyntax Syntax, ITypeSymbol Type, string Name)> Find(MethodDeclarationSyntax method, IMethodSymbol symbol, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        var found = new List<(TypeSyntax, ITypeSymbol, string)>();
        void Check(TypeSyntax syntax, ITypeSymbol type, string name)
        {
            if (type.SpecialType is not (SpecialType.System_Int64 or SpecialType.System_Double) && type.TypeKind != TypeKind.Error)
            {
                found.Add((syntax, type, name));
            }
        }

        Check(method.ReturnType, symbol.ReturnType, "The answer of '" + symbol.Name + "'");
        foreach (var parameter in method.ParameterList.Parameters)
        {
            if (parameter.Type is { } type && semanticModel.GetDeclaredSymbol(parameter, cancellationToken) is IParameterSymbol parameterSymbol)
            {
                Check(type, parameterSymbol.Type, "Input '" + parameterSymbol.Name + "'");
            }
        }

        SyntaxNode? body = (SyntaxNode?)method.Body ?? method.ExpressionBody;
        foreach (var node in body?.DescendantNodes() ?? [])
        {
            switch (node)
            {
                case VariableDeclarationSyntax { Variables: [var first, ..] } declaration
                    when declaration.Parent is LocalDeclarationStatementSyntax
                    && semanticModel.GetDeclaredSymbol(first, cancellationToken) is ILocalSymbol local:
                    Check(declaration.Type, local.Type, "Local '" + local.Name + "'");
                    break;
                case CastExpressionSyntax cast:
                    var castType = semanticModel.GetTypeInfo(cast.Type, cancellationToken).Type;
                    if (castType is not null && castType.SpecialType != SpecialType.System_Int32)
                    {
                        Check(cast.Type, castType, "The cast '(" + cast.Type + ")'");
                    }

                    break;
            }
        }

        return found;
    }
}
