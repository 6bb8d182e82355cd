using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Faithful.Analyzers.CodeFixes.FA1000;

/// <summary>
/// FA1003: gives a re-declared step a new name (the next free <c>sN</c> for <c>sN</c>-style names, else <c>name2</c>),
/// renaming the reads that follow it up to the next declaration of the old name.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp), Shared]
public sealed class VariableMustBeDeclaredOnceFixer : CodeFixProvider
{
    public const string RenameKey = "FA1003_IntroduceNewStepName";

    private static readonly Regex Numbered = new(@"^(?<stem>[A-Za-z_]+)(?<n>\d+)$", RegexOptions.CultureInvariant);

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ["FA1003"];

    // Renames overlap, so fix-all marks every target first, then renames them in source order as one fix at a time would.
    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(async (fixAll, document, diagnostics) =>
    {
        var root = await document.GetSyntaxRootAsync(fixAll.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var targets = diagnostics
            .Select(d => root.FindToken(d.Location.SourceSpan.Start).Parent)
            .OfType<VariableDeclaratorSyntax>()
            .ToList();
        var marker = new SyntaxAnnotation(RenameKey);
        root = root.ReplaceNodes(targets, (_, updated) => updated.WithAdditionalAnnotations(marker));
        while (root.GetAnnotatedNodes(marker).OfType<VariableDeclaratorSyntax>().OrderBy(d => d.SpanStart).FirstOrDefault() is { } next)
        {
            var position = next.Identifier.SpanStart;
            root = root.ReplaceNode(next, next.WithoutAnnotations(marker));
            root = Rename(root, position) ?? root;
        }

        return document.WithSyntaxRoot(root);
    });

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root is null || Rename(root, diagnostic.Location.SourceSpan.Start) is not { } renamed)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create("Introduce a new step name", _ => Task.FromResult(context.Document.WithSyntaxRoot(renamed)), RenameKey),
                diagnostic);
        }
    }

    private static SyntaxNode? Rename(SyntaxNode root, int position)
    {
        if (root.FindToken(position).Parent is not VariableDeclaratorSyntax declarator
            || declarator.FirstAncestorOrSelf<MethodDeclarationSyntax>() is not { } method)
        {
            return null;
        }

        var oldName = declarator.Identifier.ValueText;
        var newName = FreshName(oldName, method);
        // The renamed step is read from after its declaration up to the next declaration of the old name,
        // whose own initializer still reads it.
        var next = method.DescendantNodes().OfType<VariableDeclaratorSyntax>()
            .FirstOrDefault(d => d.SpanStart > declarator.SpanStart && d.Identifier.ValueText == oldName);
        var end = next is null ? int.MaxValue : next.Span.End;
        var reads = method.DescendantNodes().OfType<IdentifierNameSyntax>()
            .Where(id => id.Identifier.ValueText == oldName && id.SpanStart > declarator.Span.End && id.SpanStart < end)
            .ToList();
        return root.ReplaceSyntax(
            nodes: reads,
            computeReplacementNode: (original, _) => SyntaxFactory.IdentifierName(newName).WithTriviaFrom(original),
            tokens: [declarator.Identifier],
            computeReplacementToken: (original, _) => SyntaxFactory.Identifier(newName).WithTriviaFrom(original),
            trivia: [],
            computeReplacementTrivia: (original, _) => original);
    }

    private static string FreshName(string oldName, MethodDeclarationSyntax method)
    {
        var used = new HashSet<string>(
            method.DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken)).Select(t => t.ValueText),
            StringComparer.Ordinal);
        var match = Numbered.Match(oldName);
        var stem = match.Success ? match.Groups["stem"].Value : oldName;
        var highest = used
            .Select(name => Numbered.Match(name))
            .Where(m => m.Success && m.Groups["stem"].Value == stem)
            .Select(m => int.TryParse(m.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)
            .DefaultIfEmpty(1)
            .Max();
        var candidate = highest + 1;
        while (used.Contains(stem + candidate.ToString(CultureInfo.InvariantCulture)))
        {
            candidate++;
        }

        return stem + candidate.ToString(CultureInfo.InvariantCulture);
    }
}
