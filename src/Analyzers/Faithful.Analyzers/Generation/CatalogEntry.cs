using Faithful.Model;

namespace Faithful.Analyzers.Generation;

/// <summary>What the catalog needs of one program; kept small so that editing a step body leaves it cached.</summary>
public readonly record struct CatalogEntry(string Id, string Name, string? ContainingType, string Description)
{
    public static CatalogEntry From(StepProgram program) => new(program.Id, program.Name, program.ContainingType, program.Description);
}
