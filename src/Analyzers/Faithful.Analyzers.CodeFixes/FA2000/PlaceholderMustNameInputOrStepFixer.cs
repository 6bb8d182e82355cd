using System.Collections.Immutable;
using System.Composition;
using Faithful.Analyzers.Prompts;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace Faithful.Analyzers.CodeFixes.FA2000;

/// <summary>FA2001: replaces a misspelt placeholder with the closest input or step name ("did you mean").</summary>
[ExportCodeFixProvider(LanguageNames.CSharp), Shared]
public sealed class PlaceholderMustNameInputOrStepFixer : CodeFixProvider
{
    public const string UseSuggestionKey = "FA2001_UseSuggestedName";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ["FA2001"];

    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(async (fixAll, document, diagnostics) =>
    {
        var text = await document.GetTextAsync(fixAll.CancellationToken).ConfigureAwait(false);
        return document.WithText(text.WithChanges(diagnostics.Select(d => Change(text, d)).Where(c => c is not null).Select(c => c!.Value)));
    });

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var text = await context.Document.GetTextAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (Change(text, diagnostic) is { } change)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Use '{diagnostic.Properties[PromptChecker.SuggestionProperty]}'",
                        _ => Task.FromResult(context.Document.WithText(text.WithChanges(change))),
                        UseSuggestionKey),
                    diagnostic);
            }
        }
    }

    // Only an exactly located placeholder is rewritten; one reported on the whole literal has no safe edit.
    private static TextChange? Change(SourceText text, Diagnostic diagnostic)
    {
        if (!diagnostic.Properties.TryGetValue(PromptChecker.SuggestionProperty, out var suggestion) || suggestion is null)
        {
            return null;
        }

        var span = diagnostic.Location.SourceSpan;
        var written = text.ToString(span);
        return written.StartsWith("{{", StringComparison.Ordinal) && written.EndsWith("}}", StringComparison.Ordinal)
            ? new TextChange(span, "{{" + suggestion + "}}")
            : null;
    }
}
