using System.Collections.Immutable;
using System.Composition;
using Faithful.Analyzers.CodeFixes.Prompts;
using Faithful.Analyzers.Prompts;
using Faithful.Prompts;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace Faithful.Analyzers.CodeFixes.FA2000;

/// <summary>
/// FA2002: supplies a missing input as a line <c>b = {{b}}</c>, the <c>name = value</c> form the renderer's
/// <c>{{inputs}}</c> block uses. A constant gets it appended; a prompt file gets it after the line that supplies
/// the last input it already has, else right after the header.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, DocumentKinds = [nameof(TextDocumentKind.Document), nameof(TextDocumentKind.AdditionalDocument)]), Shared]
public sealed class PromptShouldSupplyEveryInputFixer : PromptTextFixer
{
    public const string SupplyInputKey = "FA2002_SupplyMissingInput";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ["FA2002"];

    private protected override string EquivalenceKey => SupplyInputKey;

    private protected override string Title(Diagnostic diagnostic) =>
        $"Supply input '{diagnostic.Properties[PromptChecker.InputProperty]}'";

    private protected override int Order(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(PromptChecker.InputProperty, out var input) && input is not null
            ? Array.IndexOf(Inputs(diagnostic), input)
            : int.MaxValue;

    /// <summary>The line that supplies <paramref name="input"/>: <c>b = {{b}}</c>.</summary>
    public static string InputLine(string input) => input + " = {{" + input + "}}";

    private protected override async Task<TextChange?> ChangeAsync(TextDocument document, SourceText text, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (!diagnostic.Properties.TryGetValue(PromptChecker.InputProperty, out var input) || string.IsNullOrEmpty(input))
        {
            return null;
        }

        if (document is Document)
        {
            return await PromptEdit.AppendToConstantAsync(document, diagnostic, "\n" + InputLine(input!), cancellationToken).ConfigureAwait(false);
        }

        return PromptEdit.InsertLine(text, InsertionPoint(text, Inputs(diagnostic)), InputLine(input!));
    }

    private static string[] Inputs(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(PromptChecker.AllInputsProperty, out var all) && all is not null
            ? all.Split(',')
            : [];

    // The start of the line after the last placeholder naming an input; after the header line when there is none.
    private static int InsertionPoint(SourceText text, string[] inputs)
    {
        var lastInput = PlaceholderSyntax.Parse(text.ToString())
            .Where(p => p.IsClosed && Array.IndexOf(inputs, p.Name) >= 0)
            .Select(p => (int?)p.Start)
            .LastOrDefault();
        var line = text.Lines.GetLineFromPosition(lastInput ?? 0);
        return line.EndIncludingLineBreak;
    }
}
