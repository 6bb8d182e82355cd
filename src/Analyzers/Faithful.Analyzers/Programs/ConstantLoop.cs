using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Faithful.Analyzers.Programs;

/// <summary>Recognises <c>for (var i = C0; i &lt; C1; i++)</c> with literal bounds, the only loop that unrolls into steps.</summary>
internal static class ConstantLoop
{
    /// <summary>Loops that would run longer are not treated as constant.</summary>
    public const int MaxIterations = 1_000_000;

    public static bool TryRead(ForStatementSyntax loop, out string counter, out long start, out long stride, out long iterations)
    {
        counter = string.Empty;
        start = stride = iterations = 0;
        if (loop.Declaration is not { Variables: [{ Initializer.Value: { } init } declarator] }
            || loop.Initializers.Count != 0
            || loop.Incrementors.Count != 1
            || loop.Condition is not BinaryExpressionSyntax condition
            || !TryConstant(init, out start))
        {
            return false;
        }

        counter = declarator.Identifier.ValueText;
        if (!TryStride(loop.Incrementors[0], counter, out stride)
            || condition.Left is not IdentifierNameSyntax left
            || left.Identifier.ValueText != counter
            || !TryConstant(condition.Right, out var bound)
            || WritesCounter(loop.Statement, counter))
        {
            return false;
        }

        return TryCount(condition.Kind(), start, stride, bound, out iterations);
    }

    private static bool TryCount(SyntaxKind comparison, long start, long stride, long bound, out long iterations)
    {
        iterations = 0;
        decimal span = comparison switch
        {
            SyntaxKind.LessThanExpression when stride > 0 => (decimal)bound - start,
            SyntaxKind.LessThanOrEqualExpression when stride > 0 => (decimal)bound - start + 1,
            SyntaxKind.GreaterThanExpression when stride < 0 => (decimal)start - bound,
            SyntaxKind.GreaterThanOrEqualExpression when stride < 0 => (decimal)start - bound + 1,
            _ => -1m,
        };
        if (span < 0)
        {
            return false;
        }

        var count = Math.Ceiling(span / Math.Abs(stride));
        if (count > MaxIterations)
        {
            return false;
        }

        iterations = (long)count;
        return true;
    }

    private static bool TryStride(ExpressionSyntax incrementor, string counter, out long stride)
    {
        stride = 0;
        switch (incrementor)
        {
            case PostfixUnaryExpressionSyntax { Operand: IdentifierNameSyntax id } post when id.Identifier.ValueText == counter:
                stride = post.IsKind(SyntaxKind.PostIncrementExpression) ? 1 : -1;
                return true;
            case PrefixUnaryExpressionSyntax { Operand: IdentifierNameSyntax id } pre when id.Identifier.ValueText == counter:
                stride = pre.IsKind(SyntaxKind.PreIncrementExpression) ? 1 : pre.IsKind(SyntaxKind.PreDecrementExpression) ? -1 : 0;
                return stride != 0;
            case AssignmentExpressionSyntax { Left: IdentifierNameSyntax id } assignment when id.Identifier.ValueText == counter
                && TryConstant(assignment.Right, out var amount) && amount > 0:
                stride = assignment.IsKind(SyntaxKind.AddAssignmentExpression) ? amount
                    : assignment.IsKind(SyntaxKind.SubtractAssignmentExpression) ? -amount : 0;
                return stride != 0;
            default:
                return false;
        }
    }

    private static bool WritesCounter(StatementSyntax body, string counter)
    {
        foreach (var node in body.DescendantNodes())
        {
            var target = node switch
            {
                AssignmentExpressionSyntax a => a.Left,
                PostfixUnaryExpressionSyntax p => p.Operand,
                PrefixUnaryExpressionSyntax p when p.IsKind(SyntaxKind.PreIncrementExpression) || p.IsKind(SyntaxKind.PreDecrementExpression) => p.Operand,
                _ => null,
            };
            if (target is IdentifierNameSyntax id && id.Identifier.ValueText == counter)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>An integer literal, optionally negated or parenthesised.</summary>
    public static bool TryConstant(ExpressionSyntax expression, out long value)
    {
        value = 0;
        switch (expression)
        {
            case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.NumericLiteralExpression):
                switch (literal.Token.Value)
                {
                    case int i: value = i; return true;
                    case long l: value = l; return true;
                    case uint u: value = u; return true;
                    default: return false;
                }

            case PrefixUnaryExpressionSyntax negate when negate.IsKind(SyntaxKind.UnaryMinusExpression) && TryConstant(negate.Operand, out var inner):
                value = -inner;
                return true;
            case ParenthesizedExpressionSyntax parenthesized:
                return TryConstant(parenthesized.Expression, out value);
            default:
                return false;
        }
    }
}
