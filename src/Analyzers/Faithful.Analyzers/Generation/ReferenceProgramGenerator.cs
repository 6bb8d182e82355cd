using System.Collections.Immutable;
using System.Linq;
using Faithful.Analyzers.Extraction;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Faithful.Analyzers.Generation;

/// <summary>
/// Emits, for each supported <c>[ReferenceProgram]</c> method, code that builds its <c>Faithful.Model.StepProgram</c>,
/// and one catalog per assembly (<c>Faithful.Generated.ReferencePrograms</c>). Unsupported methods are skipped
/// silently: the analyzers report them.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ReferenceProgramGenerator : IIncrementalGenerator
{
    private const string StepProgramTypeName = "Faithful.Model.StepProgram";

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var programs = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                ProgramExtractor.ReferenceProgramAttributeName,
                static (node, _) => node is MethodDeclarationSyntax,
                static (attributeContext, cancellationToken) =>
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    return ProgramExtractor.Extract((MethodDeclarationSyntax)attributeContext.TargetNode, attributeContext.SemanticModel, cancellationToken);
                })
            .WithTrackingName(TrackingNames.Extraction)
            .Where(static result => result.Program is not null)
            .Select(static (result, _) => result.Program!)
            .WithTrackingName(TrackingNames.SupportedPrograms);

        // Generated code builds Faithful.Core types; without the reference it would only add compile errors.
        var coreReferenced = context.CompilationProvider
            .Select(static (compilation, _) => compilation.GetTypeByMetadataName(StepProgramTypeName) is not null)
            .WithTrackingName(TrackingNames.CoreReferenced);

        context.RegisterSourceOutput(programs.Combine(coreReferenced), static (output, pair) =>
        {
            if (pair.Right)
            {
                output.CancellationToken.ThrowIfCancellationRequested();
                output.AddSource(GeneratedNames.HintName(pair.Left.Id), ProgramEmitter.Emit(pair.Left));
            }
        });

        var catalog = programs
            .Select(static (program, _) => CatalogEntry.From(program))
            .WithTrackingName(TrackingNames.CatalogEntries)
            .Collect()
            .WithTrackingName(TrackingNames.Catalog);

        context.RegisterSourceOutput(catalog.Combine(coreReferenced), static (output, pair) =>
        {
            if (pair.Right)
            {
                // Two methods with the same id (partial classes across files) would collide; keep the first.
                var unique = pair.Left.GroupBy(e => e.Id).Select(g => g.First()).ToImmutableArray();
                output.AddSource(CatalogEmitter.HintName, CatalogEmitter.Emit(unique));
            }
        });
    }
}
