using System;
using System.Linq;
using Faithful.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Faithful.Analyzers.Extraction;

internal sealed partial class BodyLowering
{
    private int _depth;
    private bool _depthReported;

    private const string SupportedExpressions =
        "a step may use long/double locals and parameters, constants, + - * / % & | ^ << >> ~, unary minus, casts to long/double, Math.Min/Max/Abs and ?: over a comparison";

    /// <summary>Lowers a long- or double-typed expression; null (with a problem reported) when unsupported.</summary>
    private Expr? Lower(IOperation operation)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        // Roslyn binds very long operator chains without recursing; this lowering (and every consumer of the model)
        // recurses, so a depth limit keeps a pathological expression from overflowing the compiler's stack.
        if (_depth >= ProgramLimits.MaxExpressionDepth)
        {
            if (!_depthReported)
            {
                _depthReported = true;
                Report(ProblemKind.UnsupportedExpression, operation, "The expression nests more than " + ProgramLimits.MaxExpressionDepth + " operators deep; split it into several steps.");
            }

            return null;
        }

        _depth++;
        try
        {
            return LowerNode(operation);
        }
        finally
        {
            _depth--;
        }
    }

    private Expr? LowerNode(IOperation operation)
    {
        if (TryConstant(operation) is { } constant)
        {
            return constant;
        }

        switch (operation)
        {
            case ILocalReferenceOperation local:
                return ReadVariable(local.Local, local.Local.Type, operation);
            case IParameterReferenceOperation parameter:
                return ReadVariable(parameter.Parameter, parameter.Parameter.Type, operation);
            case IConversionOperation conversion:
                return LowerConversion(conversion);
            case IUnaryOperation unary:
                return LowerUnary(unary);
            case IBinaryOperation binary:
                return LowerBinary(binary);
            case IInvocationOperation invocation:
                return LowerMathCall(invocation);
            case IConditionalOperation conditional:
                return LowerConditional(conditional);
            case IIncrementOrDecrementOperation or IAssignmentOperation:
                Report(ProblemKind.UnsupportedExpression, operation, "'" + operation.Syntax + "' writes a variable inside an expression; make the write its own statement so it is a step.");
                return null;
            default:
                Report(ProblemKind.UnsupportedExpression, operation, "'" + operation.Syntax + "' is not supported in a step: " + SupportedExpressions + ".");
                return null;
        }
    }

    /// <summary>Compile-time constants, and expressions over loop counters, become literals.</summary>
    private Constant? TryConstant(IOperation operation)
    {
        FoldedValue? folded = null;
        if (operation.ConstantValue.HasValue)
        {
            folded = FoldedValue.FromConstant(operation.Type, operation.ConstantValue.Value);
        }
        else if (_loopVariables.Count > 0 && ReadsLoopVariable(operation))
        {
            try
            {
                folded = ConstantFolder.TryFold(operation, _loopVariables);
            }
            catch (ConstantFolder.FoldFault fault)
            {
                Report(ProblemKind.ConstantFault, operation, "'" + operation.Syntax + "' faults when unrolled: " + fault.Message + ".");
                return new Constant(Value.FromInt64(0));
            }
        }

        if (folded is not { } value)
        {
            return null;
        }

        // An int constant keeps its value as a long: it is either widened by C# or used as a shift count.
        return value.ToConstant(value.Type == SpecialType.System_Double ? ValueKind.Double : ValueKind.Int64);
    }

    private bool ReadsLoopVariable(IOperation operation) =>
        operation.DescendantsAndSelf().Any(o => o is ILocalReferenceOperation local && _loopVariables.ContainsKey(local.Local));

    private Ref? ReadVariable(ISymbol symbol, ITypeSymbol type, IOperation operation)
    {
        if (_rejectedLocals.Contains(symbol))
        {
            return null;
        }

        if (!ProgramExtractor.TryGetKind(type, out var kind))
        {
            Report(ProblemKind.UnsupportedType, operation, "'" + symbol.Name + "' is " + type.ToDisplayString() + "; a step reads only long or double values (int only as a constant or shift count).");
            return null;
        }

        if (!_currentSlot.TryGetValue(symbol, out var slot))
        {
            // C# definite assignment guarantees a write, so a missing slot means that write was already reported.
            return null;
        }

        return new Ref(slot, kind);
    }

    private Expr? LowerConversion(IConversionOperation conversion)
    {
        var target = conversion.Type?.SpecialType ?? SpecialType.None;
        var source = conversion.Operand.Type?.SpecialType ?? SpecialType.None;
        if (conversion.OperatorMethod is not null || source is not (SpecialType.System_Int64 or SpecialType.System_Double or SpecialType.System_Int32) || target is not (SpecialType.System_Int64 or SpecialType.System_Double or SpecialType.System_Int32))
        {
            var why = source == SpecialType.System_Int32
                ? "int arithmetic wraps at 32 bits and is not modelled; compute in long (e.g. declare 'long')"
                : "only conversions between long and double are supported, and (int) as a shift count";
            Report(ProblemKind.UnsupportedType, conversion, "'" + conversion.Syntax + "': " + why + ".");
            return null;
        }

        if (source == SpecialType.System_Int32 && target != SpecialType.System_Int32)
        {
            // An int value C# widens: exact when it is an int constant or (int) of a long, never int arithmetic.
            var widened = conversion.Operand is IConditionalOperation intConditional
                ? LowerConditional(intConditional, ValueKind.Int64)
                : LowerIntLeaf(conversion.Operand);
            return widened is null || target == SpecialType.System_Int64 ? widened : Widen(widened, ValueKind.Double);
        }

        if (target == SpecialType.System_Int32)
        {
            Report(ProblemKind.UnsupportedType, conversion, "'" + conversion.Syntax + "': a cast to int is supported only as a shift count, e.g. 'a << (int)b'.");
            return null;
        }

        var operand = Lower(conversion.Operand);
        if (operand is null)
        {
            return null;
        }

        if (source == target)
        {
            return operand;
        }

        return target == SpecialType.System_Double
            ? new Unary(UnaryOp.ToDouble, operand, ValueKind.Double, InCheckedContext(conversion))
            : new Unary(UnaryOp.ToInt64, operand, ValueKind.Int64, InCheckedContext(conversion));
    }

    /// <summary>A shift count: an int constant, a loop counter, or <c>(int)</c> of a long expression.</summary>
    private Expr? LowerShiftCount(IOperation operation) => LowerIntLeaf(operation);

    /// <summary>
    /// An int-typed value that the model holds exactly as a long: an int constant (or loop counter) or
    /// <c>(int)</c> of a long expression (the model's ToInt32 keeps the low 32 bits, sign-extended).
    /// </summary>
    private Expr? LowerIntLeaf(IOperation operation)
    {
        if (TryConstant(operation) is { } constant)
        {
            return constant;
        }

        if (operation is IConversionOperation { OperatorMethod: null } conversion && conversion.Type?.SpecialType == SpecialType.System_Int32)
        {
            switch (conversion.Operand.Type?.SpecialType)
            {
                case SpecialType.System_Int64:
                    var operand = Lower(conversion.Operand);
                    return operand is null ? null : new Unary(UnaryOp.ToInt32, operand, ValueKind.Int64, InCheckedContext(conversion));
                case SpecialType.System_Int32:
                    return LowerIntLeaf(conversion.Operand);
            }
        }

        if (operation is ILocalReferenceOperation rejected && _rejectedLocals.Contains(rejected.Local))
        {
            return null;
        }

        Report(ProblemKind.UnsupportedType, operation, "'" + operation.Syntax + "' is int arithmetic, which wraps at 32 bits and is not modelled; an int may only be a constant or '(int)' of a long expression.");
        return null;
    }

    private Expr? LowerUnary(IUnaryOperation unary)
    {
        if (unary.OperatorMethod is not null || !ProgramExtractor.TryGetKind(unary.Type, out var kind))
        {
            Report(ProblemKind.UnsupportedType, unary, "'" + unary.Syntax + "' must compute a long or double.");
            return null;
        }

        var operand = Lower(unary.Operand);
        if (operand is null)
        {
            return null;
        }

        switch (unary.OperatorKind)
        {
            case UnaryOperatorKind.Plus:
                return operand;
            case UnaryOperatorKind.Minus:
                return new Unary(UnaryOp.Negate, operand, kind, InCheckedContext(unary));
            case UnaryOperatorKind.BitwiseNegation:
                return new Unary(UnaryOp.BitwiseNot, operand, kind, InCheckedContext(unary));
            default:
                Report(ProblemKind.UnsupportedExpression, unary, "'" + unary.Syntax + "': only unary -, + and ~ are supported.");
                return null;
        }
    }

    private Binary? LowerBinary(IBinaryOperation binary)
    {
        var op = binary.OperatorMethod is null ? BinaryOpOf(binary.OperatorKind) : null;
        if (op is null)
        {
            Report(ProblemKind.UnsupportedExpression, binary, "'" + binary.Syntax + "': " + SupportedExpressions + ".");
            return null;
        }

        if (!ProgramExtractor.TryGetKind(binary.Type, out var kind))
        {
            Report(ProblemKind.UnsupportedType, binary, "'" + binary.Syntax + "' computes " + binary.Type?.ToDisplayString() + "; int arithmetic wraps at 32 bits and is not modelled, so compute in long.");
            return null;
        }

        var left = Lower(binary.LeftOperand);
        var right = op is BinaryOp.ShiftLeft or BinaryOp.ShiftRight ? LowerShiftCount(binary.RightOperand) : Lower(binary.RightOperand);
        return left is null || right is null ? null : new Binary(op.Value, left, right, kind, InCheckedContext(binary));
    }

    private Expr? LowerMathCall(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        var isMath = method.ContainingType?.ToDisplayString() == "System.Math";
        if (!isMath || !ProgramExtractor.TryGetKind(invocation.Type, out var kind) || method.Name is not ("Abs" or "Min" or "Max"))
        {
            var hint = isMath && method.Name is "Abs" or "Min" or "Max" ? " with long or double arguments" : "";
            Report(ProblemKind.UnsupportedExpression, invocation, "'" + invocation.Syntax + "': the only calls a step may make are Math.Min, Math.Max and Math.Abs" + hint + ".");
            return null;
        }

        var arguments = invocation.Arguments.Select(a => Lower(a.Value)).ToList();
        if (arguments.Any(a => a is null))
        {
            return null;
        }

        return method.Name switch
        {
            "Abs" => new Unary(UnaryOp.Abs, arguments[0]!, kind, InCheckedContext(invocation)),
            "Min" => new Binary(BinaryOp.Min, arguments[0]!, arguments[1]!, kind, InCheckedContext(invocation)),
            _ => new Binary(BinaryOp.Max, arguments[0]!, arguments[1]!, kind, InCheckedContext(invocation)),
        };
    }

    private Conditional? LowerConditional(IConditionalOperation conditional, ValueKind? intBranchesAs = null)
    {
        var kind = intBranchesAs ?? default;
        if (conditional.WhenFalse is null || (intBranchesAs is null && !ProgramExtractor.TryGetKind(conditional.Type, out kind)))
        {
            Report(ProblemKind.UnsupportedExpression, conditional, "A conditional in a step is 'x < y ? a : b' with long or double branches.");
            return null;
        }

        var comparison = conditional.Condition as IBinaryOperation;
        var op = comparison is { OperatorMethod: null } ? ComparisonOpOf(comparison.OperatorKind) : null;
        if (comparison is null || op is null)
        {
            Report(ProblemKind.UnsupportedExpression, conditional.Condition, "The condition '" + conditional.Condition.Syntax + "' must be one comparison (< <= > >= == !=) of two long or double values; && || ! are not supported.");
            return null;
        }

        // Comparing two ints: both sides are int constants or (int) casts, compared exactly as longs.
        var intComparison = comparison.LeftOperand.Type?.SpecialType == SpecialType.System_Int32;
        var left = intComparison ? LowerIntLeaf(comparison.LeftOperand) : Lower(comparison.LeftOperand);
        var right = intComparison ? LowerIntLeaf(comparison.RightOperand) : Lower(comparison.RightOperand);
        var whenTrue = intBranchesAs is null ? Lower(conditional.WhenTrue) : LowerIntLeaf(conditional.WhenTrue);
        var whenFalse = intBranchesAs is null ? Lower(conditional.WhenFalse) : LowerIntLeaf(conditional.WhenFalse);
        if (left is null || right is null || whenTrue is null || whenFalse is null)
        {
            return null;
        }

        if (left.Kind != right.Kind)
        {
            Report(ProblemKind.UnsupportedType, comparison, "Both sides of '" + comparison.Syntax + "' must have the same type.");
            return null;
        }

        return new Conditional(op.Value, left, right, Widen(whenTrue, kind), Widen(whenFalse, kind), kind);
    }

    /// <summary>Makes an implicit long-to-double conversion explicit; C# inserts it where a double is expected.</summary>
    private static Expr Widen(Expr expression, ValueKind kind)
    {
        if (expression.Kind == kind || kind == ValueKind.Int64)
        {
            return expression;
        }

        return expression is Constant constant
            ? new Constant(Value.FromDouble(constant.Value.AsInt64))
            : new Unary(UnaryOp.ToDouble, expression, ValueKind.Double, false);
    }

    /// <summary>
    /// Whether <paramref name="operation"/> is written in a checked context: the nearest enclosing <c>checked</c> or
    /// <c>unchecked</c> expression or block decides, else the compilation's overflow option. Every operator node records
    /// it (the model keeps the source's contexts); the evaluator applies it only where C# does.
    /// </summary>
    private static bool InCheckedContext(IOperation operation)
    {
        for (var node = operation.Syntax; node is not null; node = node.Parent)
        {
            switch (node)
            {
                case CheckedExpressionSyntax expression:
                    return expression.IsKind(SyntaxKind.CheckedExpression);
                case CheckedStatementSyntax statement:
                    return statement.IsKind(SyntaxKind.CheckedStatement);
                case MemberDeclarationSyntax:
                    return operation.SemanticModel?.Compilation.Options.CheckOverflow ?? false;
            }
        }

        return operation.SemanticModel?.Compilation.Options.CheckOverflow ?? false;
    }

    private static BinaryOp? BinaryOpOf(BinaryOperatorKind kind) => kind switch
    {
        BinaryOperatorKind.Add => BinaryOp.Add,
        BinaryOperatorKind.Subtract => BinaryOp.Subtract,
        BinaryOperatorKind.Multiply => BinaryOp.Multiply,
        BinaryOperatorKind.Divide => BinaryOp.Divide,
        BinaryOperatorKind.Remainder => BinaryOp.Remainder,
        BinaryOperatorKind.And => BinaryOp.BitwiseAnd,
        BinaryOperatorKind.Or => BinaryOp.BitwiseOr,
        BinaryOperatorKind.ExclusiveOr => BinaryOp.ExclusiveOr,
        BinaryOperatorKind.LeftShift => BinaryOp.ShiftLeft,
        BinaryOperatorKind.RightShift => BinaryOp.ShiftRight,
        _ => null,
    };

    private static ComparisonOp? ComparisonOpOf(BinaryOperatorKind kind) => kind switch
    {
        BinaryOperatorKind.LessThan => ComparisonOp.Less,
        BinaryOperatorKind.LessThanOrEqual => ComparisonOp.LessOrEqual,
        BinaryOperatorKind.GreaterThan => ComparisonOp.Greater,
        BinaryOperatorKind.GreaterThanOrEqual => ComparisonOp.GreaterOrEqual,
        BinaryOperatorKind.Equals => ComparisonOp.Equal,
        BinaryOperatorKind.NotEquals => ComparisonOp.NotEqual,
        _ => null,
    };
}
