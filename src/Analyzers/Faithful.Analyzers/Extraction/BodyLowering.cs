using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Faithful.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Faithful.Analyzers.Extraction;

/// <summary>
/// Walks a method body's operation tree in execution order and turns every write into an SSA step:
/// each assignment writes a new version of its variable, reads resolve to the latest version's slot.
/// </summary>
internal sealed partial class BodyLowering
{
    private readonly ImmutableArray<IParameterSymbol> _parameters;
    private readonly CancellationToken _cancellationToken;
    private readonly List<PendingStep> _steps = [];
    private readonly Dictionary<SyntaxNode, (string Text, LocationInfo Location)> _statementInfo = new();
    private readonly Dictionary<ISymbol, int> _currentSlot = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<string, int> _writeCount = [];
    private readonly Dictionary<ILocalSymbol, FoldedValue> _loopVariables = new(SymbolEqualityComparer.Default);
    private readonly HashSet<ISymbol> _rejectedLocals = new(SymbolEqualityComparer.Default);
    private bool _returned;
    private bool _stepLimitReported;

    public BodyLowering(ImmutableArray<IParameterSymbol> parameters, CancellationToken cancellationToken)
    {
        _parameters = parameters;
        _cancellationToken = cancellationToken;
        for (var i = 0; i < parameters.Length; i++)
        {
            _currentSlot[parameters[i]] = i;
        }
    }

    public List<ExtractionProblem> Problems { get; } = [];

    public Expr? Result { get; private set; }

    public string ResultSourceText { get; private set; } = "";

    private sealed record PendingStep(string Variable, int Version, ValueKind Kind, Expr Expression, string SourceText, int Line, LocationInfo Location);

    /// <summary>Lowers the whole body; <paramref name="methodLocation"/> is blamed for a missing return.</summary>
    public void LowerBody(IBlockOperation body, LocationInfo methodLocation)
    {
        LowerStatement(body, insideLoop: false);
        if (!_returned && Problems.Count == 0)
        {
            Problems.Add(new ExtractionProblem(
                ProblemKind.MissingOrMisplacedReturn,
                methodLocation,
                "A reference program ends with 'return expr;' naming its answer; add one as the last statement."));
        }
    }

    /// <summary>The steps with their final names (<see cref="StepNames"/>), and where each one is written.</summary>
    public (List<Step> Steps, List<LocationInfo> Locations) NamedSteps()
    {
        var parameterNames = new HashSet<string>(_parameters.Select(p => p.Name));
        var steps = new List<Step>(_steps.Count);
        var locations = new List<LocationInfo>(_steps.Count);
        for (var i = 0; i < _steps.Count; i++)
        {
            var step = _steps[i];
            var name = StepNames.Of(step.Variable, step.Version, _writeCount[step.Variable], parameterNames.Contains(step.Variable));
            steps.Add(new Step(i, name, step.Variable, step.Version, step.Kind, step.Expression, step.SourceText, step.Line));
            locations.Add(step.Location);
        }

        return (steps, locations);
    }

    private void Report(ProblemKind kind, IOperation operation, string message) =>
        Report(kind, operation.Syntax, message);

    private void Report(ProblemKind kind, SyntaxNode syntax, string message) =>
        Report(kind, LocationInfo.From(syntax), message);

    private void Report(ProblemKind kind, LocationInfo location, string message) =>
        Problems.Add(new ExtractionProblem(kind, location, message));

    private void LowerStatement(IOperation statement, bool insideLoop)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        if (_returned && statement is not IBlockOperation)
        {
            Report(ProblemKind.MissingOrMisplacedReturn, statement, "No statement may follow the final return; move the return to the end.");
            return;
        }

        switch (statement)
        {
            case IBlockOperation block:
                // Plain, checked and unchecked blocks all arrive here; each operator reads its context from the syntax around it.
                foreach (var inner in block.Operations)
                {
                    LowerStatement(inner, insideLoop);
                }

                break;
            case IVariableDeclarationGroupOperation group:
                LowerDeclarations(group);
                break;
            case IExpressionStatementOperation expressionStatement:
                LowerAssignment(expressionStatement.Operation, expressionStatement.Syntax);
                break;
            case IForLoopOperation loop:
                UnrollFor(loop);
                break;
            case IReturnOperation ret:
                LowerReturn(ret, insideLoop);
                break;
            case IEmptyOperation:
                break;
            default:
                Report(
                    ProblemKind.UnsupportedStatement,
                    statement,
                    "'" + FirstLine(statement.Syntax) + "' cannot be a step; a reference program holds only local declarations, assignments (= and compound), ++/--, for loops with constant bounds, checked blocks and a final return.");
                break;
        }
    }

    private void LowerDeclarations(IVariableDeclarationGroupOperation group)
    {
        foreach (var declaration in group.Declarations)
        {
            foreach (var declarator in declaration.Declarators)
            {
                var local = declarator.Symbol;
                if (local.IsConst)
                {
                    // Reads of a const local carry its constant value; it is no step.
                    continue;
                }

                if (!ProgramExtractor.TryGetKind(local.Type, out var kind))
                {
                    _rejectedLocals.Add(local);
                    Report(ProblemKind.UnsupportedType, declarator, "Local '" + local.Name + "' is " + local.Type.ToDisplayString() + "; steps must be long or double (write 'long " + local.Name + "' for integers).");
                    continue;
                }

                var initializer = declarator.GetVariableInitializer();
                if (initializer is not null)
                {
                    Write(local, kind, initializer.Value, group.Syntax);
                }
            }
        }
    }

    private void LowerAssignment(IOperation operation, SyntaxNode statementSyntax)
    {
        switch (operation)
        {
            case ISimpleAssignmentOperation assignment when TargetOf(assignment.Target) is { } target:
                if (assignment.Value is IAssignmentOperation)
                {
                    Report(ProblemKind.UnsupportedExpression, assignment.Value, "Chained assignments hide steps; write one assignment per statement.");
                    return;
                }

                Write(target.Symbol, target.Kind, assignment.Value, statementSyntax);
                break;
            case ICompoundAssignmentOperation compound when TargetOf(compound.Target) is { } target:
                LowerCompound(compound, target.Symbol, target.Kind, statementSyntax);
                break;
            case IIncrementOrDecrementOperation increment when TargetOf(increment.Target) is { } target:
                LowerIncrement(increment, target.Symbol, target.Kind, statementSyntax);
                break;
            case ISimpleAssignmentOperation or ICompoundAssignmentOperation or IIncrementOrDecrementOperation:
                // TargetOf reported the problem.
                break;
            default:
                Report(
                    ProblemKind.UnsupportedStatement,
                    statementSyntax,
                    "'" + FirstLine(statementSyntax) + "' is not an assignment; a statement of a reference program assigns a long or double local or parameter.");
                break;
        }
    }

    private (ISymbol Symbol, ValueKind Kind)? TargetOf(IOperation target)
    {
        ISymbol? symbol = target switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            _ => null,
        };
        if (symbol is null)
        {
            Report(ProblemKind.UnsupportedExpression, target, "Only locals and parameters can be assigned in a reference program, not '" + target.Syntax + "'.");
            return null;
        }

        if (symbol is ILocalSymbol loopVariable && _loopVariables.ContainsKey(loopVariable))
        {
            Report(ProblemKind.NonConstantLoop, target, "The loop variable '" + symbol.Name + "' is written inside the loop body; only the for header may change it.");
            return null;
        }

        var type = symbol is ILocalSymbol l ? l.Type : ((IParameterSymbol)symbol).Type;
        if (!ProgramExtractor.TryGetKind(type, out var kind))
        {
            Report(ProblemKind.UnsupportedType, target, "'" + symbol.Name + "' is " + type.ToDisplayString() + "; steps must be long or double.");
            return null;
        }

        return (symbol, kind);
    }

    private void LowerCompound(ICompoundAssignmentOperation compound, ISymbol target, ValueKind kind, SyntaxNode statementSyntax)
    {
        var op = compound.OperatorMethod is null ? BinaryOpOf(compound.OperatorKind) : null;
        if (op is null)
        {
            Report(ProblemKind.UnsupportedExpression, compound, "The operator of '" + compound.Syntax + "' is not supported; use += -= *= /= %= &= |= ^= <<= >>=.");
            return;
        }

        // C# defines x op= y as x = (T)(x op y); with long and double operands the cast is the identity.
        var isShift = op is BinaryOp.ShiftLeft or BinaryOp.ShiftRight;
        var right = isShift ? LowerShiftCount(compound.Value) : Lower(compound.Value);
        if (right is null)
        {
            return;
        }

        if (!isShift)
        {
            right = Widen(right, kind);
        }

        if (!_currentSlot.TryGetValue(target, out var slot))
        {
            // Definite assignment guarantees an earlier write; it failed and was reported.
            return;
        }

        var left = new Ref(slot, kind);
        var expression = new Binary(op.Value, left, right, kind, InCheckedContext(compound));
        AddStep(target, kind, expression, statementSyntax);
    }

    private void LowerIncrement(IIncrementOrDecrementOperation increment, ISymbol target, ValueKind kind, SyntaxNode statementSyntax)
    {
        var one = new Constant(kind == ValueKind.Double ? Value.FromDouble(1.0) : Value.FromInt64(1));
        if (!_currentSlot.TryGetValue(target, out var slot))
        {
            return;
        }

        var op = increment.Kind == OperationKind.Increment ? BinaryOp.Add : BinaryOp.Subtract;
        var expression = new Binary(op, new Ref(slot, kind), one, kind, InCheckedContext(increment));
        AddStep(target, kind, expression, statementSyntax);
    }

    private void Write(ISymbol target, ValueKind kind, IOperation value, SyntaxNode statementSyntax)
    {
        var expression = Lower(value);
        if (expression is not null)
        {
            AddStep(target, kind, Widen(expression, kind), statementSyntax);
        }
    }

    private void AddStep(ISymbol target, ValueKind kind, Expr expression, SyntaxNode statementSyntax)
    {
        if (_steps.Count >= ProgramLimits.MaxSteps)
        {
            if (!_stepLimitReported)
            {
                _stepLimitReported = true;
                Report(ProblemKind.LoopTooLong, statementSyntax, "The program unrolls to more than " + ProgramLimits.MaxSteps + " steps, the limit every Faithful tool shares; use smaller loop bounds.");
            }

            return;
        }

        _writeCount.TryGetValue(target.Name, out var writes);
        writes++;
        _writeCount[target.Name] = writes;
        // A loop body's statement becomes a step once per iteration: its text and location are worked out once.
        if (!_statementInfo.TryGetValue(statementSyntax, out var statement))
        {
            statement = (statementSyntax.ToString().Trim(), LocationInfo.From(statementSyntax));
            _statementInfo[statementSyntax] = statement;
        }

        _steps.Add(new PendingStep(target.Name, writes, kind, expression, statement.Text, statement.Location.Line, statement.Location));
        _currentSlot[target] = _parameters.Length + _steps.Count - 1;
    }

    private void LowerReturn(IReturnOperation ret, bool insideLoop)
    {
        if (insideLoop)
        {
            Report(ProblemKind.MissingOrMisplacedReturn, ret, "A return inside a loop makes the step count depend on data; return after the loop.");
            return;
        }

        if (ret.ReturnedValue is null)
        {
            Report(ProblemKind.MissingOrMisplacedReturn, ret, "The return must name the answer: 'return expr;'.");
            return;
        }

        _returned = true;
        Result = Lower(ret.ReturnedValue);
        ResultSourceText = ret.Syntax is ReturnStatementSyntax { Expression: { } returned }
            ? returned.ToString().Trim()
            : ret.ReturnedValue.Syntax.ToString().Trim();
    }

    private void UnrollFor(IForLoopOperation loop)
    {
        var outcome = LoopUnroller.Unroll(loop, _loopVariables, ProgramLimits.MaxSteps, () =>
        {
            var problemsBefore = Problems.Count;
            LowerStatement(loop.Body, insideLoop: true);
            return Problems.Count == problemsBefore;
        });
        switch (outcome.Ending)
        {
            case LoopUnroller.Ending.NotConstant:
                Report(ProblemKind.NonConstantLoop, outcome.Culprit!, outcome.Message!);
                break;
            case LoopUnroller.Ending.TooLong when !_stepLimitReported:
                _stepLimitReported = true;
                Report(ProblemKind.LoopTooLong, outcome.Culprit!, outcome.Message!);
                break;
            case LoopUnroller.Ending.Fault:
                Report(ProblemKind.ConstantFault, outcome.Culprit!, outcome.Message!);
                break;
        }
    }

    private static string FirstLine(SyntaxNode syntax)
    {
        var text = syntax.ToString().Trim();
        var newline = text.IndexOf('\n');
        return newline < 0 ? text : text.Substring(0, newline).TrimEnd() + " ...";
    }
}
