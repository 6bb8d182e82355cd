using Microsoft.CodeAnalysis;

namespace Faithful.Analyzers.Utility;

/// <summary>The Faithful attribute symbols, looked up once per compilation.</summary>
internal sealed class FaithfulTypes
{
    private FaithfulTypes(INamedTypeSymbol referenceProgram, INamedTypeSymbol? promptFor, INamedTypeSymbol? distractor, INamedTypeSymbol? domain)
    {
        ReferenceProgram = referenceProgram;
        PromptFor = promptFor;
        Distractor = distractor;
        Domain = domain;
    }

    public INamedTypeSymbol ReferenceProgram { get; }

    public INamedTypeSymbol? PromptFor { get; }

    public INamedTypeSymbol? Distractor { get; }

    public INamedTypeSymbol? Domain { get; }

    /// <summary>Null when the compilation does not reference Faithful: every analyzer then does nothing.</summary>
    public static FaithfulTypes? TryCreate(Compilation compilation)
    {
        var referenceProgram = compilation.GetTypeByMetadataName("Faithful.ReferenceProgramAttribute");
        return referenceProgram is null
            ? null
            : new FaithfulTypes(
                referenceProgram,
                compilation.GetTypeByMetadataName("Faithful.PromptForAttribute"),
                compilation.GetTypeByMetadataName("Faithful.DistractorAttribute"),
                compilation.GetTypeByMetadataName("Faithful.DomainAttribute"));
    }

    public bool IsReferenceProgram(IMethodSymbol method)
    {
        foreach (var attribute in method.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, ReferenceProgram))
            {
                return true;
            }
        }

        return false;
    }
}
