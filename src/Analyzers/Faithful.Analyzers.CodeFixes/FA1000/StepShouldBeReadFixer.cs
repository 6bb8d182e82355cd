using System.Collections.Immutable;
using System.Composition;
using Faithful.Analyzers.FA1000;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Faithful.Analyzers.CodeFixes.FA1000;

/// <summary>FA1005: removes a dead step, or marks it an intentional distractor with <c>[Distractor("name")]</c>.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp), Shared]
public sealed class StepShouldBeReadFixer : CodeFixProvider
{
    public const string RemoveStepKey = "FA1005_RemoveStep";

    public const string MarkDistractorKey = "FA1005_MarkDistractor";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ["FA1005"];

    // Several distractor attributes land on the same method, so fix-all edits the tree once per document.
    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(async (fixAll, document, diagnostics) =>
    {
        var root = await document.GetSyntaxRootAsync(fixAll.CancellationToken).ConfigureAwait(false);
        return root is null ? document : document.WithSyntaxRoot(Apply(root, diagnostics, fixAll.CodeActionEquivalenceKey));
    });

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var name = diagnostic.Properties.TryGetValue(StepShouldBeReadAnalyzer.StepNameProperty, out var value) ? value : null;
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Remove the unused step",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(Apply(root, [diagnostic], RemoveStepKey))),
                    RemoveStepKey),
                diagnostic);
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Mark '{name}' as an intentional distractor",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(Apply(root, [diagnostic], MarkDistractorKey))),
                    MarkDistractorKey),
                diagnostic);
        }
    }

    private static SyntaxNode Apply(SyntaxNode root, ImmutableArray<Diagnostic> diagnostics, string? key)
    {
        var statements = diagnostics
            .Select(d => root.FindNode(d.Location.SourceSpan) as StatementSyntax)
            .Where(s => s is not null)
            .Select(s => s!)
            .ToList();
        if (key == RemoveStepKey)
        {
            return root.RemoveNodes(statements, SyntaxRemoveOptions.KeepNoTrivia) ?? root;
        }

        var endOfLine = root.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia)) is { } eol && eol.ToString() == "\r\n"
            ? SyntaxFactory.CarriageReturnLineFeed
            : SyntaxFactory.LineFeed;
        var names = diagnostics.ToDictionary(
            d => d.Location.SourceSpan,
            d => d.Properties.TryGetValue(StepShouldBeReadAnalyzer.StepNameProperty, out var value) ? value ?? string.Empty : string.Empty);
        var methods = statements
            .Select(s => (Statement: s, Method: s.FirstAncestorOrSelf<MethodDeclarationSyntax>()))
            .Where(pair => pair.Method is not null)
            .GroupBy(pair => pair.Method!);
        return root.ReplaceNodes(
            methods.Select(g => g.Key),
            (original, _) =>
            {
                var updated = original;
                foreach (var (statement, _) in methods.First(g => g.Key == original).OrderBy(p => p.Statement.SpanStart))
                {
                    var attribute = SyntaxFactory.Attribute(
                        SyntaxFactory.IdentifierName("Distractor"),
                        SyntaxFactory.AttributeArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.AttributeArgument(
                            SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(names[statement.Span]))))));
                    var list = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(attribute))
                        .WithTrailingTrivia(endOfLine);
                    updated = updated.AddAttributeLists(list);
                }

                return updated.WithAdditionalAnnotations(Microsoft.CodeAnalysis.Formatting.Formatter.Annotation);
            });
    }
}
