using Faithful.Model;

namespace Faithful.GpuRef.Bytecode;

/// <summary>
/// Compiles a <see cref="StepProgram"/> to <see cref="BytecodeProgram"/>. Evaluation order is the C#
/// order the reference evaluator follows (left operand, right operand, then the operator; a conditional
/// evaluates both comparands and then only the chosen branch), so the first fault is the same fault.
/// </summary>
public static class BytecodeCompiler
{
    /// <exception cref="BytecodeLimitException">The program exceeds a <see cref="BytecodeLimits"/> limit.</exception>
    /// <exception cref="ArgumentException">The program reads a slot that is not yet written.</exception>
    public static BytecodeProgram Compile(StepProgram program)
    {
        ArgumentNullException.ThrowIfNull(program);
        Check(program.Id, "steps", BytecodeLimits.MaxSteps, program.Steps.Count);
        Check(program.Id, "parameters", BytecodeLimits.MaxParameters, program.Parameters.Count);

        var emitter = new Emitter(program);
        var stepStarts = new int[program.Steps.Count + 1];
        for (var s = 0; s < program.Steps.Count; s++)
        {
            var step = program.Steps[s];
            stepStarts[s] = emitter.Code.Count;
            emitter.Emit(step.Expression, program.Parameters.Count + s, step.Name);
            emitter.Add(step.Kind == ValueKind.Double ? OpCode.StoreStepDouble : OpCode.StoreStepInt64, 0, -1);
        }

        stepStarts[program.Steps.Count] = emitter.Code.Count;
        emitter.Emit(program.Result, program.SlotCount, "the answer");
        emitter.Add(program.Result.Kind == ValueKind.Double ? OpCode.StoreAnswerDouble : OpCode.StoreAnswerInt64, 0, -1);

        Check(program.Id, "instructions", BytecodeLimits.MaxInstructions, emitter.Code.Count);
        Check(program.Id, "constants", BytecodeLimits.MaxConstants, emitter.Constants.Count);
        Check(program.Id, "stack depth", BytecodeLimits.MaxStackDepth, emitter.MaxDepth);
        return new BytecodeProgram(program, [.. emitter.Code], [.. emitter.Constants], stepStarts, emitter.MaxDepth);
    }

    private static void Check(string programId, string limitName, int limit, int actual)
    {
        if (actual > limit)
        {
            throw new BytecodeLimitException(programId, limitName, limit, actual);
        }
    }

    private sealed class Emitter(StepProgram program)
    {
        private readonly Dictionary<long, int> _constantIndex = [];
        private int _depth;

        public List<int> Code { get; } = [];

        public List<long> Constants { get; } = [];

        public int MaxDepth { get; private set; }

        public void Add(OpCode op, int operand, int stackEffect)
        {
            if (operand > Instruction.MaxOperand)
            {
                throw new BytecodeLimitException(program.Id, "instructions", Instruction.MaxOperand, operand);
            }

            Code.Add(Instruction.Encode(op, operand));
            _depth += stackEffect;
            MaxDepth = Math.Max(MaxDepth, _depth);
        }

        /// <param name="visibleSlots">Slots written before this expression runs: reads must stay below it.</param>
        public void Emit(Expr expression, int visibleSlots, string where)
        {
            switch (expression)
            {
                case Constant c:
                    Add(OpCode.LoadConstant, ConstantIndex(c.Value.Bits), +1);
                    break;
                case Ref r:
                    if (r.Slot < 0 || r.Slot >= visibleSlots)
                    {
                        throw new ArgumentException(
                            $"Program {program.Id}: {where} reads slot {r.Slot}, which is not written before it " +
                            $"(only slots 0..{visibleSlots - 1} are). The program is malformed: rebuild it from source.",
                            nameof(expression));
                    }

                    Add(OpCode.LoadSlot, r.Slot, +1);
                    break;
                case Unary u:
                    Emit(u.Operand, visibleSlots, where);
                    if (UnaryOpCode(u) is { } unaryOp)
                    {
                        Add(unaryOp, 0, 0);
                    }

                    break;
                case Binary b:
                    Emit(b.Left, visibleSlots, where);
                    Emit(b.Right, visibleSlots, where);
                    Add(BinaryOpCode(b), 0, -1);
                    break;
                case Conditional c:
                    EmitConditional(c, visibleSlots, where);
                    break;
                default:
                    throw new ArgumentException($"Program {program.Id}: unknown expression node {expression.GetType().Name} in {where}.", nameof(expression));
            }
        }

        private void EmitConditional(Conditional c, int visibleSlots, string where)
        {
            Emit(c.Left, visibleSlots, where);
            Emit(c.Right, visibleSlots, where);
            Add(CompareOpCode(c.Op, c.Left.Kind), 0, -1);
            var jumpToElse = Code.Count;
            Add(OpCode.JumpIfFalse, 0, -1);
            Emit(c.WhenTrue, visibleSlots, where);
            var jumpToEnd = Code.Count;
            Add(OpCode.Jump, 0, 0);

            // Only one branch runs: the else branch starts from the same depth the true branch did.
            _depth--;
            Code[jumpToElse] = Instruction.Encode(OpCode.JumpIfFalse, Code.Count);
            Emit(c.WhenFalse, visibleSlots, where);
            Code[jumpToEnd] = Instruction.Encode(OpCode.Jump, Code.Count);
        }

        private int ConstantIndex(long bits)
        {
            if (!_constantIndex.TryGetValue(bits, out var index))
            {
                index = Constants.Count;
                Constants.Add(bits);
                _constantIndex.Add(bits, index);
            }

            return index;
        }

        private static OpCode? UnaryOpCode(Unary u)
        {
            var fromDouble = u.Operand.Kind == ValueKind.Double;
            return u.Op switch
            {
                UnaryOp.ToDouble => fromDouble ? null : OpCode.Int64ToDouble,
                UnaryOp.ToInt64 => !fromDouble ? null : u.Checked ? OpCode.DoubleToInt64Checked : OpCode.DoubleToInt64,
                UnaryOp.ToInt32 => u.Checked ? OpCode.Int64ToInt32Checked : OpCode.Int64ToInt32,
                UnaryOp.Negate when u.Kind == ValueKind.Double => OpCode.NegateDouble,
                UnaryOp.Abs when u.Kind == ValueKind.Double => OpCode.AbsDouble,
                UnaryOp.Negate => u.Checked ? OpCode.NegateInt64Checked : OpCode.NegateInt64,
                UnaryOp.Abs => OpCode.AbsInt64,
                UnaryOp.BitwiseNot when u.Kind == ValueKind.Int64 => OpCode.NotInt64,
                _ => throw new ArgumentException($"Unary {u.Op} is not defined on {u.Kind}.", nameof(u)),
            };
        }

        private static OpCode BinaryOpCode(Binary b)
        {
            if (b.Kind == ValueKind.Double)
            {
                return b.Op switch
                {
                    BinaryOp.Add => OpCode.AddDouble,
                    BinaryOp.Subtract => OpCode.SubtractDouble,
                    BinaryOp.Multiply => OpCode.MultiplyDouble,
                    BinaryOp.Divide => OpCode.DivideDouble,
                    BinaryOp.Remainder => OpCode.RemainderDouble,
                    BinaryOp.Min => OpCode.MinDouble,
                    BinaryOp.Max => OpCode.MaxDouble,
                    _ => throw new ArgumentException($"Binary {b.Op} is not defined on double.", nameof(b)),
                };
            }

            return b.Op switch
            {
                BinaryOp.Add => b.Checked ? OpCode.AddInt64Checked : OpCode.AddInt64,
                BinaryOp.Subtract => b.Checked ? OpCode.SubtractInt64Checked : OpCode.SubtractInt64,
                BinaryOp.Multiply => b.Checked ? OpCode.MultiplyInt64Checked : OpCode.MultiplyInt64,
                BinaryOp.Divide => OpCode.DivideInt64,
                BinaryOp.Remainder => OpCode.RemainderInt64,
                BinaryOp.BitwiseAnd => OpCode.AndInt64,
                BinaryOp.BitwiseOr => OpCode.OrInt64,
                BinaryOp.ExclusiveOr => OpCode.XorInt64,
                BinaryOp.ShiftLeft => OpCode.ShiftLeftInt64,
                BinaryOp.ShiftRight => OpCode.ShiftRightInt64,
                BinaryOp.Min => OpCode.MinInt64,
                BinaryOp.Max => OpCode.MaxInt64,
                _ => throw new ArgumentException($"Unknown binary operator {b.Op}.", nameof(b)),
            };
        }

        private static OpCode CompareOpCode(ComparisonOp op, ValueKind kind) => (op, kind) switch
        {
            (ComparisonOp.Less, ValueKind.Int64) => OpCode.LessInt64,
            (ComparisonOp.LessOrEqual, ValueKind.Int64) => OpCode.LessOrEqualInt64,
            (ComparisonOp.Greater, ValueKind.Int64) => OpCode.GreaterInt64,
            (ComparisonOp.GreaterOrEqual, ValueKind.Int64) => OpCode.GreaterOrEqualInt64,
            (ComparisonOp.Equal, ValueKind.Int64) => OpCode.EqualInt64,
            (ComparisonOp.NotEqual, ValueKind.Int64) => OpCode.NotEqualInt64,
            (ComparisonOp.Less, _) => OpCode.LessDouble,
            (ComparisonOp.LessOrEqual, _) => OpCode.LessOrEqualDouble,
            (ComparisonOp.Greater, _) => OpCode.GreaterDouble,
            (ComparisonOp.GreaterOrEqual, _) => OpCode.GreaterOrEqualDouble,
            (ComparisonOp.Equal, _) => OpCode.EqualDouble,
            _ => OpCode.NotEqualDouble,
        };
    }
}
