using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace Faithful.Analyzers.Extraction;

/// <summary>
/// The one loop unroller: runs a constant <c>for</c> loop at compile time with C#'s semantics (counters declared with a
/// constant start, the condition and the increments folded by <see cref="ConstantFolder"/>), calling the body once per
/// iteration with the counters' values in scope. The extractor lowers the body into steps with it; the analyzers'
/// syntax pass counts and reads the body with it wherever the code binds, so both passes unroll every loop alike.
/// </summary>
internal static class LoopUnroller
{
    /// <summary>How an unrolling ended.</summary>
    internal enum Ending
    {
        /// <summary>The condition turned false: every iteration ran.</summary>
        Finished,

        /// <summary>The body asked to stop (it found a problem).</summary>
        BodyStopped,

        /// <summary>The loop is not constant; <see cref="Outcome.Culprit"/> and <see cref="Outcome.Message"/> say why.</summary>
        NotConstant,

        /// <summary>More iterations than allowed.</summary>
        TooLong,

        /// <summary>A counter computation throws in C# (division by zero, checked overflow).</summary>
        Fault,
    }

    /// <param name="Ending">How it ended.</param>
    /// <param name="Iterations">Iterations whose body ran.</param>
    /// <param name="Culprit">Where the problem is (the header for a non-constant start, too long or a fault).</param>
    /// <param name="Message">What to do about it.</param>
    internal readonly record struct Outcome(Ending Ending, int Iterations, LocationInfo? Culprit, string? Message);

    /// <summary>
    /// Unrolls <paramref name="loop"/>: declares its counters in <paramref name="counters"/> (where the counters of
    /// enclosing loops already are), runs <paramref name="body"/> while the condition holds (the body returns false to
    /// stop), and removes the counters again.
    /// </summary>
    public static Outcome Unroll(IForLoopOperation loop, Dictionary<ILocalSymbol, FoldedValue> counters, int maxIterations, Func<bool> body)
    {
        // Problems about the loop point at its header, not its whole body.
        var header = loop.Syntax is ForStatementSyntax forSyntax
            ? LocationInfo.From(Location.Create(forSyntax.SyntaxTree, TextSpan.FromBounds(forSyntax.ForKeyword.SpanStart, forSyntax.CloseParenToken.Span.End)))
            : LocationInfo.From(loop.Syntax);
        var declared = new List<ILocalSymbol>();
        try
        {
            foreach (var before in loop.Before)
            {
                if (!TryDeclare(before, counters, declared))
                {
                    return new Outcome(Ending.NotConstant, 0, header, "A for loop is unrolled only when it declares its counter with a constant start, e.g. 'for (var i = 0; i < 3; i++)'.");
                }
            }

            if (loop.Condition is null || declared.Count == 0)
            {
                return new Outcome(Ending.NotConstant, 0, header, "A for loop is unrolled only with a counter and a constant bound, e.g. 'for (var i = 0; i < 3; i++)'.");
            }

            var iterations = 0;
            while (true)
            {
                var proceed = ConstantFolder.TryFoldCondition(loop.Condition, counters);
                if (proceed is null)
                {
                    return new Outcome(Ending.NotConstant, iterations, LocationInfo.From(loop.Condition.Syntax), "The loop condition '" + loop.Condition.Syntax + "' must compare the counter with a compile-time constant.");
                }

                if (!proceed.Value)
                {
                    return new Outcome(Ending.Finished, iterations, null, null);
                }

                if (iterations >= maxIterations)
                {
                    return new Outcome(Ending.TooLong, iterations, header, "The loop runs more than " + maxIterations + " times; use smaller bounds.");
                }

                iterations++;
                if (!body())
                {
                    return new Outcome(Ending.BodyStopped, iterations, null, null);
                }

                if (Advance(loop, counters) is { } stuck)
                {
                    return new Outcome(Ending.NotConstant, iterations, LocationInfo.From(stuck.Syntax), "The loop increment '" + stuck.Syntax + "' must update the counter by a constant.");
                }
            }
        }
        catch (ConstantFolder.FoldFault fault)
        {
            return new Outcome(Ending.Fault, 0, header, "Unrolling the loop faults: " + fault.Message + ".");
        }
        finally
        {
            foreach (var local in declared)
            {
                counters.Remove(local);
            }
        }
    }

    private static bool TryDeclare(IOperation before, Dictionary<ILocalSymbol, FoldedValue> counters, List<ILocalSymbol> declared)
    {
        if (before is not IVariableDeclarationGroupOperation group)
        {
            return false;
        }

        foreach (var declaration in group.Declarations)
        {
            foreach (var declarator in declaration.Declarators)
            {
                var initializer = declarator.GetVariableInitializer();
                var start = initializer is null ? null : ConstantFolder.TryFold(initializer.Value, counters);
                if (start is not { IsIntegral: true })
                {
                    return false;
                }

                var converted = ConstantFolder.Convert(start.Value, declarator.Symbol.Type.SpecialType, false);
                if (converted is null)
                {
                    return false;
                }

                counters[declarator.Symbol] = converted.Value;
                declared.Add(declarator.Symbol);
            }
        }

        return true;
    }

    /// <summary>Runs the increments; returns the one that is not a constant update of a counter, or null.</summary>
    private static IOperation? Advance(IForLoopOperation loop, Dictionary<ILocalSymbol, FoldedValue> counters)
    {
        foreach (var bottom in loop.AtLoopBottom)
        {
            var operation = bottom is IExpressionStatementOperation statement ? statement.Operation : bottom;
            (IOperation? target, FoldedValue? next) = operation switch
            {
                IIncrementOrDecrementOperation increment => (increment.Target, Step(increment, counters)),
                ICompoundAssignmentOperation compound => (compound.Target, Compound(compound, counters)),
                ISimpleAssignmentOperation assignment => (assignment.Target, ConstantFolder.TryFold(assignment.Value, counters)),
                _ => (null, (FoldedValue?)null),
            };
            if (target is not ILocalReferenceOperation local || !counters.ContainsKey(local.Local) || next is null)
            {
                return bottom;
            }

            var converted = ConstantFolder.Convert(next.Value, local.Local.Type.SpecialType, false);
            if (converted is null)
            {
                return bottom;
            }

            counters[local.Local] = converted.Value;
        }

        return null;
    }

    private static FoldedValue? Step(IIncrementOrDecrementOperation increment, Dictionary<ILocalSymbol, FoldedValue> counters)
    {
        var current = ConstantFolder.TryFold(increment.Target, counters);
        if (current is null)
        {
            return null;
        }

        var delta = increment.Kind == OperationKind.Increment ? 1 : -1;
        var value = current.Value;
        if (increment.IsChecked && ((delta > 0 && value.Integer == (value.Type == SpecialType.System_Int32 ? int.MaxValue : long.MaxValue))
            || (delta < 0 && value.Integer == (value.Type == SpecialType.System_Int32 ? int.MinValue : long.MinValue))))
        {
            throw new ConstantFolder.FoldFault("the loop counter overflows in a checked context");
        }

        var next = unchecked(value.Integer + delta);
        return value.Type == SpecialType.System_Int32 ? FoldedValue.Int32(next) : FoldedValue.Int64(next);
    }

    private static FoldedValue? Compound(ICompoundAssignmentOperation compound, Dictionary<ILocalSymbol, FoldedValue> counters)
    {
        var current = ConstantFolder.TryFold(compound.Target, counters);
        var delta = ConstantFolder.TryFold(compound.Value, counters);
        if (current is null || delta is null || !current.Value.IsIntegral || !delta.Value.IsIntegral)
        {
            return null;
        }

        var a = current.Value.Integer;
        var b = delta.Value.Integer;
        long? next = compound.OperatorKind switch
        {
            BinaryOperatorKind.Add => unchecked(a + b),
            BinaryOperatorKind.Subtract => unchecked(a - b),
            BinaryOperatorKind.Multiply => unchecked(a * b),
            BinaryOperatorKind.LeftShift => current.Value.Type == SpecialType.System_Int32 ? (int)a << (int)b : a << (int)b,
            BinaryOperatorKind.RightShift => a >> (int)b,
            _ => null,
        };
        if (next is null)
        {
            return null;
        }

        return current.Value.Type == SpecialType.System_Int32 ? FoldedValue.Int32(next.Value) : FoldedValue.Int64(next.Value);
    }
}
