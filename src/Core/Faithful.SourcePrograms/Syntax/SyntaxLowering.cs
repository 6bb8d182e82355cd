using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Faithful.Model;
using Faithful.SourcePrograms.Limits;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Faithful.SourcePrograms.Syntax;

/// <summary>
/// Lowers the syntax of the fast path's subset with the compiler path's rules (see <c>BodyLowering</c>): every write is
/// a step, reads resolve to the variable's latest slot, int constants become long constants, a loop body becomes steps
/// once per iteration. Statements are compiled once into <see cref="Instruction"/>s (which checks every one of them,
/// including a body no iteration runs) and then stamped out; every method returns false (or null) to decline.
/// </summary>
/// <param name="parsedText">The text the statements were parsed from: a statement's line is found in it.</param>
internal sealed class SyntaxLowering(IReadOnlyList<Parameter> parameters, int maxExpressionDepth, string parsedText)
{
    // The parsed text's line table, built once on first use. (Asking each node for its location built a syntax tree
    // and a line table for every statement.)
    private TextLineCollection? _lines;

    private readonly Dictionary<string, int> _variables = Enumerable.Range(0, parameters.Count).ToDictionary(i => parameters[i].Name, i => i, StringComparer.Ordinal);
    private readonly HashSet<string> _activeCounters = new(StringComparer.Ordinal);

    // A local may not share a name with any loop counter of its block, earlier or later (C# scoping, CS0136).
    private readonly HashSet<string> _counters = new(StringComparer.Ordinal);
    private readonly List<Instruction> _program = [];

    /// <summary>The non-const locals the top-level statements declare, in order (the terms of a "sum" answer).</summary>
    public List<string> DeclaredLocals { get; } = [];

    public bool CompileTopLevel(SyntaxList<StatementSyntax> statements)
    {
        foreach (var statement in statements)
        {
            if (statement is LocalDeclarationStatementSyntax declaration ? !CompileDeclaration(declaration) : !CompileStatement(statement, _program))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The answer over the variables' final values, or null when outside the subset.</summary>
    public ExprTemplate? CompileAnswer(ExpressionSyntax answer) => Compile(answer, 0);

    /// <summary>Runs the compiled statements into steps; null when they unroll past the step limit.</summary>
    public (EquatableArray<Step> Steps, Expr Result)? Run(ExprTemplate answer, int lineShift, ReadBudget budget)
    {
        var names = new string[_variables.Count];
        foreach (var (name, index) in _variables)
        {
            names[index] = name;
        }

        return StepStamper.Create(CollectionsMarshal.AsSpan(_program), parameters.Count, names, lineShift, budget) is { } stamper
            ? (stamper.Steps, stamper.Instantiate(answer))
            : null;
    }

    // Only top-level declarations: a declaration inside a loop or block has scoping the compiler path decides.
    private bool CompileDeclaration(LocalDeclarationStatementSyntax declaration)
    {
        if (declaration.Modifiers.Count > 0 || declaration.UsingKeyword != default || declaration.AwaitKeyword != default
            || declaration.Declaration.Type is not PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.LongKeyword })
        {
            return false;
        }

        var source = Source(declaration);
        foreach (var variable in declaration.Declaration.Variables)
        {
            var local = variable.Identifier.ValueText;
            if (variable.ArgumentList is not null || variable.Initializer is not { } initializer || _counters.Contains(local)
                || _variables.ContainsKey(local) || IsKeywordLike(local))
            {
                return false;
            }

            // The initializer is compiled before the local exists: 'long n = n + 1;' is the compiler's error to report.
            if (Compile(initializer.Value, 0) is not { } value)
            {
                return false;
            }

            _variables.Add(local, _variables.Count);
            DeclaredLocals.Add(local);
            _program.Add(new Write(_variables[local], value, source.Text, source.Line));
        }

        return true;
    }

    private bool CompileStatement(StatementSyntax statement, List<Instruction> into) => statement switch
    {
        ExpressionStatementSyntax { Expression: var expression } => CompileWrite(expression, statement, into),
        ForStatementSyntax loop => CompileFor(loop, into),
        BlockSyntax block => block.Statements.All(s => s is not LocalDeclarationStatementSyntax && CompileStatement(s, into)),
        EmptyStatementSyntax => true,
        _ => false,
    };

    private bool CompileWrite(ExpressionSyntax expression, StatementSyntax statement, List<Instruction> into)
    {
        ExprTemplate? value;
        int target;
        switch (expression)
        {
            case AssignmentExpressionSyntax { Left: IdentifierNameSyntax left } assignment when Writable(left) is { } variable:
                target = variable;
                if (assignment.IsKind(SyntaxKind.SimpleAssignmentExpression))
                {
                    value = assignment.Right is AssignmentExpressionSyntax ? null : Compile(assignment.Right, 0);
                }
                else
                {
                    value = CompoundOperator(assignment.Kind()) is { } op && Compile(assignment.Right, 0) is { } right
                        ? new BinaryTemplate(op, new ReadTemplate(variable), right)
                        : null;
                }

                break;
            case PostfixUnaryExpressionSyntax { Operand: IdentifierNameSyntax operand } postfix when Writable(operand) is { } variable:
                target = variable;
                value = Increment(variable, postfix.IsKind(SyntaxKind.PostIncrementExpression));
                break;
            case PrefixUnaryExpressionSyntax { Operand: IdentifierNameSyntax operand } prefix
                when prefix.Kind() is SyntaxKind.PreIncrementExpression or SyntaxKind.PreDecrementExpression && Writable(operand) is { } variable:
                target = variable;
                value = Increment(variable, prefix.IsKind(SyntaxKind.PreIncrementExpression));
                break;
            default:
                return false;
        }

        if (value is null)
        {
            return false;
        }

        var source = Source(statement);
        into.Add(new Write(target, value, source.Text, source.Line));
        return true;
    }

    private static BinaryTemplate Increment(int variable, bool up) =>
        new(up ? BinaryOp.Add : BinaryOp.Subtract, new ReadTemplate(variable), new ConstantTemplate(new Constant(Value.FromInt64(1))));

    /// <summary>A declared long variable that may be written (loop counters are not variables here), or null.</summary>
    private int? Writable(IdentifierNameSyntax target) =>
        _variables.TryGetValue(target.Identifier.ValueText, out var index) ? index : null;

    private (string Text, int Line) Source(StatementSyntax statement) =>
        (statement.ToString().Trim(), (_lines ??= SourceText.From(parsedText).Lines).GetLineFromPosition(statement.SpanStart).LineNumber + 1);

    // for (var|int i = A; i <op> B; i++ / ++i / i-- / --i) with int constants, and a body that never reads or writes
    // the counter (the compiler path folds counter reads into constants); every other header is the compiler path's.
    private bool CompileFor(ForStatementSyntax loop, List<Instruction> into)
    {
        if (loop.Declaration is not { Variables: [{ Initializer.Value: var start } counterDeclaration] } declaration
            || declaration.Type is not (IdentifierNameSyntax { Identifier.ValueText: "var" } or PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.IntKeyword })
            || loop.Initializers.Count > 0 || loop.Incrementors.Count != 1 || loop.Condition is not BinaryExpressionSyntax condition)
        {
            return false;
        }

        var counter = counterDeclaration.Identifier.ValueText;
        if (_variables.ContainsKey(counter) || _activeCounters.Contains(counter) || IsKeywordLike(counter)
            || ReadsName(loop.Statement, counter) || ReadsName(condition.Right, counter) || ReadsName(start, counter)
            || condition.Left is not IdentifierNameSyntax { Identifier.ValueText: var tested } || tested != counter
            || Fold(start) is not { IsLong: false } first || Fold(condition.Right) is not { IsLong: false } bound
            || Stride(loop.Incrementors[0], counter) is not { } stride
            || condition.Kind() is not (SyntaxKind.LessThanExpression or SyntaxKind.LessThanOrEqualExpression or SyntaxKind.GreaterThanExpression
                or SyntaxKind.GreaterThanOrEqualExpression or SyntaxKind.NotEqualsExpression))
        {
            return false;
        }

        var iterations = Iterations(first.Value, bound.Value, stride, condition.Kind());
        if (iterations is null)
        {
            return false;
        }

        _activeCounters.Add(counter);
        _counters.Add(counter);
        var body = new List<Instruction>();
        var compiled = CompileStatement(loop.Statement, body);
        _activeCounters.Remove(counter);
        if (!compiled)
        {
            return false;
        }

        into.Add(new Loop(iterations.Value, body.ToImmutableArray()));
        return true;
    }

    /// <summary>How often the loop runs; null when the int counter would wrap or the loop outrun the step limit.</summary>
    private static int? Iterations(long first, long bound, int stride, SyntaxKind comparison)
    {
        bool Holds(long i) => comparison switch
        {
            SyntaxKind.LessThanExpression => i < bound,
            SyntaxKind.LessThanOrEqualExpression => i <= bound,
            SyntaxKind.GreaterThanExpression => i > bound,
            SyntaxKind.GreaterThanOrEqualExpression => i >= bound,
            _ => i != bound,
        };

        var iterations = 0;
        for (var i = first; Holds(i); i += stride)
        {
            if (++iterations > ProgramLimits.MaxSteps || i + stride is > int.MaxValue or < int.MinValue)
            {
                return null;
            }
        }

        return iterations;
    }

    private static int? Stride(ExpressionSyntax incrementor, string counter) => incrementor switch
    {
        PostfixUnaryExpressionSyntax { Operand: IdentifierNameSyntax { Identifier.ValueText: var n } } p when n == counter =>
            p.IsKind(SyntaxKind.PostIncrementExpression) ? 1 : -1,
        PrefixUnaryExpressionSyntax { Operand: IdentifierNameSyntax { Identifier.ValueText: var n } } p when n == counter
            && p.Kind() is SyntaxKind.PreIncrementExpression or SyntaxKind.PreDecrementExpression =>
            p.IsKind(SyntaxKind.PreIncrementExpression) ? 1 : -1,
        _ => null,
    };

    private static bool ReadsName(SyntaxNode node, string name) =>
        node.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Any(i => i.Identifier.ValueText == name);

    // 'var', 'nameof' and friends are contextual: the compiler path decides what they mean.
    private static bool IsKeywordLike(string name) =>
        SyntaxFacts.GetContextualKeywordKind(name) != SyntaxKind.None || SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None;

    private static BinaryOp? CompoundOperator(SyntaxKind kind) => kind switch
    {
        SyntaxKind.AddAssignmentExpression => BinaryOp.Add,
        SyntaxKind.SubtractAssignmentExpression => BinaryOp.Subtract,
        SyntaxKind.MultiplyAssignmentExpression => BinaryOp.Multiply,
        SyntaxKind.DivideAssignmentExpression => BinaryOp.Divide,
        SyntaxKind.ModuloAssignmentExpression => BinaryOp.Remainder,
        _ => null,
    };

    private static BinaryOp? BinaryOperator(SyntaxKind kind) => kind switch
    {
        SyntaxKind.AddExpression => BinaryOp.Add,
        SyntaxKind.SubtractExpression => BinaryOp.Subtract,
        SyntaxKind.MultiplyExpression => BinaryOp.Multiply,
        SyntaxKind.DivideExpression => BinaryOp.Divide,
        SyntaxKind.ModuloExpression => BinaryOp.Remainder,
        _ => null,
    };

    /// <summary>A long expression: constants fold as C# folds them (checked), reads name declared variables.</summary>
    private ExprTemplate? Compile(ExpressionSyntax expression, int depth)
    {
        if (depth >= maxExpressionDepth)
        {
            return null;
        }

        if (IsLiterals(expression, depth))
        {
            // A constant the compiler refuses (overflow, division by zero) is its to report.
            return Fold(expression, depth) is { } constant ? new ConstantTemplate(new Constant(Value.FromInt64(constant.Value))) : null;
        }

        switch (expression)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                return Compile(parenthesized.Expression, depth + 1);
            case IdentifierNameSyntax identifier when !IsKeywordLike(identifier.Identifier.ValueText)
                && _variables.TryGetValue(identifier.Identifier.ValueText, out var variable):
                return new ReadTemplate(variable);
            case PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.UnaryMinusExpression } negation:
                return Compile(negation.Operand, depth + 1) is { } operand ? new NegateTemplate(operand) : null;
            case PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.UnaryPlusExpression } plus:
                return Compile(plus.Operand, depth + 1);
            case BinaryExpressionSyntax binary when BinaryOperator(binary.Kind()) is { } op:
                return Compile(binary.Left, depth + 1) is { } left && Compile(binary.Right, depth + 1) is { } right
                    ? new BinaryTemplate(op, left, right)
                    : null;
            default:
                return null;
        }
    }

    private bool IsLiterals(ExpressionSyntax expression, int depth) => depth < maxExpressionDepth && expression switch
    {
        LiteralExpressionSyntax => true,
        ParenthesizedExpressionSyntax p => IsLiterals(p.Expression, depth + 1),
        PrefixUnaryExpressionSyntax u => IsLiterals(u.Operand, depth + 1),
        BinaryExpressionSyntax b => IsLiterals(b.Left, depth + 1) && IsLiterals(b.Right, depth + 1),
        _ => false,
    };

    /// <summary>A C# constant of int or long literals, folded as the compiler folds it; null when not constant or refused.</summary>
    private Folded? Fold(ExpressionSyntax expression, int depth = 0)
    {
        if (depth >= maxExpressionDepth)
        {
            return null;
        }

        switch (expression)
        {
            case LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NumericLiteralExpression } literal:
                return literal.Token.Value switch
                {
                    int i => new Folded(i, false),
                    long l => new Folded(l, true),
                    _ => null,
                };
            case ParenthesizedExpressionSyntax parenthesized:
                return Fold(parenthesized.Expression, depth + 1);
            case PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.UnaryPlusExpression } plus:
                return Fold(plus.Operand, depth + 1);
            case PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.UnaryMinusExpression } negation when Fold(negation.Operand, depth + 1) is { } operand:
                return Checked(-(Int128)operand.Value, operand.IsLong);
            case BinaryExpressionSyntax binary when BinaryOperator(binary.Kind()) is { } op && Fold(binary.Left, depth + 1) is { } left && Fold(binary.Right, depth + 1) is { } right:
                Int128 a = left.Value, b = right.Value;
                if (op is BinaryOp.Divide or BinaryOp.Remainder && b == 0)
                {
                    return null;
                }

                return Checked(
                    op switch
                    {
                        BinaryOp.Add => a + b,
                        BinaryOp.Subtract => a - b,
                        BinaryOp.Multiply => a * b,
                        BinaryOp.Divide => a / b,
                        _ => a % b,
                    },
                    left.IsLong || right.IsLong);
            default:
                return null;
        }
    }

    // Constant expressions are checked in C#: a result out of range is a compile error, which the compiler path reports.
    private static Folded? Checked(Int128 value, bool isLong) =>
        isLong
            ? value >= long.MinValue && value <= long.MaxValue ? new Folded((long)value, true) : null
            : value >= int.MinValue && value <= int.MaxValue ? new Folded((long)value, false) : null;

    private readonly record struct Folded(long Value, bool IsLong);
}
