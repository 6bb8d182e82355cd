using System.Collections.Immutable;
using System.Composition;
using Faithful.Analyzers.Utility;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Faithful.Analyzers.CodeFixes.FA1000;

/// <summary>FA1009: turns a narrower integral type (int, short, byte, ...) into long, which holds every value it held.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp), Shared]
public sealed class TypeMustBeSupportedFixer : CodeFixProvider
{
    public const string ChangeToLongKey = "FA1009_ChangeToLong";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ["FA1009"];

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.ContainsKey(SupportedTypes.WidensToLong)
                || root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not TypeSyntax type)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Change the type to 'long'",
                    _ =>
                    {
                        var longType = SyntaxFactory.PredefinedType(SyntaxFactory.Token(SyntaxKind.LongKeyword)).WithTriviaFrom(type);
                        return Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(type, longType)));
                    },
                    ChangeToLongKey),
                diagnostic);
        }
    }
}
