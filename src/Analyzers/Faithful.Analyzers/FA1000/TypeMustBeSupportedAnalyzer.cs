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
        Check(context, method.ReturnType, symbol.ReturnType, "The answer of '" + symbol.Name + "'");
        foreach (var parameter in method.ParameterList.Parameters)
        {
            if (parameter.Type is { } type && context.SemanticModel.GetDeclaredSymbol(parameter, context.CancellationToken) is IParameterSymbol parameterSymbol)
            {
                Check(context, type, parameterSymbol.Type, parameterSymbol.Name);
            }
        }

        SyntaxNode? body = (SyntaxNode?)method.Body ?? method.ExpressionBody;
        if (body is null)
        {
            return;
        }

        foreach (var node in body.DescendantNodes())
        {
            switch (node)
            {
                case VariableDeclarationSyntax { Variables: [var first, ..] } declaration
                    when declaration.Parent is LocalDeclarationStatementSyntax
                    && context.SemanticModel.GetDeclaredSymbol(first, context.CancellationToken) is ILocalSymbol local:
                    Check(context, declaration.Type, local.Type, local.Name);
                    break;
                case CastExpressionSyntax cast:
                    var castType = context.SemanticModel.GetTypeInfo(cast.Type, context.CancellationToken).Type;
                    if (castType is not null && castType.SpecialType != SpecialType.System_Int32)
                    {
                        Check(context, cast.Type, castType, "The cast '" + cast.Type + "'");
                    }

                    break;
            }
        }
    }

    private static void Check(SyntaxNodeAnalysisContext context, TypeSyntax syntax, ITypeSymbol type, string name)
    {
        if (type.SpecialType is SpecialType.System_Int64 or SpecialType.System_Double || type.TypeKind == TypeKind.Error)
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.FA1009_TypeMustBeSupported,
            syntax.GetLocation(),
            SupportedTypes.Properties(type),
            name,
            type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)));
    }
}
