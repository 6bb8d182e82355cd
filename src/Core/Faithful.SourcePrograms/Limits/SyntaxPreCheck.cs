using System.Globalization;
using Faithful.Analyzers.Extraction;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Faithful.SourcePrograms.Limits;

/// <summary>
/// Measures a method body on the syntax tree, with an explicit stack (never recursion), before any semantic call:
/// operator nesting, statement nesting, statement and term counts. Roslyn's binder and the extractor both recurse
/// on nesting, so a body past these limits is refused here.
/// </summary>
internal static class SyntaxPreCheck
{
    /// <summary>The first limit <paramref name="body"/> breaks, with the node to blame; null when it keeps them all.</summary>
    /// <param name="uncountedStatements">Statements the reader itself added (a synthetic return), not counted.</param>
    public static (SyntaxNode Node, ProblemKind Kind, string Message)? Check(SyntaxNode body, ProgramReadLimits limits, int uncountedStatements = 0)
    {
        var stack = new Stack<(SyntaxNode Node, int ExpressionDepth, int StatementDepth)>();
        stack.Push((body, 0, 0));
        var deepestExpression = (Node: body, Depth: 0);
        var deepestStatement = (Node: body, Depth: 0);
        var statements = -uncountedStatements;
        var terms = 0;
        while (stack.Count > 0)
        {
            var (node, expressionDepth, statementDepth) = stack.Pop();
            if (node is ExpressionSyntax and not (ParenthesizedExpressionSyntax or AssignmentExpressionSyntax))
            {
                expressionDepth++;
                if (expressionDepth > deepestExpression.Depth)
                {
                    deepestExpression = (node, expressionDepth);
                }
            }

            if (node is StatementSyntax)
            {
                statementDepth++;
                statements += node is BlockSyntax ? 0 : 1;
                if (statementDepth > deepestStatement.Depth)
                {
                    deepestStatement = (node, statementDepth);
                }
            }

            if (node is IdentifierNameSyntax or LiteralExpressionSyntax)
            {
                terms++;
            }

            foreach (var child in node.ChildNodes())
            {
                stack.Push((child, expressionDepth, statementDepth));
            }
        }

        if (deepestStatement.Depth > limits.MaxStatementDepth)
        {
            return (deepestStatement.Node, ProblemKind.UnsupportedStatement, Text(
                $"Statements nest {deepestStatement.Depth} deep (blocks, loops, ifs); at most {limits.MaxStatementDepth} levels are read. Flatten the nesting."));
        }

        if (deepestExpression.Depth > limits.MaxExpressionDepth)
        {
            return (deepestExpression.Node, ProblemKind.UnsupportedExpression, Text(
                $"The expression nests {deepestExpression.Depth} operators deep; at most {limits.MaxExpressionDepth} are read. Split it into several steps."));
        }

        if (statements > limits.MaxStatements)
        {
            return (body, ProblemKind.UnsupportedStatement, Text(
                $"The program holds {statements} statements; at most {limits.MaxStatements} are read, as many as the steps a program may unroll to."));
        }

        if (terms > limits.MaxTerms)
        {
            return (body, ProblemKind.UnsupportedExpression, Text(
                $"The program holds {terms} terms (names and numbers); at most {limits.MaxTerms} are read. A program this large cannot be traced step by step; split it."));
        }

        return null;
    }

    /// <summary>Roslyn's own guard: CS8078 means the parser gave up on nesting it could not follow.</summary>
    public static Diagnostic? TooComplex(SyntaxTree tree) =>
        tree.GetDiagnostics().FirstOrDefault(d => d.Id == "CS8078");

    public static string TooComplexMessage(ProgramReadLimits limits) => Text(
        $"The text nests too deep for the C# parser (CS8078); at most {limits.MaxExpressionDepth} operators and {limits.MaxStatementDepth} statement levels are read. Split it into several steps.");

    private static string Text(FormattableString message) => message.ToString(CultureInfo.InvariantCulture);
}
