using System.Collections.Immutable;
using System.Composition;
using Faithful.Analyzers.CodeFixes.Prompts;
using Faithful.Analyzers.Prompts;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace Faithful.Analyzers.CodeFixes.FA2000;

/// <summary>FA2001: replaces a misspelt placeholder with the closest input or step name ("did you mean"), in constants and prompt files.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, DocumentKinds = [nameof(TextDocumentKind.Document), nameof(TextDocumentKind.AdditionalDocument)]), Shared]
public sealed class PlaceholderMustNameInputOrStepFixer : PromptTextFixer
{
    public const string UseSuggestionKey = "FA2001_UseSuggestedName";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ["FA2001"];

    private protected override string EquivalenceKey => UseSuggestionKey;

    private protected override string Title(Diagnostic diagnostic) =>
        $"Use '{diagnostic.Properties[PromptChecker.SuggestionProperty]}'";

    // Only an exactly located placeholder is rewritten; one reported on the whole literal has no safe edit.
    private protected override Task<TextChange?> ChangeAsync(TextDocument document, SourceText text, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (!diagnostic.Properties.TryGetValue(PromptChecker.SuggestionProperty, out var suggestion) || suggestion is null)
        {
            return Task.FromResult<TextChange?>(null);
        }

        var span = diagnostic.Location.SourceSpan;
        var written = span.End <= text.Length ? text.ToString(span) : string.Empty;
        return Task.FromResult<TextChange?>(
            written.StartsWith("{{", StringComparison.Ordinal) && written.EndsWith("}}", StringComparison.Ordinal)
                ? new TextChange(span, "{{" + suggestion + "}}")
                : null);
    }
}
