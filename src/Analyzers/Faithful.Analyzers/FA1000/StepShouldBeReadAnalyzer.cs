using System.Collections.Immutable;
using Faithful.Analyzers.Programs;
using Faithful.Analyzers.Utility;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Faithful.Analyzers.FA1000;

/// <summary>FA1005: a step whose value no later step and not the answer reads, unless marked [Distractor].</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class StepShouldBeReadAnalyzer : ReferenceProgramAnalyzer
{
    /// <summary>Diagnostic property with the dead step's name, for the [Distractor] fix.</summary>
    public const string StepNameProperty = "StepName";

    public StepShouldBeReadAnalyzer()
        : base(Descriptors.FA1005_StepShouldBeRead)
    {
    }

    private protected override void AnalyzeProgram(SyntaxNodeAnalysisContext context, MethodDeclarationSyntax method, IMethodSymbol symbol, FaithfulTypes types)
    {
        var shape = ProgramShapeReader.Read(method, context.SemanticModel, context.CancellationToken);
        if (!shape.IsComplete || shape.Result is null)
        {
            return;
        }

        var read = new HashSet<int>(shape.ResultReads);
        foreach (var step in shape.Steps)
        {
            read.UnionWith(step.ReadSlots);
        }

        var distractors = DistractorNames(symbol, types);

        // A statement in an unrolled loop is dead only when every iteration's write is.
        var firstDeadByStatement = new Dictionary<StatementSyntax, ShapeStep>();
        var liveStatements = new HashSet<StatementSyntax>();
        foreach (var step in shape.Steps)
        {
            var isRead = read.Contains(shape.ParameterCount + step.Index);
            if (isRead || distractors.Contains(step.Name) || distractors.Contains(step.Variable))
            {
                liveStatements.Add(step.Statement);
            }
            else if (!firstDeadByStatement.ContainsKey(step.Statement))
            {
                firstDeadByStatement[step.Statement] = step;
            }
        }

        foreach (var pair in firstDeadByStatement)
        {
            if (liveStatements.Contains(pair.Key))
            {
                continue;
            }

            var properties = ImmutableDictionary<string, string?>.Empty.Add(StepNameProperty, pair.Value.Name);
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.FA1005_StepShouldBeRead, pair.Key.GetLocation(), properties, pair.Value.Name));
        }
    }

    private static HashSet<string> DistractorNames(IMethodSymbol symbol, FaithfulTypes types)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var attribute in symbol.GetAttributes())
        {
            if (types.Distractor is not null
                && SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, types.Distractor)
                && attribute.ConstructorArguments is [{ Value: string name }])
            {
                names.Add(name);
            }
        }

        return names;
    }
}
