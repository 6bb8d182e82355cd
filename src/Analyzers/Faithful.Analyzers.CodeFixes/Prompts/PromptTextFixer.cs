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

    // Insertions at one point (several missing inputs of one prompt) are joined in the diagnostics' order; an
    // identical edit is applied once; an edit overlapping an earlier one is dropped, since the texts conflict.
    private static List<TextChange> Merge(List<TextChange> changes)
    {
        var merged = new List<TextChange>();
        var seen = new HashSet<(TextSpan, string?)>();

        // OrderBy is stable, so insertions at one point keep the diagnostics' order.
        foreach (var change in changes.OrderBy(c => c.Span.Start).ThenBy(c => c.Span.Length))
        {
            if (!seen.Add((change.Span, change.NewText)))
            {
                continue;
            }

            var last = merged.Count > 0 ? merged[merged.Count - 1] : (TextChange?)null;
            if (last is { } previous && previous.Span.IsEmpty && previous.Span == change.Span)
            {
                merged[merged.Count - 1] = new TextChange(previous.Span, previous.NewText + change.NewText);
            }
            else if (last is null || change.Span.Start >= last.Value.Span.End)
            {
                merged.Add(change);
            }
        }

        return merged;
    }

    internal ImmutableArray<string> Ids => FixableDiagnosticIds;

    internal string Key => EquivalenceKey;
}
