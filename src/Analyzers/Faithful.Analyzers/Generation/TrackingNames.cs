namespace Faithful.Analyzers.Generation;

/// <summary>Names of the generator's pipeline steps, for caching tests.</summary>
public static class TrackingNames
{
    public const string Extraction = nameof(Extraction);
    public const string SupportedPrograms = nameof(SupportedPrograms);
    public const string CoreReferenced = nameof(CoreReferenced);
    public const string CatalogEntries = nameof(CatalogEntries);
    public const string Catalog = nameof(Catalog);

    /// <summary>Every tracked step, for tests that walk them all.</summary>
    public static readonly string[] All = [Extraction, SupportedPrograms, CoreReferenced, CatalogEntries, Catalog];
}
