namespace Faithful.Analyzers.Utility;

/// <summary>Diagnostic categories; each owns one id range in DiagnosticCategoryAndIdRanges.txt.</summary>
internal static class Categories
{
    public const string ReferenceProgram = nameof(ReferenceProgram);

    public const string Prompt = nameof(Prompt);
}
