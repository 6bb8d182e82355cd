using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Faithful.Analyzers.CodeFixes.Prompts;

/// <summary>Where a prompt diagnostic lies: a C# document (a <c>[PromptFor]</c> constant) or a <c>*.prompt.md</c> additional document.</summary>
internal static class PromptDocuments
{
    public static TextDocument? Find(Project project, Diagnostic diagnostic)
    {
        var location = diagnostic.Location;
        if (location.SourceTree is { } tree)
        {
            return project.GetDocument(tree);
        }

        if (location.Kind != LocationKind.ExternalFile)
        {
            return null;
        }

        var path = location.GetLineSpan().Path;
        return project.AdditionalDocuments.FirstOrDefault(d => string.Equals(d.FilePath, path, StringComparison.Ordinal));
    }

    public static Solution WithText(TextDocument document, SourceText text) => document switch
    {
        Document source => source.WithText(text).Project.Solution,
        _ => document.Project.Solution.WithAdditionalDocumentText(document.Id, text),
    };
}
