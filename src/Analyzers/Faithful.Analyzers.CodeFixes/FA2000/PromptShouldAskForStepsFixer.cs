using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Faithful.Analyzers.CodeFixes.FA2000;

/// <summary>FA2003: appends the standard step-by-step output instruction to the prompt constant.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp), Shared]
public sealed class PromptShouldAskForStepsFixer : CodeFixProvider
{
    public const string AppendInstructionKey = "FA2003_AppendStepInstruction";

    /// <summary>The standard instruction: one strict, parseable line per step, then the tagged answer.</summary>
    public const string StepInstruction =
        "\n\nExecute the program one step at a time. After each step, write one line 'name = value' with the step's name and its value (for example 's1 = 42'), in program order. Then give the final answer as <result>value</result>.";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ["FA2003"];

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root?.FindToken(diagnostic.Location.SourceSpan.Start).Parent is not VariableDeclaratorSyntax { Initializer.Value: { } value })
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Ask for each step's value",
                    _ =>
                    {
                        var appended = SyntaxFactory.BinaryExpression(
                            SyntaxKind.AddExpression,
                            value.WithoutTrailingTrivia(),
                            SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(StepInstruction)))
                            .WithTrailingTrivia(value.GetTrailingTrivia());
                        return Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(value, appended)));
                    },
                    AppendInstructionKey),
                diagnostic);
        }
    }
}
