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
        if (!symbol.IsStatic)
        {
            Report(context, method.Identifier.GetLocation(), "The instance method '" + symbol.Name + "'", "a reference program is a static method");
        }

        if (method.TypeParameterList is { } typeParameters)
        {
            Report(context, typeParameters.GetLocation(), "A generic reference program", "inputs and steps have the fixed types long and double");
        }

        foreach (var parameter in method.ParameterList.Parameters)
        {
            foreach (var modifier in parameter.Modifiers)
            {
                if (modifier.Kind() is SyntaxKind.RefKeyword or SyntaxKind.OutKeyword or SyntaxKind.InKeyword or SyntaxKind.ParamsKeyword)
                {
                    Report(context, modifier.GetLocation(), "The '" + modifier.ValueText + "' parameter '" + parameter.Identifier.ValueText + "'", "inputs are plain long or double values passed by value");
                }
            }
        }

        var shape = ProgramShapeReader.Read(method, context.CancellationToken);
        foreach (var unsupported in shape.Unsupported)
        {
            Report(context, unsupported.Node.GetLocation(), unsupported.What, unsupported.Hint);
        }

        foreach (var unsupported in StepExpressionChecker.Check(shape, context.SemanticModel, context.CancellationToken))
        {
            Report(context, unsupported.Node.GetLocation(), unsupported.What, unsupported.Hint);
        }
    }

    private static void Report(SyntaxNodeAnalysisContext context, Location location, string what, string hint) =>
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.FA1001_ConstructMustBeTraceable, location, what, hint));
}
