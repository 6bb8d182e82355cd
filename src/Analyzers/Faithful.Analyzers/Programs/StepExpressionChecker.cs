using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Faithful.Analyzers.Programs;

/// <summary>
/// Walks the expressions of a program's steps and answer and reports each sub-expression the step model cannot hold.
/// Non-deterministic APIs are left to FA1002, so a construct is reported once.
/// </summary>
internal sealed class StepExpressionChecker
{
    private const string ReadHint = "a step reads only inputs, earlier steps, loop counters and constants";

    private readonly SemanticModel _model;
    private readonly CancellationToken _cancellationToken;
    private readonly List<UnsupportedStatement> _found = [];

    private StepExpressionChecker(SemanticModel model, CancellationToken cancellationToken)
    {
        _model = model;
        _cancellationToken = cancellationToken;
    }

    public static List<UnsupportedStatement> Check(ProgramShape shape, SemanticModel model, CancellationToken cancellationToken)
    {
        var checker = new StepExpressionChecker(model, cancellationToken);
        var seen = new HashSet<SyntaxNode>();
        foreach (var step in shape.Steps)
        {
            if (!seen.Add(step.WriteNode))
            {
                continue;
            }

            switch (step.WriteNode)
            {
                case VariableDeclaratorSyntax { Initializer.Value: { } value }:
                    checker.Visit(value);
                    break;
                case AssignmentExpressionSyntax assignment:
                    checker.Visit(assignment.Right);
                    break;
            }
        }

        if (shape.Result is { } result)
        {
            checker.Visit(result);
        }

        return checker._found;
    }

    private void Visit(ExpressionSyntax expression)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        if (expression.IsMissing || _model.GetConstantValue(expression, _cancellationToken) is { HasValue: true, Value: not string and not bool and not char })
        {
            return;
        }

        switch (expression)
        {
            case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.NumericLiteralExpression):
                return;
            case IdentifierNameSyntax identifier:
                VisitName(identifier);
                return;
            case ParenthesizedExpressionSyntax parenthesized:
                Visit(parenthesized.Expression);
                return;
            case CheckedExpressionSyntax checkedExpression:
                Visit(checkedExpression.Expression);
                return;
            case CastExpressionSyntax cast:
                // The cast's type is FA1009's concern.
                Visit(cast.Expression);
                return;
            case PrefixUnaryExpressionSyntax unary when unary.Kind() is SyntaxKind.UnaryMinusExpression or SyntaxKind.UnaryPlusExpression or SyntaxKind.BitwiseNotExpression:
                Visit(unary.Operand);
                return;
            case BinaryExpressionSyntax binary when IsArithmetic(binary.Kind()):
                Visit(binary.Left);
                Visit(binary.Right);
                return;
            case ConditionalExpressionSyntax conditional:
                VisitCondition(conditional.Condition);
                Visit(conditional.WhenTrue);
                Visit(conditional.WhenFalse);
                return;
            case InvocationExpressionSyntax invocation:
                VisitCall(invocation);
                return;
            case MemberAccessExpressionSyntax access:
                if (!IsNondeterministic(access))
                {
                    Report(access, "The member access '" + access + "'", ReadHint);
                }

                return;
            case ObjectCreationExpressionSyntax or ImplicitObjectCreationExpressionSyntax when IsNondeterministic(expression):
                return;
            case AssignmentExpressionSyntax or PostfixUnaryExpressionSyntax or PrefixUnaryExpressionSyntax:
                Report(expression, "The assignment '" + expression + "' inside an expression", "write each assignment as its own statement, so each step writes one variable once");
                return;
            default:
                Report(expression, "The expression '" + Shorten(expression) + "'", "a step uses + - * / % & | ^ << >> ~, casts to long/double, 'a < b ? x : y' and Math.Abs/Min/Max");
                return;
        }
    }

    private void VisitName(IdentifierNameSyntax identifier)
    {
        var symbol = _model.GetSymbolInfo(identifier, _cancellationToken).Symbol;
        switch (symbol)
        {
            case null or ILocalSymbol or IParameterSymbol:
                return;
            case IFieldSymbol { HasConstantValue: true }:
                return;
            default:
                if (!Nondeterminism.IsNondeterministic(symbol))
                {
                    Report(identifier, "The " + KindName(symbol) + " '" + identifier.Identifier.ValueText + "'", ReadHint);
                }

                return;
        }
    }

    private void VisitCondition(ExpressionSyntax condition)
    {
        while (condition is ParenthesizedExpressionSyntax parenthesized)
        {
            condition = parenthesized.Expression;
        }

        if (condition is BinaryExpressionSyntax comparison && IsComparison(comparison.Kind()))
        {
            Visit(comparison.Left);
            Visit(comparison.Right);
        }
        else
        {
            Report(condition, "The condition '" + Shorten(condition) + "'", "a condition compares two values, as in 'a < b ? x : y'");
        }
    }

    private void VisitCall(InvocationExpressionSyntax invocation)
    {
        var method = _model.GetSymbolInfo(invocation, _cancellationToken).Symbol as IMethodSymbol;
        if (method is null)
        {
            // Unbound (half-typed) calls are the compiler's to report; a method group still is not a step.
            if (_model.GetSymbolInfo(invocation, _cancellationToken).CandidateSymbols.IsEmpty)
            {
                Report(invocation, "A call to '" + Shorten(invocation.Expression) + "'", "only Math.Abs, Math.Min and Math.Max can be called");
            }

            return;
        }

        if (Nondeterminism.IsNondeterministic(method))
        {
            return;
        }

        var isMath = method.ContainingType?.ToDisplayString() == "System.Math";
        var arity = invocation.ArgumentList.Arguments.Count;
        if (isMath && ((method.Name == "Abs" && arity == 1) || (method.Name is "Min" or "Max" && arity == 2)))
        {
            foreach (var argument in invocation.ArgumentList.Arguments)
            {
                Visit(argument.Expression);
            }

            return;
        }

        // Quote the call as written ('long.Parse', not the metadata name 'Int64.Parse').
        Report(invocation, "A call to '" + Shorten(invocation.Expression) + "'", "only Math.Abs, Math.Min and Math.Max can be called");
    }

    private bool IsNondeterministic(ExpressionSyntax expression) =>
        _model.GetSymbolInfo(expression, _cancellationToken).Symbol is { } symbol && Nondeterminism.IsNondeterministic(symbol);

    private void Report(SyntaxNode node, string what, string hint) => _found.Add(new UnsupportedStatement(node, what, hint));

    private static string KindName(ISymbol symbol) => symbol switch
    {
        IFieldSymbol => "field",
        IPropertySymbol => "property",
        IMethodSymbol => "method group",
        _ => "name",
    };

    private static bool IsArithmetic(SyntaxKind kind) => kind is
        SyntaxKind.AddExpression or SyntaxKind.SubtractExpression or SyntaxKind.MultiplyExpression or SyntaxKind.DivideExpression
        or SyntaxKind.ModuloExpression or SyntaxKind.BitwiseAndExpression or SyntaxKind.BitwiseOrExpression
        or SyntaxKind.ExclusiveOrExpression or SyntaxKind.LeftShiftExpression or SyntaxKind.RightShiftExpression;

    private static bool IsComparison(SyntaxKind kind) => kind is
        SyntaxKind.LessThanExpression or SyntaxKind.LessThanOrEqualExpression or SyntaxKind.GreaterThanExpression
        or SyntaxKind.GreaterThanOrEqualExpression or SyntaxKind.EqualsExpression or SyntaxKind.NotEqualsExpression;

    private static string Shorten(SyntaxNode node)
    {
        var text = node.ToString().Replace('\r', ' ').Replace('\n', ' ').Trim();
        return text.Length <= 40 ? text : text.Substring(0, 37) + "...";
    }
}
