using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Faithful.Model;
using Faithful.SourcePrograms.Limits;

namespace Faithful.SourcePrograms.Syntax;

/// <summary>
/// Runs compiled statements into SSA steps: each write becomes the next step and the variable's latest slot, a loop
/// stamps its body once per iteration. The steps are counted first, so each is named (the naming rule needs every
/// variable's write count) and stored once; nothing is re-read from syntax, so a 10,000-iteration loop costs 10,000 stamps.
/// </summary>
internal sealed class StepStamper
{
    private readonly int _parameterCount;
    private readonly int _lineShift;
    private readonly string[] _names;
    private readonly int[] _currentSlot;
    private readonly int[] _written;
    private readonly int[] _totalWrites;
    private readonly ImmutableArray<string>[] _versionNames;
    private readonly Step[] _steps;
    private readonly ReadBudget _budget;
    private int _count;

    private StepStamper(int parameterCount, string[] names, int[] totalWrites, int stepCount, int lineShift, ReadBudget budget)
    {
        _budget = budget;
        _parameterCount = parameterCount;
        _lineShift = lineShift;
        _names = names;
        _totalWrites = totalWrites;
        _currentSlot = new int[names.Length];
        _written = new int[names.Length];
        _steps = new Step[stepCount];
        _versionNames = new ImmutableArray<string>[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            _currentSlot[i] = i < parameterCount ? i : -1;

            // A variable written more than once (or an input written at all) names each write by its version: those
            // names are shared between programs, not made again for each.
            if (totalWrites[i] > 1 || (i < parameterCount && totalWrites[i] > 0))
            {
                _versionNames[i] = StepNames.SharedVersions(names[i], totalWrites[i]);
            }
        }
    }

    /// <summary>The steps of <paramref name="program"/>, or null when it unrolls past <see cref="ProgramLimits.MaxSteps"/>.</summary>
    public static StepStamper? Create(ReadOnlySpan<Instruction> program, int parameterCount, string[] variableNames, int lineShift, ReadBudget budget)
    {
        var writes = new int[variableNames.Length];
        var total = Count(program, 1, writes);
        if (total > ProgramLimits.MaxSteps)
        {
            return null;
        }

        var stamper = new StepStamper(parameterCount, variableNames, writes, (int)total, lineShift, budget);
        stamper.Run(program);
        return stamper;
    }

    /// <summary>The stamped steps, wrapped without a copy.</summary>
    public EquatableArray<Step> Steps => new(ImmutableCollectionsMarshal.AsImmutableArray(_steps));

    // Steps the instructions write when run 'times' times; stops counting past the limit (nested loops multiply).
    private static long Count(ReadOnlySpan<Instruction> instructions, long times, int[] writes)
    {
        long total = 0;
        foreach (var instruction in instructions)
        {
            switch (instruction)
            {
                case Write write:
                    writes[write.Variable] = (int)Math.Min(int.MaxValue, writes[write.Variable] + times);
                    total += times;
                    break;
                case Loop loop:
                    total += loop.Iterations == 0 ? 0 : Count(loop.Body.AsSpan(), times * loop.Iterations, writes);
                    break;
            }

            if (total > ProgramLimits.MaxSteps)
            {
                return total;
            }
        }

        return total;
    }

    // Over a span: a loop body runs once per iteration of every loop around it, and taking it as a list boxed the body
    // each time (an enumerator per iteration before that).
    private void Run(ReadOnlySpan<Instruction> instructions)
    {
        foreach (var instruction in instructions)
        {
            switch (instruction)
            {
                case Write write:
                    if ((_count & 1023) == 1023)
                    {
                        _budget.ThrowIfSpent();
                    }

                    var variable = write.Variable;
                    var version = ++_written[variable];
                    var shared = _versionNames[variable];
                    var name = shared.IsDefaultOrEmpty
                        ? StepNames.Of(_names[variable], version, _totalWrites[variable], variable < _parameterCount)
                        : shared[version - 1];
                    _steps[_count] = new Step(_count, name, _names[variable], version, ValueKind.Int64, Instantiate(write.Value), write.SourceText, write.Line - _lineShift);
                    _currentSlot[variable] = _parameterCount + _count;
                    _count++;
                    break;
                case Loop loop:
                    var body = loop.Body.AsSpan();
                    for (var i = 0; i < loop.Iterations; i++)
                    {
                        Run(body);
                    }

                    break;
            }
        }
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
}
