using System.Collections.Immutable;
using Faithful.Analyzers.Extraction;
using Faithful.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Faithful.Analyzers.Programs;

/// <summary>
/// The analyzers' syntax pass: reads a <c>[ReferenceProgram]</c> method's statements into a <see cref="ProgramShape"/>,
/// following the shared SSA convention and naming rule (<see cref="StepNames"/>): slots 0..P-1 are the inputs, slot P+i
/// is step i, every write is a step. Constant loops unroll through the extractor's own <see cref="LoopUnroller"/>
/// wherever the loop binds, so both passes agree on every compiling program; only in half-typed code (or without a
/// semantic model) does it fall back to <see cref="ConstantLoop"/>'s literal bounds. The extractor's semantic lowering
/// refines this pass: what it refuses beyond it is reported by FA1016.
/// Never throws on half-typed code: what it cannot read becomes an <see cref="UnsupportedStatement"/>.
/// </summary>
internal sealed class ProgramShapeReader
{
    /// <summary>Past this many steps (the limit every tool shares), loops are counted but not unrolled, to bound analysis time while typing.</summary>
    public const int MaxUnrolledSteps = ProgramLimits.MaxSteps;

    private const string StepHint = "a reference program holds only declarations and assignments of long or double variables, 'for' loops with constant bounds over such assignments, and a final 'return'";

    private readonly MethodDeclarationSyntax _method;
    private readonly Dictionary<string, int> _currentSlot = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _writeCounts = new(StringComparer.Ordinal);
    private readonly HashSet<string> _declared = new(StringComparer.Ordinal);
    private readonly Dictionary<string, VariableDeclaratorSyntax> _declaredBy = new(StringComparer.Ordinal);
    private readonly HashSet<string> _constants = new(StringComparer.Ordinal);
    private readonly HashSet<string> _laterLocals = new(StringComparer.Ordinal);
    private readonly List<ShapeStep> _steps = [];
    private readonly List<UnsupportedStatement> _unsupported = [];
    private readonly List<SyntaxToken> _redeclarations = [];
    private readonly List<IdentifierNameSyntax> _readsBeforeWrite = [];
    private readonly HashSet<IdentifierNameSyntax> _reportedReads = [];
    private ImmutableDictionary<string, long> _loopCounters = ImmutableDictionary<string, long>.Empty;
    private int _stepCount;
    private bool _complete = true;
    private ExpressionSyntax? _result;
    private ImmutableArray<int> _resultReads = ImmutableArray<int>.Empty;

    private readonly SemanticModel? _semanticModel;
    private readonly Dictionary<ILocalSymbol, FoldedValue> _counterValues = new(SymbolEqualityComparer.Default);
    private CancellationToken _cancellationToken;

    private ProgramShapeReader(MethodDeclarationSyntax method, SemanticModel? semanticModel)
    {
        _method = method;
        _semanticModel = semanticModel;
    }

    /// <param name="method">The method to read.</param>
    /// <param name="semanticModel">The model of the method's tree, for unrolling loops as the extractor does; null reads syntax only.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static ProgramShape Read(MethodDeclarationSyntax method, SemanticModel? semanticModel, CancellationToken cancellationToken = default)
    {
        var reader = new ProgramShapeReader(method, semanticModel);
        return reader.Run(cancellationToken);
    }

    private ProgramShape Run(CancellationToken cancellationToken)
    {
        _cancellationToken = cancellationToken;
        var parameters = _method.ParameterList.Parameters.ToImmutableArray();
        for (var i = 0; i < parameters.Length; i++)
        {
            var name = parameters[i].Identifier.ValueText;
            if (name.Length > 0)
            {
                _currentSlot[name] = i;
                _declared.Add(name);
            }
        }

        if (_method.ExpressionBody is { } arrow)
        {
            ReadReturn(arrow.Expression, parameters.Length);
        }
        else if (_method.Body is { } body)
        {
            foreach (var declarator in body.DescendantNodes().OfType<VariableDeclaratorSyntax>())
            {
                _laterLocals.Add(declarator.Identifier.ValueText);
            }

            var statements = Flatten(body.Statements);
            for (var i = 0; i < statements.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                ReadStatement(statements[i], isLast: i == statements.Count - 1, parameters.Length);
            }
        }

        var steps = _stepCount <= MaxUnrolledSteps ? _steps.ToImmutableArray() : ImmutableArray<ShapeStep>.Empty;
        foreach (var step in steps)
        {
            var writes = _writeCounts[step.Variable];
            var isInput = ParameterIndex(parameters, step.Variable) >= 0;
            step.Name = StepNames.Of(step.Variable, step.Version, writes, isInput);
        }

        return new ProgramShape(
            _method.Identifier.ValueText,
            parameters,
            steps,
            _stepCount,
            _complete && _stepCount <= MaxUnrolledSteps && _unsupported.Count == 0,
            _result,
            _resultReads,
            _unsupported.ToImmutableArray(),
            _redeclarations.ToImmutableArray(),
            _readsBeforeWrite.ToImmutableArray());
    }

    private static int ParameterIndex(ImmutableArray<ParameterSyntax> parameters, string name)
    {
        for (var i = 0; i < parameters.Length; i++)
        {
            if (parameters[i].Identifier.ValueText == name)
            {
                return i;
            }
        }

        return -1;
    }

    // Nested plain, checked and unchecked blocks change nothing about the steps, so they are read as if inlined.
    private static List<StatementSyntax> Flatten(SyntaxList<StatementSyntax> statements)
    {
        var flat = new List<StatementSyntax>();
        foreach (var statement in statements)
        {
            if (statement is BlockSyntax block)
            {
                flat.AddRange(Flatten(block.Statements));
            }
            else if (statement is CheckedStatementSyntax checkedStatement)
            {
                flat.AddRange(Flatten(checkedStatement.Block.Statements));
            }
            else if (statement is not EmptyStatementSyntax)
            {
                flat.Add(statement);
            }
        }

        return flat;
    }

    private void ReadStatement(StatementSyntax statement, bool isLast, int parameterCount)
    {
        switch (statement)
        {
            case LocalDeclarationStatementSyntax declaration:
                ReadDeclaration(declaration, parameterCount);
                break;
            case ExpressionStatementSyntax expressionStatement:
                ReadAssignment(expressionStatement, parameterCount);
                break;
            case ForStatementSyntax loop:
                ReadLoop(loop, parameterCount);
                break;
            case ReturnStatementSyntax ret when isLast && ret.Expression is not null:
                ReadReturn(ret.Expression, parameterCount);
                break;
            case ReturnStatementSyntax ret:
                Unsupported(ret, "An early 'return'", "the only 'return' must be the last statement and return a value");
                break;
            default:
                Unsupported(statement, Describe(statement), StepHint);
                break;
        }
    }

    private void ReadDeclaration(LocalDeclarationStatementSyntax declaration, int parameterCount)
    {
        var isConst = declaration.IsConst;
        foreach (var declarator in declaration.Declaration.Variables)
        {
            var name = declarator.Identifier.ValueText;
            if (name.Length == 0)
            {
                _complete = false;
                continue;
            }

            // A declaration inside an unrolled loop runs once per iteration: that is not a second declaration.
            if (!_declared.Add(name) && (!_declaredBy.TryGetValue(name, out var first) || first != declarator))
            {
                _redeclarations.Add(declarator.Identifier);
            }

            if (!_declaredBy.ContainsKey(name))
            {
                _declaredBy[name] = declarator;
            }

            if (isConst)
            {
                _constants.Add(name);
                continue;
            }

            if (declarator.Initializer?.Value is { } value)
            {
                var reads = CollectReads(value);
                Write(name, declaration, declarator, reads, parameterCount);
            }
        }
    }

    private void ReadAssignment(ExpressionStatementSyntax statement, int parameterCount)
    {
        switch (statement.Expression)
        {
            case AssignmentExpressionSyntax { Left: IdentifierNameSyntax target } assignment when IsAssignmentOperator(assignment.Kind()):
            {
                var reads = new List<int>();
                if (!assignment.IsKind(SyntaxKind.SimpleAssignmentExpression))
                {
                    reads.AddRange(CollectReads(target));
                }

                reads.AddRange(CollectReads(assignment.Right));
                WriteTarget(target, statement, assignment, reads, parameterCount);
                break;
            }

            case PostfixUnaryExpressionSyntax { Operand: IdentifierNameSyntax target } increment
                when increment.IsKind(SyntaxKind.PostIncrementExpression) || increment.IsKind(SyntaxKind.PostDecrementExpression):
                WriteTarget(target, statement, increment, CollectReads(target), parameterCount);
                break;
            case PrefixUnaryExpressionSyntax { Operand: IdentifierNameSyntax target } increment
                when increment.IsKind(SyntaxKind.PreIncrementExpression) || increment.IsKind(SyntaxKind.PreDecrementExpression):
                WriteTarget(target, statement, increment, CollectReads(target), parameterCount);
                break;
            case AssignmentExpressionSyntax assignment:
                Unsupported(assignment.Left, "An assignment to '" + assignment.Left + "'", "only locals and parameters can be assigned");
                break;
            default:
                Unsupported(statement, Describe(statement.Expression), StepHint);
                break;
        }
    }

    private static bool IsAssignmentOperator(SyntaxKind kind) => kind is
        SyntaxKind.SimpleAssignmentExpression or SyntaxKind.AddAssignmentExpression or SyntaxKind.SubtractAssignmentExpression
        or SyntaxKind.MultiplyAssignmentExpression or SyntaxKind.DivideAssignmentExpression or SyntaxKind.ModuloAssignmentExpression
        or SyntaxKind.AndAssignmentExpression or SyntaxKind.OrAssignmentExpression or SyntaxKind.ExclusiveOrAssignmentExpression
        or SyntaxKind.LeftShiftAssignmentExpression or SyntaxKind.RightShiftAssignmentExpression;

    private void WriteTarget(IdentifierNameSyntax target, StatementSyntax statement, SyntaxNode writeNode, List<int> reads, int parameterCount)
    {
        var name = target.Identifier.ValueText;
        if (_loopCounters.ContainsKey(name))
        {
            Unsupported(writeNode, "An assignment to the loop counter '" + name + "'", "a loop's bounds must stay constant for it to unroll");
            return;
        }

        if (_constants.Contains(name))
        {
            _complete = false;
            return;
        }

        if (!_declared.Contains(name))
        {
            // Not a local or input: a field, a property, or not declared at all.
            Unsupported(target, "An assignment to '" + name + "'", "only locals and parameters can be assigned");
            return;
        }

        Write(name, statement, writeNode, reads, parameterCount);
    }

    private void Write(string name, StatementSyntax statement, SyntaxNode writeNode, List<int> reads, int parameterCount)
    {
        _writeCounts.TryGetValue(name, out var written);
        _writeCounts[name] = written + 1;
        _stepCount++;
        if (_stepCount <= MaxUnrolledSteps)
        {
            _steps.Add(new ShapeStep(_steps.Count, name, written + 1, statement, writeNode, reads.ToImmutableArray()));
        }

        _currentSlot[name] = parameterCount + _stepCount - 1;
    }

    private void ReadReturn(ExpressionSyntax expression, int parameterCount)
    {
        _result = expression;
        _resultReads = CollectReads(expression).ToImmutableArray();
    }

    /// <summary>The slots an expression reads, in source order; loop counters and constants read no slot.</summary>
    private List<int> CollectReads(ExpressionSyntax expression)
    {
        var reads = new List<int>();
        foreach (var identifier in expression.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
        {
            if (identifier.Parent is MemberAccessExpressionSyntax access && access.Name == identifier)
            {
                continue;
            }

            var name = identifier.Identifier.ValueText;
            if (_loopCounters.ContainsKey(name) || _constants.Contains(name))
            {
                continue;
            }

            if (_currentSlot.TryGetValue(name, out var slot))
            {
                reads.Add(slot);
            }
            else if ((_declared.Contains(name) || _laterLocals.Contains(name)) && _reportedReads.Add(identifier))
            {
                // Declared without a value, or declared further down: there is nothing to read yet.
                _readsBeforeWrite.Add(identifier);
                _complete = false;
            }
        }

        return reads;
    }

    private void ReadLoop(ForStatementSyntax loop, int parameterCount)
    {
        var body = loop.Statement is BlockSyntax block ? Flatten(block.Statements) : Flatten(SyntaxFactory.SingletonList(loop.Statement));
        foreach (var statement in body)
        {
            if (statement is not (ExpressionStatementSyntax or LocalDeclarationStatementSyntax or ForStatementSyntax))
            {
                Unsupported(statement, Describe(statement) + " inside a loop", "a loop body holds only declarations, assignments, compound assignments, ++, -- and constant loops");
                return;
            }
        }

        var outer = _loopCounters;
        var declaredBefore = new HashSet<string>(_declared, StringComparer.Ordinal);
        if (!UnrollAsTheExtractorDoes(loop, body, parameterCount) && !UnrollLiteralBounds(loop, body, parameterCount))
        {
            Unsupported(loop, "A 'for' loop without constant bounds", "only 'for (var i = C0; i < C1; i++)' with constant C0 and C1 unrolls into steps");
        }

        // Locals declared in the body go out of scope with the loop.
        foreach (var name in _declared.Where(n => !declaredBefore.Contains(n)).ToList())
        {
            _declared.Remove(name);
            _currentSlot.Remove(name);
        }

        _loopCounters = outer;
    }

    // The extractor's unroller, on the loop's operation: false when the loop does not bind or is not constant.
    private bool UnrollAsTheExtractorDoes(ForStatementSyntax loop, List<StatementSyntax> body, int parameterCount)
    {
        if (_semanticModel?.GetOperation(loop, _cancellationToken) is not IForLoopOperation operation)
        {
            return false;
        }

        var outer = _loopCounters;
        var writesPerIteration = 0;
        var outcome = LoopUnroller.Unroll(operation, _counterValues, ConstantLoop.MaxIterations, () =>
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (_stepCount > MaxUnrolledSteps)
            {
                // Counting is enough past the cap: every iteration writes as many steps as the last one read.
                _stepCount = (int)Math.Min(int.MaxValue, (long)_stepCount + writesPerIteration);
                _complete = false;
                return true;
            }

            _loopCounters = outer.SetItems(_counterValues.Select(c => new KeyValuePair<string, long>(c.Key.Name, c.Value.Integer)));
            var before = _stepCount;
            var unsupportedBefore = _unsupported.Count;
            foreach (var statement in body)
            {
                ReadStatement(statement, isLast: false, parameterCount);
            }

            writesPerIteration = _stepCount - before;

            // What a body cannot hold is reported once, not once per iteration.
            return _unsupported.Count == unsupportedBefore;
        });
        _loopCounters = outer;
        switch (outcome.Ending)
        {
            case LoopUnroller.Ending.Finished or LoopUnroller.Ending.BodyStopped:
                return true;
            case LoopUnroller.Ending.TooLong:
                _complete = false;
                return true;
            default:
                if (outcome.Iterations == 0)
                {
                    // Not constant from the start: half-typed code may still read with literal bounds.
                    return false;
                }

                // Stopped part-way, at an increment that is not constant: the loop cannot be traced.
                Unsupported(loop, "A 'for' loop without constant bounds", "only 'for (var i = C0; i < C1; i++)' with constant C0 and C1 unrolls into steps");
                return true;
        }
    }

    // Half-typed code or no semantic model: literal bounds only ('for (var i = 0; i < 3; i++)').
    private bool UnrollLiteralBounds(ForStatementSyntax loop, List<StatementSyntax> body, int parameterCount)
    {
        if (!ConstantLoop.TryRead(loop, out var counter, out var start, out var stride, out var iterations))
        {
            return false;
        }

        var outer = _loopCounters;
        for (long iteration = 0; iteration < iterations; iteration++)
        {
            if (_stepCount > MaxUnrolledSteps)
            {
                // Counting is enough past the cap: every iteration writes once per statement.
                var remaining = (iterations - iteration) * body.Count;
                _stepCount = (int)Math.Min(int.MaxValue, _stepCount + remaining);
                _complete = false;
                break;
            }

            _loopCounters = outer.SetItem(counter, start + (iteration * stride));
            foreach (var statement in body)
            {
                ReadStatement(statement, isLast: false, parameterCount);
            }
        }

        _loopCounters = outer;
        return true;
    }

    private void Unsupported(SyntaxNode node, string what, string hint)
    {
        _unsupported.Add(new UnsupportedStatement(node, what, hint));
        _complete = false;
    }

    private static string Describe(SyntaxNode node) => node switch
    {
        WhileStatementSyntax => "A 'while' loop",
        DoStatementSyntax => "A 'do' loop",
        ForEachStatementSyntax => "A 'foreach' loop",
        IfStatementSyntax => "An 'if' statement",
        SwitchStatementSyntax => "A 'switch' statement",
        TryStatementSyntax => "A 'try' statement",
        ThrowStatementSyntax => "A 'throw' statement",
        LocalFunctionStatementSyntax => "A local function",
        GotoStatementSyntax or LabeledStatementSyntax => "A 'goto' or label",
        BreakStatementSyntax or ContinueStatementSyntax => "A 'break' or 'continue'",
        UsingStatementSyntax or LockStatementSyntax => "A 'using' or 'lock' statement",
        ForStatementSyntax => "A nested 'for' loop",
        LocalDeclarationStatementSyntax => "A declaration",
        InvocationExpressionSyntax invocation => "A call to '" + invocation.Expression + "'",
        _ => "The statement '" + Shorten(node.ToString()) + "'",
    };

    private static string Shorten(string text)
    {
        var line = text.Replace('\r', ' ').Replace('\n', ' ').Trim();
        return line.Length <= 40 ? line : line.Substring(0, 37) + "...";
    }
}
