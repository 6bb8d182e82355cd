using System.Linq.Expressions;
using Faithful.GpuRef.Kernels;
using Faithful.Model;

namespace Faithful.GpuRef.Cpu;

/// <summary>
/// Compiles a <see cref="StepProgram"/> to a <see cref="CompiledSteps"/> delegate through expression trees,
/// so the JIT turns it into straight-line machine code with typed locals: the fast CPU backend.
/// Operations that can fault become explicit checks with an early return (no exceptions), in the
/// evaluation order of C#; everything else is the CLR's own arithmetic, as in the reference evaluator.
/// </summary>
public static class StepProgramCompiler
{
    public const int FaultStepShift = 3;

    public static CompiledSteps Compile(StepProgram program)
    {
        ArgumentNullException.ThrowIfNull(program);
        return new Builder(program, resumable: false).Build<CompiledSteps>();
    }

    /// <summary>
    /// The same program as a <see cref="ResumableSteps"/> delegate, which can start at any step from the values already
    /// in the row and stop before any step: what a counterfactual runs (the prefix, then the altered rest).
    /// </summary>
    public static ResumableSteps CompileResumable(StepProgram program)
    {
        ArgumentNullException.ThrowIfNull(program);
        return new Builder(program, resumable: true).Build<ResumableSteps>();
    }

    private sealed class Builder(StepProgram program, bool resumable)
    {
        private static readonly System.Reflection.MethodInfo ToBitsMethod = typeof(BitConverter).GetMethod(nameof(BitConverter.DoubleToInt64Bits))!;
        private static readonly System.Reflection.MethodInfo FromBitsMethod = typeof(BitConverter).GetMethod(nameof(BitConverter.Int64BitsToDouble))!;
        private static readonly System.Reflection.MethodInfo IsFiniteMethod = typeof(double).GetMethod(nameof(double.IsFinite), [typeof(double)])!;

        private readonly ParameterExpression _inputs = Expression.Parameter(typeof(long[]), "inputs");
        private readonly ParameterExpression _inputBase = Expression.Parameter(typeof(int), "inputBase");
        private readonly ParameterExpression _trace = Expression.Parameter(typeof(long[]), "trace");
        private readonly ParameterExpression _traceBase = Expression.Parameter(typeof(int), "traceBase");
        private readonly ParameterExpression _fromStep = Expression.Parameter(typeof(int), "fromStep");
        private readonly ParameterExpression _stopBefore = Expression.Parameter(typeof(int), "stopBefore");
        private readonly LabelTarget _return = Expression.Label(typeof(int), "done");
        private readonly List<ParameterExpression> _locals = [];
        private readonly ParameterExpression[] _slots = new ParameterExpression[program.SlotCount];
        private List<Expression> _statements = [];
        private int _step;

        public TDelegate Build<TDelegate>()
            where TDelegate : Delegate
        {
            var parameterCount = program.Parameters.Count;
            for (var i = 0; i < parameterCount; i++)
            {
                var raw = Expression.ArrayIndex(_inputs, Expression.Add(_inputBase, Expression.Constant(i)));
                _slots[i] = Local(program.Parameters[i].Kind, program.Parameters[i].Name);
                _statements.Add(Expression.Assign(_slots[i], FromBits(raw, program.Parameters[i].Kind)));
            }

            for (var s = 0; s < program.Steps.Count; s++)
            {
                _slots[parameterCount + s] = Local(program.Steps[s].Kind, $"step{s}");
            }

            var stepLabels = resumable ? Resume() : null;
            for (_step = 0; _step < program.Steps.Count; _step++)
            {
                var step = program.Steps[_step];
                var slot = parameterCount + _step;
                if (stepLabels is not null)
                {
                    _statements.Add(Expression.Label(stepLabels[_step]));
                }

                _statements.Add(Expression.Assign(_slots[slot], Emit(step.Expression)));
                Store(_slots[slot], step.Kind);
                if (resumable)
                {
                    _statements.Add(Expression.IfThen(Expression.Equal(_stopBefore, Expression.Constant(_step + 1)), Expression.Return(_return, Expression.Constant(0))));
                }
            }

            if (stepLabels is not null)
            {
                _statements.Add(Expression.Label(stepLabels[program.Steps.Count]));
            }

            var answer = Local(program.Result.Kind, "answer");
            _statements.Add(Expression.Assign(answer, Emit(program.Result)));
            Store(answer, program.Result.Kind);
            _statements.Add(Expression.Label(_return, Expression.Constant(0)));

            var body = Expression.Block(typeof(int), _locals, _statements);
            ParameterExpression[] parameters = resumable
                ? [_inputs, _inputBase, _trace, _traceBase, _fromStep, _stopBefore]
                : [_inputs, _inputBase, _trace, _traceBase];
            return Expression.Lambda<TDelegate>(body, $"Steps_{program.Name}", parameters).Compile();
        }

        /// <summary>
        /// Loads the steps before <c>fromStep</c> from the row and jumps to that step's code: one label per step, and one
        /// for the answer.
        /// </summary>
        private LabelTarget[] Resume()
        {
            var parameterCount = program.Parameters.Count;
            var labels = new LabelTarget[program.Steps.Count + 1];
            var cases = new List<SwitchCase>();
            for (var s = 0; s <= program.Steps.Count; s++)
            {
                labels[s] = Expression.Label($"step{s}Start");
                if (s > 0)
                {
                    cases.Add(Expression.SwitchCase(Expression.Goto(labels[s]), Expression.Constant(s)));
                }
            }

            for (var s = 0; s < program.Steps.Count; s++)
            {
                var cell = Expression.ArrayIndex(_trace, Expression.Add(_traceBase, Expression.Constant(s)));
                _statements.Add(Expression.IfThen(
                    Expression.LessThan(Expression.Constant(s), _fromStep),
                    Expression.Assign(_slots[parameterCount + s], FromBits(cell, program.Steps[s].Kind))));
            }

            if (cases.Count > 0)
            {
                _statements.Add(Expression.Switch(typeof(void), _fromStep, null, null, cases));
            }

            return labels;
        }

        private ParameterExpression Local(ValueKind kind, string name)
        {
            var local = Expression.Variable(kind == ValueKind.Double ? typeof(double) : typeof(long), name);
            _locals.Add(local);
            return local;
        }

        /// <summary>Writes the current step's (or the answer's) cell; a double that is not finite faults after it is written.</summary>
        private void Store(ParameterExpression value, ValueKind kind)
        {
            var cell = Expression.ArrayAccess(_trace, Expression.Add(_traceBase, Expression.Constant(_step)));
            _statements.Add(Expression.Assign(cell, ToBits(value, kind)));
            if (kind == ValueKind.Double && !program.AllowNonFinite)
            {
                _statements.Add(Expression.IfThen(Expression.Not(Expression.Call(IsFiniteMethod, value)), Fail(FaultCode.NotFinite)));
            }
        }

        private GotoExpression Fail(int faultCode) =>
            Expression.Return(_return, Expression.Constant(faultCode | (_step << FaultStepShift)));

        private static Expression ToBits(Expression value, ValueKind kind) =>
            kind == ValueKind.Double ? Expression.Call(ToBitsMethod, value) : value;

        private static Expression FromBits(Expression bits, ValueKind kind) =>
            kind == ValueKind.Double ? Expression.Call(FromBitsMethod, bits) : bits;

        /// <summary>Evaluates into a fresh local so that later checks see a plain value, in order.</summary>
        private ParameterExpression Spill(Expression value)
        {
            var local = Expression.Variable(value.Type);
            _locals.Add(local);
            _statements.Add(Expression.Assign(local, value));
            return local;
        }

        private Expression Emit(Expr expression) => expression switch
        {
            Constant c => c.Value.Kind == ValueKind.Double ? Expression.Constant(c.Value.AsDouble) : Expression.Constant(c.Value.Bits),
            Ref r => _slots[r.Slot],
            Unary u => EmitUnary(u),
            Binary b => EmitBinary(b),
            Conditional c => EmitConditional(c),
            _ => throw new ArgumentException($"Unknown expression node {expression.GetType().Name}.", nameof(expression)),
        };

        private ParameterExpression EmitConditional(Conditional c)
        {
            var left = Spill(Emit(c.Left));
            var right = Spill(Emit(c.Right));
            var result = Expression.Variable(c.Kind == ValueKind.Double ? typeof(double) : typeof(long));
            _locals.Add(result);
            var outer = _statements;
            _statements = [];
            _statements.Add(Expression.Assign(result, Emit(c.WhenTrue)));
            var whenTrue = Expression.Block(typeof(void), _statements);
            _statements = [];
            _statements.Add(Expression.Assign(result, Emit(c.WhenFalse)));
            var whenFalse = Expression.Block(typeof(void), _statements);
            _statements = outer;
            _statements.Add(Expression.IfThenElse(Compare(c.Op, left, right), whenTrue, whenFalse));
            return result;
        }

        private static BinaryExpression Compare(ComparisonOp op, Expression left, Expression right) => op switch
        {
            ComparisonOp.Less => Expression.LessThan(left, right),
            ComparisonOp.LessOrEqual => Expression.LessThanOrEqual(left, right),
            ComparisonOp.Greater => Expression.GreaterThan(left, right),
            ComparisonOp.GreaterOrEqual => Expression.GreaterThanOrEqual(left, right),
            ComparisonOp.Equal => Expression.Equal(left, right),
            _ => Expression.NotEqual(left, right),
        };

        private Expression EmitUnary(Unary u)
        {
            var operand = Emit(u.Operand);
            var fromDouble = u.Operand.Kind == ValueKind.Double;
            switch (u.Op)
            {
                case UnaryOp.ToDouble:
                    return fromDouble ? operand : Expression.Convert(operand, typeof(double));
                case UnaryOp.ToInt64 when !fromDouble:
                    return operand;
                case UnaryOp.ToInt64:
                {
                    if (!u.Checked)
                    {
                        // conv.i8 saturates on .NET 9+, which is what (long)d means in the reference evaluator.
                        return Expression.Convert(operand, typeof(long));
                    }

                    var value = Spill(operand);
                    var inRange = Expression.AndAlso(
                        Expression.GreaterThan(value, Expression.Constant(-9223372036854777856.0)),
                        Expression.LessThan(value, Expression.Constant(9223372036854775808.0)));
                    _statements.Add(Expression.IfThen(Expression.Not(inRange), Fail(FaultCode.Overflow)));
                    return Expression.Convert(value, typeof(long));
                }

                case UnaryOp.ToInt32:
                {
                    var bits = fromDouble ? Expression.Call(ToBitsMethod, operand) : operand;
                    if (!u.Checked)
                    {
                        return Expression.Convert(Expression.Convert(bits, typeof(int)), typeof(long));
                    }

                    var value = Spill(bits);
                    var outOfRange = Expression.OrElse(
                        Expression.LessThan(value, Expression.Constant((long)int.MinValue)),
                        Expression.GreaterThan(value, Expression.Constant((long)int.MaxValue)));
                    _statements.Add(Expression.IfThen(outOfRange, Fail(FaultCode.Overflow)));
                    return value;
                }
            }

            if (u.Kind == ValueKind.Double)
            {
                return u.Op switch
                {
                    UnaryOp.Negate => Expression.Negate(operand),
                    UnaryOp.Abs => Expression.Call(typeof(Math).GetMethod(nameof(Math.Abs), [typeof(double)])!, operand),
                    _ => throw new ArgumentException($"{u.Op} is not defined on double.", nameof(u)),
                };
            }

            switch (u.Op)
            {
                case UnaryOp.Negate when u.Checked:
                case UnaryOp.Abs:
                {
                    // checked(-long.MinValue) and Math.Abs(long.MinValue) both throw OverflowException.
                    var value = Spill(operand);
                    _statements.Add(Expression.IfThen(Expression.Equal(value, Expression.Constant(long.MinValue)), Fail(FaultCode.Overflow)));
                    return u.Op == UnaryOp.Abs
                        ? Expression.Call(typeof(Math).GetMethod(nameof(Math.Abs), [typeof(long)])!, value)
                        : Expression.Negate(value);
                }

                case UnaryOp.Negate:
                    return Expression.Negate(operand);
                case UnaryOp.BitwiseNot:
                    return Expression.OnesComplement(operand);
                default:
                    throw new ArgumentException($"Unknown unary operator {u.Op}.", nameof(u));
            }
        }

        private Expression EmitBinary(Binary b)
        {
            var left = Emit(b.Left);
            var right = Emit(b.Right);
            if (b.Kind == ValueKind.Double)
            {
                return b.Op switch
                {
                    BinaryOp.Add => Expression.Add(left, right),
                    BinaryOp.Subtract => Expression.Subtract(left, right),
                    BinaryOp.Multiply => Expression.Multiply(left, right),
                    BinaryOp.Divide => Expression.Divide(left, right),
                    BinaryOp.Remainder => Expression.Modulo(left, right),
                    BinaryOp.Min => OnBits(nameof(KernelArithmetic.MinDouble), left, right),
                    BinaryOp.Max => OnBits(nameof(KernelArithmetic.MaxDouble), left, right),
                    _ => throw new ArgumentException($"{b.Op} is not defined on double.", nameof(b)),
                };
            }

            switch (b.Op)
            {
                case BinaryOp.Add when b.Checked:
                    return CheckedArithmetic(left, right, nameof(KernelArithmetic.AddOverflows), Expression.Add);
                case BinaryOp.Subtract when b.Checked:
                    return CheckedArithmetic(left, right, nameof(KernelArithmetic.SubtractOverflows), Expression.Subtract);
                case BinaryOp.Multiply when b.Checked:
                    return CheckedArithmetic(left, right, nameof(KernelArithmetic.MultiplyOverflows), Expression.Multiply);
                case BinaryOp.Add:
                    return Expression.Add(left, right);
                case BinaryOp.Subtract:
                    return Expression.Subtract(left, right);
                case BinaryOp.Multiply:
                    return Expression.Multiply(left, right);
                case BinaryOp.Divide when b.Right is Constant { Value.Bits: not (0 or -1 or long.MinValue) }:
                    // A constant divisor other than 0, -1 and long.MinValue cannot fault, and the JIT turns the division
                    // into a multiply. (long.MinValue stays out of line: see CpuDivision.)
                    return Expression.Divide(left, right);
                case BinaryOp.Remainder when b.Right is Constant { Value.Bits: not (0 or -1 or long.MinValue) }:
                    return Expression.Modulo(left, right);
                case BinaryOp.Divide:
                case BinaryOp.Remainder:
                {
                    var l = Spill(left);
                    var r = Spill(right);
                    _statements.Add(Expression.IfThen(Expression.Equal(r, Expression.Constant(0L)), Fail(FaultCode.DivideByZero)));
                    _statements.Add(Expression.IfThen(
                        Expression.AndAlso(Expression.Equal(l, Expression.Constant(long.MinValue)), Expression.Equal(r, Expression.Constant(-1L))),
                        Fail(FaultCode.Overflow)));
                    return Expression.Call(typeof(CpuDivision).GetMethod(b.Op == BinaryOp.Divide ? nameof(CpuDivision.Divide) : nameof(CpuDivision.Remainder))!, l, r);
                }

                case BinaryOp.BitwiseAnd:
                    return Expression.And(left, right);
                case BinaryOp.BitwiseOr:
                    return Expression.Or(left, right);
                case BinaryOp.ExclusiveOr:
                    return Expression.ExclusiveOr(left, right);
                case BinaryOp.ShiftLeft:
                    return Expression.LeftShift(left, ShiftCount(right));
                case BinaryOp.ShiftRight:
                    return Expression.RightShift(left, ShiftCount(right));
                case BinaryOp.Min:
                    return Expression.Call(typeof(Math).GetMethod(nameof(Math.Min), [typeof(long), typeof(long)])!, left, right);
                case BinaryOp.Max:
                    return Expression.Call(typeof(Math).GetMethod(nameof(Math.Max), [typeof(long), typeof(long)])!, left, right);
                default:
                    throw new ArgumentException($"Unknown binary operator {b.Op}.", nameof(b));
            }
        }

        /// <summary>
        /// Math.Min/Max on doubles through the kernel's bit-level helpers: inlined into a compiled delegate
        /// with a constant -0.0 operand, the JIT's Math.Min returned +0.0 where the reference evaluator returns -0.0.
        /// </summary>
        private static MethodCallExpression OnBits(string helper, Expression left, Expression right) =>
            Expression.Call(
                FromBitsMethod,
                Expression.Call(typeof(KernelArithmetic).GetMethod(helper)!, Expression.Call(ToBitsMethod, left), Expression.Call(ToBitsMethod, right)));

        private static UnaryExpression ShiftCount(Expression count) =>
            Expression.Convert(Expression.And(count, Expression.Constant(63L)), typeof(int));

        private BinaryExpression CheckedArithmetic(Expression left, Expression right, string overflowCheck, Func<Expression, Expression, BinaryExpression> operation)
        {
            var l = Spill(left);
            var r = Spill(right);
            var check = typeof(KernelArithmetic).GetMethod(overflowCheck)!;
            _statements.Add(Expression.IfThen(Expression.Call(check, l, r), Fail(FaultCode.Overflow)));
            return operation(l, r);
        }
    }
}
