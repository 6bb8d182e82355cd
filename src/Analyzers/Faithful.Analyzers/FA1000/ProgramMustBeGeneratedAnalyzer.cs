using System.Globalization;
using Faithful.Analyzers.Extraction;
using Faithful.Analyzers.Programs;
using Faithful.Analyzers.Utility;
using Faithful.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Faithful.Analyzers.FA1000;

/// <summary>
/// FA1012-FA1016: the generator skips what it cannot extract; this analyzer runs the same extractor and says why, so no
/// <c>[ReferenceProgram]</c> goes missing from <c>ReferencePrograms.All</c> in silence. Causes with their own rule
/// (an invalid [Domain], a loop past the step limit, an unknown [Distractor], a faulting loop constant) are always
/// reported; any other refusal is reported as FA1016 unless FA1001, FA1002 or FA1009 already explain it. Code that does
/// not compile is left to the compiler.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ProgramMustBeGeneratedAnalyzer : ReferenceProgramAnalyzer
{
    public ProgramMustBeGeneratedAnalyzer()
        : base(
            Descriptors.FA1012_DomainMustHoldValues,
            Descriptors.FA1013_ProgramMustFitStepLimit,
            Descriptors.FA1014_DistractorMustNameStep,
            Descriptors.FA1015_LoopMustUnrollWithoutFault,
            Descriptors.FA1016_ProgramMustBeGenerated)
    {
    }

    private protected override void AnalyzeProgram(SyntaxNodeAnalysisContext context, MethodDeclarationSyntax method, IMethodSymbol symbol, FaithfulTypes types)
    {
        var extraction = ProgramExtractor.Extract(method, context.SemanticModel, context.CancellationToken);
        if (extraction.Succeeded)
        {
            return;
        }

        bool? explainedElsewhere = null;
        foreach (var problem in extraction.Problems)
        {
            // A location in the method's own tree, so that '#pragma warning disable' and the editor apply to it.
            var location = Location.Create(method.SyntaxTree, problem.Location.TextSpan);
            var reason = problem.Message.TrimEnd('.');
            switch (problem.Kind)
            {
                case ProblemKind.CompilationError:
                    // The compiler's own error says why.
                    break;
                case ProblemKind.InvalidDomain:
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.FA1012_DomainMustHoldValues, location, symbol.Name, reason));
                    break;
                case ProblemKind.LoopTooLong:
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.FA1013_ProgramMustFitStepLimit,
                        location,
                        symbol.Name,
                        StepCount(method, context.SemanticModel, context.CancellationToken),
                        ProgramLimits.MaxSteps.ToString("N0", CultureInfo.InvariantCulture)));
                    break;
                case ProblemKind.UnknownDistractor:
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.FA1014_DistractorMustNameStep, location, symbol.Name, reason));
                    break;
                case ProblemKind.ConstantFault:
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.FA1015_LoopMustUnrollWithoutFault, location, symbol.Name, reason));
                    break;
                default:
                    explainedElsewhere ??= ExplainedByOtherRules(method, symbol, context.SemanticModel, context.CancellationToken);
                    if (!explainedElsewhere.Value)
                    {
                        context.ReportDiagnostic(Diagnostic.Create(Descriptors.FA1016_ProgramMustBeGenerated, location, symbol.Name, reason));
                    }

                    break;
            }
        }
    }

    // The syntax pass counts the steps of constant loops even past the limit; where it cannot, say only that it is over.
    private static string StepCount(MethodDeclarationSyntax method, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        var count = ProgramShapeReader.Read(method, semanticModel, cancellationToken).StepCount;
        return count > ProgramLimits.MaxSteps
            ? count.ToString("N0", CultureInfo.InvariantCulture)
            : "more than " + ProgramLimits.MaxSteps.ToString(CultureInfo.InvariantCulture);
    }

    private static bool ExplainedByOtherRules(MethodDeclarationSyntax method, IMethodSymbol symbol, SemanticModel semanticModel, CancellationToken cancellationToken) =>
        ConstructMustBeTraceableAnalyzer.Find(method, symbol, semanticModel, cancellationToken).Count > 0
        || TypeMustBeSupportedAnalyzer.Find(method, symbol, semanticModel, cancellationToken).Count > 0
        || ApiMustBeDeterministicAnalyzer.Find(method, semanticModel, cancellationToken).Count > 0;
}
