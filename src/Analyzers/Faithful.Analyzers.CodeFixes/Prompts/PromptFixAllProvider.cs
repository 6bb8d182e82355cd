using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Faithful.Analyzers.CodeFixes.Prompts;

/// <summary>
/// Fix-all for prompt text fixes across C# documents and <c>*.prompt.md</c> additional documents: the batch fixer
/// only visits C# documents, and several edits to one prompt must be merged rather than dropped as conflicts.
/// </summary>
internal sealed class PromptFixAllProvider(PromptTextFixer fixer) : FixAllProvider
{
    public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() =>
        [FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution];

    public override Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
    {
        if (fixAllContext.CodeActionEquivalenceKey != fixer.Key)
        {
            return Task.FromResult<CodeAction?>(null);
        }

        return Task.FromResult<CodeAction?>(CodeAction.Create(
            "Fix all " + string.Join(", ", fixer.Ids),
            ct => FixAsync(fixAllContext.WithCancellationToken(ct)),
            fixer.Key));
    }

    private async Task<Solution> FixAsync(FixAllContext context)
    {
        var projects = context.Scope == FixAllScope.Solution ? context.Solution.Projects : [context.Project];
        var solution = context.Solution;
        foreach (var project in projects)
        {
            var diagnostics = await context.GetAllDiagnosticsAsync(project).ConfigureAwait(false);
            var byDocument = diagnostics
                .Where(d => fixer.Ids.Contains(d.Id))
                .Select(d => (Document: PromptDocuments.Find(project, d), Diagnostic: d))
                .Where(p => p.Document is not null && (context.Scope != FixAllScope.Document || InScope(context, p.Document)))
                .GroupBy(p => p.Document!.Id);
            foreach (var group in byDocument)
            {
                var document = group.First().Document!;
                var text = await fixer.FixAllAsync(document, group.Select(p => p.Diagnostic), context.CancellationToken).ConfigureAwait(false);
                solution = document is Document
                    ? solution.WithDocumentText(document.Id, text)
                    : solution.WithAdditionalDocumentText(document.Id, text);
            }
        }

        return solution;
    }

    // Document scope on a C# document is that document; on a prompt file the context carries no C# document,
    // so every prompt file of the project is in scope.
    private static bool InScope(FixAllContext context, TextDocument document) =>
        context.Document is { } scoped ? scoped.Id == document.Id : document is not Document;
}
