using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace Faithful.Analyzers.CodeFixes.FA1000;

/// <summary>
/// FA1008: splits a long program into two checkpointed sub-programs at the top-level statement nearest the middle
/// where exactly one written variable carries over: <c>NamePart1</c> returns it, <c>NamePart2</c> takes it as an input
/// (with the inputs it still reads) and ends with the original answer. No fix when no such point exists.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp), Shared]
public sealed class ProgramShouldFitStepBudgetFixer : CodeFixProvider
{
    public const string SplitKey = "FA1008_SplitIntoCheckpointedPrograms";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ["FA1008"];

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root?.FindToken(diagnostic.Location.SourceSpan.Start).Parent is not MethodDeclarationSyntax method
                || model is null
                || Split(method, model, context.CancellationToken) is not { } parts)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Split into '{parts[0].Identifier.ValueText}' and '{parts[1].Identifier.ValueText}'",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(method, parts))),
                    SplitKey),
                diagnostic);
        }
    }

    private static MethodDeclarationSyntax[]? Split(MethodDeclarationSyntax method, SemanticModel model, CancellationToken cancellationToken)
    {
        if (method.Body is not { Statements: { Count: >= 3 } all } || all.Last() is not ReturnStatementSyntax { Expression: not null } ret)
        {
            return null;
        }

        var statements = all.Take(all.Count - 1).ToList();
        var parameters = method.ParameterList.Parameters.Select(p => p.Identifier.ValueText).ToList();
        var best = -1;
        string? checkpoint = null;
        for (var k = 1; k < statements.Count; k++)
        {
            var carried = Carried(statements, ret, k, parameters);
            if (carried is [var only] && (best < 0 || Math.Abs(k - (statements.Count / 2.0)) < Math.Abs(best - (statements.Count / 2.0))))
            {
                best = k;
                checkpoint = only;
            }
        }

        if (best < 0 || checkpoint is null || CheckpointType(method, model, checkpoint, cancellationToken) is not { } type)
        {
            return null;
        }

        var before = statements.Take(best).ToList();
        var after = statements.Skip(best).ToList();
        var writtenBefore = Written(before);
        var readAfter = Read(after.Cast<SyntaxNode>().Append(ret));
        var passThrough = method.ParameterList.Parameters
            .Where(p => p.Identifier.ValueText != checkpoint && !writtenBefore.Contains(p.Identifier.ValueText) && readAfter.Contains(p.Identifier.ValueText));

        var name = method.Identifier.ValueText;
        var first = method
            .WithIdentifier(SyntaxFactory.Identifier(name + "Part1"))
            .WithBody(SyntaxFactory.Block(before.Append(SyntaxFactory.ReturnStatement(SyntaxFactory.IdentifierName(checkpoint)))));
        var checkpointParameter = SyntaxFactory.Parameter(SyntaxFactory.Identifier(checkpoint)).WithType(type);
        var second = method
            .WithIdentifier(SyntaxFactory.Identifier(name + "Part2"))
            .WithParameterList(SyntaxFactory.ParameterList(SyntaxFactory.SeparatedList(passThrough.Prepend(checkpointParameter))))
            .WithBody(SyntaxFactory.Block(after.Append<StatementSyntax>(ret)))
            .WithLeadingTrivia(SyntaxFactory.ElasticLineFeed, SyntaxFactory.ElasticMarker);
        return [first.WithAdditionalAnnotations(Formatter.Annotation), second.WithAdditionalAnnotations(Formatter.Annotation)];
    }

    // The variables written before statement k that a later statement (or the return) reads before overwriting.
    private static List<string> Carried(List<StatementSyntax> statements, ReturnStatementSyntax ret, int k, List<string> parameters)
    {
        var written = Written(statements.Take(k));
        var carried = new List<string>();
        foreach (var variable in written)
        {
            foreach (var later in statements.Skip(k).Cast<SyntaxNode>().Append(ret))
            {
                if (Read(new[] { later }).Contains(variable))
                {
                    carried.Add(variable);
                    break;
                }

                if (Written(new[] { later }).Contains(variable))
                {
                    break;
                }
            }
        }

        return carried;
    }

    private static HashSet<string> Written(IEnumerable<SyntaxNode> nodes)
    {
        var written = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in nodes.SelectMany(n => n.DescendantNodesAndSelf()))
        {
            switch (node)
            {
                case VariableDeclaratorSyntax declarator when declarator.Parent?.Parent is LocalDeclarationStatementSyntax:
                    written.Add(declarator.Identifier.ValueText);
                    break;
                case AssignmentExpressionSyntax { Left: IdentifierNameSyntax target }:
                    written.Add(target.Identifier.ValueText);
                    break;
                case PostfixUnaryExpressionSyntax { Operand: IdentifierNameSyntax target }:
                    written.Add(target.Identifier.ValueText);
                    break;
                case PrefixUnaryExpressionSyntax { Operand: IdentifierNameSyntax target } prefix
                    when prefix.IsKind(SyntaxKind.PreIncrementExpression) || prefix.IsKind(SyntaxKind.PreDecrementExpression):
                    written.Add(target.Identifier.ValueText);
                    break;
            }
        }

        return written;
    }

    // Every identifier read, counting a compound assignment's or increment's target as read; a plain '=' target is not.
    private static HashSet<string> Read(IEnumerable<SyntaxNode> nodes)
    {
        var read = new HashSet<string>(StringComparer.Ordinal);
        foreach (var identifier in nodes.SelectMany(n => n.DescendantNodesAndSelf()).OfType<IdentifierNameSyntax>())
        {
            if (identifier.Parent is AssignmentExpressionSyntax assignment && assignment.Left == identifier && assignment.IsKind(SyntaxKind.SimpleAssignmentExpression))
            {
                continue;
            }

            read.Add(identifier.Identifier.ValueText);
        }

        return read;
    }

    private static PredefinedTypeSyntax? CheckpointType(MethodDeclarationSyntax method, SemanticModel model, string name, CancellationToken cancellationToken)
    {
        var declarator = method.DescendantNodes().OfType<VariableDeclaratorSyntax>().FirstOrDefault(d => d.Identifier.ValueText == name);
        ITypeSymbol? type = declarator is not null
            ? (model.GetDeclaredSymbol(declarator, cancellationToken) as ILocalSymbol)?.Type
            : method.ParameterList.Parameters.FirstOrDefault(p => p.Identifier.ValueText == name) is { } parameter
                ? (model.GetDeclaredSymbol(parameter, cancellationToken) as IParameterSymbol)?.Type
                : null;
        return type?.SpecialType switch
        {
            SpecialType.System_Int64 => SyntaxFactory.PredefinedType(SyntaxFactory.Token(SyntaxKind.LongKeyword)),
            SpecialType.System_Double => SyntaxFactory.PredefinedType(SyntaxFactory.Token(SyntaxKind.DoubleKeyword)),
            _ => null,
        };
    }
}
