using Faithful.Analyzers.Programs;
using Faithful.Analyzers.Utility;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Faithful.Analyzers.FA1000;

/// <summary>FA1001: everything in a reference program must map onto the step model.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ConstructMustBeTraceableAnalyzer : ReferenceProgramAnalyzer
{
    public ConstructMustBeTraceableAnalyzer()
        : base(Descriptors.FA1001_ConstructMustBeTraceable)
    {
    }

    private protected override void AnalyzeProgram(SyntaxNodeAnalysisContext context, MethodDeclarationSyntax method, IMethodSymbol symbol, FaithfulTypes types)
    {
        foreach (var (location, what, hint) in Find(method, symbol, context.SemanticModel, context.CancellationToken))
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.FA1001_ConstructMustBeTraceable, location, what, hint));
        }
    }

    /// <summary>What FA1001 reports on <paramref name="method"/>: the syntax pass's findings, which work on half-typed code too.</summary>
    internal static List<(Location Location, string What, string Hint)> Find(MethodDeclarationSyntax method, IMethodSymbol symbol, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        var found = new List<(Location, string, string)>();
        if (!symbol.IsStatic)
        {
            found.Add((method.Identifier.GetLocation(), "The instance method '" + symbol.Name + "'", "a reference program is a static method"));
        }

        if (method.TypeParameterList is { } typeParameters)
        {
            found.Add((typeParameters.GetLocation(), "A generic reference program", "inputs and steps have the fixed types long and double"));
        }

        foreach (var parameter in method.ParameterList.Parameters)
        {
            foreach (var modifier in parameter.Modifiers)
            {
                if (modifier.Kind() is SyntaxKind.RefKeyword or SyntaxKind.OutKeyword or SyntaxKind.InKeyword or SyntaxKind.ParamsKeyword)
                {
                    found.Add((modifier.GetLocation(), "The '" + modifier.ValueText + "' parameter '" + parameter.Identifier.ValueText + "'", "inputs are plain long or double values passed by value"));
                }
            }
        }

        var shape = ProgramShapeReader.Read(method, semanticModel, cancellationToken);
        foreach (var unsupported in shape.Unsupported.Concat(StepExpressionChecker.Check(shape, semanticModel, cancellationToken)))
        {
            found.Add((unsupported.Node.GetLocation(), unsupported.What, unsupported.Hint));
        }

        return found;
    }
}
