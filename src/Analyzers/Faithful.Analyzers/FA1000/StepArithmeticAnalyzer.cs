using Faithful.Analyzers.Arithmetic;
using Faithful.Analyzers.Extraction;
using Faithful.Analyzers.Utility;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Faithful.Analyzers.FA1000;

/// <summary>
/// FA1006/FA1007: interval analysis over the extracted steps on the [Domain] of every input finds steps that may
/// divide by zero or overflow long; a concrete witness input confirms each one before it is reported, so
/// there are no false alarms (and, where the search finds no witness, possibly a missed one).
/// Programs with an input lacking [Domain] are not analysed: their range is every long, which would flag all arithmetic.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class StepArithmeticAnalyzer : ReferenceProgramAnalyzer
{
    public StepArithmeticAnalyzer()
        : base(Descriptors.FA1006_DivisionMustNotBeByZero, Descriptors.FA1007_StepMustNotOverflow)
    {
    }

    private protected override void AnalyzeProgram(SyntaxNodeAnalysisContext context, MethodDeclarationSyntax method, IMethodSymbol symbol, FaithfulTypes types)
    {
        var extraction = ProgramExtractor.Extract(method, context.SemanticModel, context.CancellationToken);
        var program = extraction.Program;
        if (program is null || program.Parameters.Count == 0 || program.Parameters.Any(p => p.Domain is null))
        {
            return;
        }

        var suspects = IntervalAnalysis.Run(program, context.CancellationToken);
        var witnesses = WitnessSearch.Find(program, suspects, context.CancellationToken);
        var reported = new HashSet<(Microsoft.CodeAnalysis.Text.TextSpan, StepHazard)>();
        for (var i = 0; i < program.Steps.Count; i++)
        {
            var step = program.Steps[i];
            foreach (var (hazard, descriptor) in new[] { (StepHazard.DivideByZero, Descriptors.FA1006_DivisionMustNotBeByZero), (StepHazard.Overflow, Descriptors.FA1007_StepMustNotOverflow) })
            {
                // An unrolled loop repeats one statement: report it once, for its first failing iteration.
                var span = extraction.StepLocations[i].TextSpan;
                if (witnesses.TryGetValue((i, hazard), out var inputs) && reported.Add((span, hazard)))
                {
                    var location = Location.Create(method.SyntaxTree, span);
                    context.ReportDiagnostic(Diagnostic.Create(descriptor, location, step.Name, inputs));
                }
            }
        }
    }
}
