using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace Faithful.Analyzers.CodeFixes.Prompts;

/// <summary>
/// A fix that edits a prompt's text, in a <c>[PromptFor]</c> constant or a <c>*.prompt.md</c> additional file.
/// Each diagnostic maps to at most one text change; fix-all merges the changes per file.
/// </summary>
public abstract class PromptTextFixer : CodeFixProvider
{
    /// <summary>The one equivalence key of this fix.</summary>
    private protected abstract string EquivalenceKey { get; }

    private protected abstract string Title(Diagnostic diagnostic);

    /// <summary>The edit for one diagnostic, or null when it has no safe edit (e.g. a span inside an escaped literal).</summary>
    private protected abstract Task<TextChange?> ChangeAsync(TextDocument document, SourceText text, Diagnostic diagnostic, CancellationToken cancellationToken);

    /// <summary>Orders edits that insert at the same point (e.g. missing inputs in parameter order).</summary>
    private protected virtual int Order(Diagnostic diagnostic) => 0;

    public sealed override FixAllProvider GetFixAllProvider() => new PromptFixAllProvider(this);

    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var document = context.TextDocument;
        var text = await document.GetTextAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (await ChangeAsync(document, text, diagnostic, context.CancellationToken).ConfigureAwait(false) is { } change)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(Title(diagnostic), _ => Task.FromResult(PromptDocuments.WithText(document, text.WithChanges(change))), EquivalenceKey),
                    diagnostic);
            }
        }
    }

    /// <summary>Applies the fix for <paramref name="diagnostics"/>, all in <paramref name="document"/>, at once.</summary>
    internal async Task<SourceText> FixAllAsync(TextDocument document, IEnumerable<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        var changes = new List<TextChange>();
        foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start).ThenBy(Order))
        {
            if (await ChangeAsync(document, text, diagnostic, cancellationToken).ConfigureAwait(false) is { } change)
            {
                changes.Add(change);
            }
        }

        return text.WithChanges(Merge(changes));
    }

    // Insertions at one point (several missing inputs of one prompt) are joined in order; an identical edit is
    // applied once; an edit overlapping an earlier one is left for the next round.
    private static List<TextChange> Merge(List<TextChange> changes)
    {
        var merged = new List<TextChange>();
        // A stable sort: insertions at one point keep the diagnostics' order.
        foreach (var change in changes.OrderBy(c => c.Span.Start).ThenBy(c => c.Span.Length))
        {
            if (merged.Count == 0)
            {
                merged.Add(change);
                continue;
            }

            var last = merged[merged.Count - 1];
            if (last.Span == change.Span && last.Span.IsEmpty)
            {
                if (!last.NewText!.Contains(change.NewText!))
                {
                    merged[merged.Count - 1] = new TextChange(last.Span, last.NewText + change.NewText);
                }
            }
            else if (change.Span.Start >= last.Span.End && !(last.Span.IsEmpty && change.Span.Start == last.Span.Start))
            {
                merged.Add(change);
            }
        }

        return merged;
    }

    internal ImmutableArray<string> Ids => FixableDiagnosticIds;

    internal string Key => EquivalenceKey;
}
