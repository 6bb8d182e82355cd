using Faithful.Model;

namespace Faithful.SourcePrograms.Syntax;

/// <summary>
/// Runs compiled statements into SSA steps: each write becomes the next step and the variable's latest slot, a loop
/// stamps its body once per iteration. Nothing is re-read from syntax, so a 10,000-iteration loop costs 10,000 stamps.
/// </summary>
internal sealed class StepStamper
{
    private readonly int _parameterCount;
    private readonly int _lineShift;
    private readonly int[] _currentSlot;
    private readonly int[] _writes;
    private readonly List<Pending> _steps = [];

    public StepStamper(IReadOnlyList<Parameter> parameters, int variableCount, int lineShift)
    {
        _parameterCount = parameters.Count;
        _lineShift = lineShift;
        _currentSlot = new int[variableCount];
        _writes = new int[variableCount];
        for (var i = 0; i < variableCount; i++)
        {
            _currentSlot[i] = i < _parameterCount ? i : -1;
        }
    }

    private readonly record struct Pending(int Variable, int Version, Expr Expression, string SourceText, int Line);

    /// <summary>False when the statements unroll past <see cref="ProgramLimits.MaxSteps"/> steps.</summary>
    public bool Run(IReadOnlyList<Instruction> instructions)
    {
        foreach (var instruction in instructions)
        {
            switch (instruction)
            {
                case Write write:
                    if (_steps.Count >= ProgramLimits.MaxSteps)
                    {
                        return false;
                    }

                    var expression = Instantiate(write.Value);
                    var version = ++_writes[write.Variable];
                    _steps.Add(new Pending(write.Variable, version, expression, write.SourceText, write.Line));
                    _currentSlot[write.Variable] = _parameterCount + _steps.Count - 1;
                    break;
                case Loop loop:
                    for (var i = 0; i < loop.Iterations; i++)
                    {
                        if (!Run(loop.Body))
                        {
                            return false;
                        }
                    }

                    break;
            }
        }

        return true;
    }

    /// <summary>The expression with every read resolved to the variable's current slot.</summary>
    public Expr Instantiate(ExprTemplate template) => template switch
    {
        ConstantTemplate constant => constant.Constant,
        ReadTemplate read => new Ref(_currentSlot[read.Variable], ValueKind.Int64),
        NegateTemplate negate => new Unary(UnaryOp.Negate, Instantiate(negate.Operand), ValueKind.Int64),
        BinaryTemplate binary => new Binary(binary.Op, Instantiate(binary.Left), Instantiate(binary.Right), ValueKind.Int64),
        _ => throw new InvalidOperationException("Unknown template " + template.GetType().Name),
    };

    /// <summary>The steps, named with the one naming rule now that every variable's write count is known.</summary>
    public EquatableArray<Step> NamedSteps(string[] variableNames)
    {
        var steps = new Step[_steps.Count];
        for (var i = 0; i < steps.Length; i++)
        {
            var step = _steps[i];
            var variable = variableNames[step.Variable];
            var name = StepNames.Of(variable, step.Version, _writes[step.Variable], step.Variable < _parameterCount);
            steps[i] = new Step(i, name, variable, step.Version, ValueKind.Int64, step.Expression, step.SourceText, step.Line - _lineShift);
        }

        return new EquatableArray<Step>(steps);
    }
}
