using System.Collections.Immutable;
using System.Composition;
using System.Text.RegularExpressions;
using Faithful.Analyzers.CodeFixes.Prompts;
using Faithful.Analyzers.Prompts;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace Faithful.Analyzers.CodeFixes.FA2000;

/// <summary>
/// FA2004: replaces a stated "N steps" with the program's step count. A numbered step list is left to the author:
/// renumbering a list does not add or remove the steps it describes.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, DocumentKinds = [nameof(TextDocumentKind.Document), nameof(TextDocumentKind.AdditionalDocument)]), Shared]
public sealed class StepCountMustMatchProgramFixer : PromptTextFixer
{
    public const string UseProgramStepCountKey = "FA2004_UseProgramStepCount";

    private static readonly Regex StatedCount = new(@"^(?<n>\d{1,4})\s+steps$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ["FA2004"];

    private protected override string EquivalenceKey => UseProgramStepCountKey;

    private protected override string Title(Diagnostic diagnostic) =>
        $"Say {diagnostic.Properties[PromptChecker.StepCountProperty]} steps";

    // Only a count located exactly on "N steps" is replaced; one reported on a whole escaped literal has no safe edit.
    private protected override Task<TextChange?> ChangeAsync(TextDocument document, SourceText text, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var span = diagnostic.Location.SourceSpan;
        if (!diagnostic.Properties.TryGetValue(PromptChecker.StepCountProperty, out var count)
            || count is null
            || span.End > text.Length
            || StatedCount.Match(text.ToString(span)) is not { Success: true } match)
        {
            return Task.FromResult<TextChange?>(null);
        }

        var number = match.Groups["n"];
        return Task.FromResult<TextChange?>(new TextChange(new TextSpan(span.Start + number.Index, number.Length), count));
    }
}
