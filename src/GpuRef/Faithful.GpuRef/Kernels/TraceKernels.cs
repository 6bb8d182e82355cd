using Faithful.GpuRef.Bytecode;
using ILGPU;

namespace Faithful.GpuRef.Kernels;

/// <summary>
/// The ILGPU kernel: one thread per (program, input) pair interprets the program's bytecode and writes
/// every step's 64-bit value to the pair's row of the trace matrix, then the answer, or stops at the
/// first fault and records its code and step. A counterfactual pair alters its state before step k
/// (after its true prefix, or given whole) and continues from there.
/// </summary>
/// <remarks>
/// Why an interpreter and not one specialised kernel per program: a batch mixes hundreds of programs of
/// different lengths, and one kernel loaded once serves them all. It also keeps double arithmetic
/// bit-exact on GPUs: each operation is its own trip round the dispatch loop and its result goes through
/// the local stack as raw bits, so no multiply ever feeds an add in registers and ptxas has nothing to
/// contract into a fused multiply-add (ILGPU 1.5.3 emits <c>add.f64</c>/<c>mul.f64</c> without <c>.rn</c>).
/// </remarks>
public static class TraceKernels
{
    /// <param name="pair">The pair this thread evaluates.</param>
    /// <param name="code">All programs' instructions, concatenated.</param>
    /// <param name="constants">All programs' constants, concatenated.</param>
    /// <param name="headers">Per program: where its code, constants and step starts begin, its shape.</param>
    /// <param name="stepStarts">Per program, <c>steps + 1</c> cells: where each step's code (then the answer's) begins.</param>
    /// <param name="pairPrograms">Per pair: its program's index into <paramref name="headers"/>.</param>
    /// <param name="inputOffsets">Per pair: where its inputs start, before <see cref="TraceKernelArguments.InputBase"/> is taken off.</param>
    /// <param name="inputs">The pairs' inputs as 64-bit values; a counterfactual has its true inputs, then its state's.</param>
    /// <param name="traceOffsets">Per pair: where its row (steps, then the answer) starts, before <see cref="TraceKernelArguments.CellBase"/> is taken off.</param>
    /// <param name="trace">The trace matrix, ragged: one row of <c>steps + 1</c> cells per pair.</param>
    /// <param name="faults">Per pair, two cells: the <see cref="FaultCode"/> and the faulting step.</param>
    /// <param name="counterfactuals">Per pair, four cells (start step, <see cref="CounterfactualMode"/>, first override, override count) when <see cref="TraceKernelArguments.HasCounterfactuals"/> is set.</param>
    /// <param name="overrides">Two cells per override (slot, bits), indexed from <see cref="TraceKernelArguments.OverrideBase"/>.</param>
    /// <param name="arguments">Scalars of this launch.</param>
    public static void Evaluate(
        Index1D pair,
        ArrayView<int> code,
        ArrayView<long> constants,
        ArrayView<ProgramHeader> headers,
        ArrayView<int> stepStarts,
        ArrayView<int> pairPrograms,
        ArrayView<int> inputOffsets,
        ArrayView<long> inputs,
        ArrayView<long> traceOffsets,
        ArrayView<long> trace,
        ArrayView<int> faults,
        ArrayView<int> counterfactuals,
        ArrayView<long> overrides,
        TraceKernelArguments arguments)
    {
        if (pair >= arguments.PairCount)
        {
            return;
        }

        var header = headers[pairPrograms[pair]];
        var inputBase = inputOffsets[pair] - arguments.InputBase;
        var traceBase = (int)(traceOffsets[pair] - arguments.CellBase);
        var stack = LocalMemory.Allocate<long>(BytecodeLimits.MaxStackDepth);
        var top = -1;
        var step = 0;
        var pc = header.CodeStart;
        var fault = FaultCode.None;

        // A counterfactual alters its state when `step` reaches `alterAt`: before the first step, after its true prefix,
        // or at once when the state is given whole (then the prefix is skipped by starting at that step's code).
        var alterAt = -1;
        var firstOverride = 0;
        var overrideCount = 0;
        if (arguments.HasCounterfactuals != 0 && counterfactuals[(4 * pair) + 1] != CounterfactualMode.Plain)
        {
            alterAt = counterfactuals[4 * pair];
            firstOverride = counterfactuals[(4 * pair) + 2] - arguments.OverrideBase;
            overrideCount = counterfactuals[(4 * pair) + 3];
            if (counterfactuals[(4 * pair) + 1] == CounterfactualMode.FromGivenState)
            {
                step = alterAt;
                pc = header.CodeStart + stepStarts[header.StepStartsStart + alterAt];
            }
        }

        if (step == alterAt)
        {
            Alter(trace, traceBase, overrides, firstOverride, overrideCount, header.ParameterCount);
            inputBase += header.ParameterCount;
        }

        while (true)
        {
            var word = code[pc];
            var op = (OpCode)(word & 0xFF);
            var operand = (int)((uint)word >> 8);
            pc++;

            if (op == OpCode.LoadSlot)
            {
                top++;
                stack[top] = operand < header.ParameterCount
                    ? inputs[inputBase + operand]
                    : trace[traceBase + operand - header.ParameterCount];
                continue;
            }

            if (op == OpCode.LoadConstant)
            {
                top++;
                stack[top] = constants[header.ConstantStart + operand];
                continue;
            }

            if (op == OpCode.Jump)
            {
                pc = header.CodeStart + operand;
                continue;
            }

            if (op == OpCode.JumpIfFalse)
            {
                var condition = stack[top];
                top--;
                if (condition == 0)
                {
                    pc = header.CodeStart + operand;
                }

                continue;
            }

            if (op >= OpCode.StoreStepInt64)
            {
                var value = stack[top];
                top--;
                var isDouble = op == OpCode.StoreStepDouble || op == OpCode.StoreAnswerDouble;
                trace[traceBase + step] = value;
                if (isDouble && header.AllowNonFinite == 0 && !KernelArithmetic.IsFinite(value))
                {
                    fault = FaultCode.NotFinite;
                    break;
                }

                if (op == OpCode.StoreAnswerInt64 || op == OpCode.StoreAnswerDouble)
                {
                    break;
                }

                step++;
                if (step == alterAt)
                {
                    Alter(trace, traceBase, overrides, firstOverride, overrideCount, header.ParameterCount);
                    inputBase += header.ParameterCount;
                }

                continue;
            }

            KernelOutcome outcome;
            if (IsUnary(op))
            {
                outcome = Unary(op, stack[top]);
            }
            else
            {
                var right = stack[top];
                top--;
                outcome = Binary(op, stack[top], right);
            }

            stack[top] = outcome.Bits;
            fault = outcome.FaultCode;

            if (fault != FaultCode.None)
            {
                break;
            }
        }

        faults[2 * pair] = fault;
        faults[2 * pair + 1] = step;
    }

    /// <summary>
    /// Writes a counterfactual's step overrides into its row. Its input overrides are already in its state's inputs,
    /// which the caller switches to (they follow the true inputs).
    /// </summary>
    private static void Alter(ArrayView<long> trace, int traceBase, ArrayView<long> overrides, int first, int count, int parameterCount)
    {
        for (var o = first; o < first + count; o++)
        {
            var slot = (int)overrides[2 * o];
            if (slot >= parameterCount)
            {
                trace[traceBase + slot - parameterCount] = overrides[(2 * o) + 1];
            }
        }
    }

    private static bool IsUnary(OpCode op) =>
        (op >= OpCode.NegateInt64 && op <= OpCode.AbsInt64)
        || op == OpCode.NegateDouble
        || op == OpCode.AbsDouble
        || (op >= OpCode.Int64ToDouble && op <= OpCode.Int64ToInt32Checked);

    /// <summary>Applies a one-operand instruction.</summary>
    private static KernelOutcome Unary(OpCode op, long value)
    {
        switch (op)
        {
            case OpCode.NegateInt64:
                return new KernelOutcome(unchecked(-value));
            case OpCode.NegateInt64Checked:
                if (value == long.MinValue)
                {
                    return KernelOutcome.Fault(FaultCode.Overflow);
                }

                return new KernelOutcome(-value);
            case OpCode.NotInt64:
                return new KernelOutcome(~value);
            case OpCode.AbsInt64:
                // Math.Abs(long.MinValue) throws in any context.
                if (value == long.MinValue)
                {
                    return KernelOutcome.Fault(FaultCode.Overflow);
                }

                return new KernelOutcome(value < 0 ? -value : value);
            case OpCode.NegateDouble:
                return new KernelOutcome(KernelArithmetic.NegateDouble(value));
            case OpCode.AbsDouble:
                return new KernelOutcome(KernelArithmetic.AbsDouble(value));
            case OpCode.Int64ToDouble:
                return new KernelOutcome(KernelArithmetic.ToBits((double)value));
            case OpCode.DoubleToInt64:
                return new KernelOutcome(KernelArithmetic.SaturatingToInt64(value));
            case OpCode.DoubleToInt64Checked:
                if (KernelArithmetic.DoubleToInt64Overflows(value))
                {
                    return KernelOutcome.Fault(FaultCode.Overflow);
                }

                return new KernelOutcome((long)KernelArithmetic.ToDouble(value));
            case OpCode.Int64ToInt32:
                return new KernelOutcome((int)value);
            default:
                if (value < int.MinValue || value > int.MaxValue)
                {
                    return KernelOutcome.Fault(FaultCode.Overflow);
                }

                return new KernelOutcome(value);
        }
    }

    /// <summary>Applies a two-operand instruction.</summary>
    private static KernelOutcome Binary(OpCode op, long left, long right)
    {
        switch (op)
        {
            case OpCode.AddInt64:
                return new KernelOutcome(unchecked(left + right));
            case OpCode.SubtractInt64:
                return new KernelOutcome(unchecked(left - right));
            case OpCode.MultiplyInt64:
                return new KernelOutcome(unchecked(left * right));
            case OpCode.DivideInt64:
            case OpCode.RemainderInt64:
                if (right == 0)
                {
                    return KernelOutcome.Fault(FaultCode.DivideByZero);
                }

                // long.MinValue / -1 and % -1 throw OverflowException in .NET, checked or not.
                if (left == long.MinValue && right == -1)
                {
                    return KernelOutcome.Fault(FaultCode.Overflow);
                }

                return new KernelOutcome(op == OpCode.DivideInt64 ? left / right : left % right);
            case OpCode.AndInt64:
                return new KernelOutcome(left & right);
            case OpCode.OrInt64:
                return new KernelOutcome(left | right);
            case OpCode.XorInt64:
                return new KernelOutcome(left ^ right);
            case OpCode.ShiftLeftInt64:
                // C# masks a long's shift count to 6 bits; PTX would clamp instead, so mask by hand.
                return new KernelOutcome(left << (int)(right & 63));
            case OpCode.ShiftRightInt64:
                return new KernelOutcome(left >> (int)(right & 63));
            case OpCode.MinInt64:
                return new KernelOutcome(left < right ? left : right);
            case OpCode.MaxInt64:
                return new KernelOutcome(left > right ? left : right);
            case OpCode.AddInt64Checked:
                if (KernelArithmetic.AddOverflows(left, right))
                {
                    return KernelOutcome.Fault(FaultCode.Overflow);
                }

                return new KernelOutcome(unchecked(left + right));
            case OpCode.SubtractInt64Checked:
                if (KernelArithmetic.SubtractOverflows(left, right))
                {
                    return KernelOutcome.Fault(FaultCode.Overflow);
                }

                return new KernelOutcome(unchecked(left - right));
            case OpCode.MultiplyInt64Checked:
                if (KernelArithmetic.MultiplyOverflows(left, right))
                {
                    return KernelOutcome.Fault(FaultCode.Overflow);
                }

                return new KernelOutcome(unchecked(left * right));
            case OpCode.AddDouble:
                return new KernelOutcome(KernelArithmetic.ToBits(KernelArithmetic.ToDouble(left) + KernelArithmetic.ToDouble(right)));
            case OpCode.SubtractDouble:
                return new KernelOutcome(KernelArithmetic.ToBits(KernelArithmetic.ToDouble(left) - KernelArithmetic.ToDouble(right)));
            case OpCode.MultiplyDouble:
                return new KernelOutcome(KernelArithmetic.ToBits(KernelArithmetic.ToDouble(left) * KernelArithmetic.ToDouble(right)));
            case OpCode.DivideDouble:
                return new KernelOutcome(KernelArithmetic.ToBits(KernelArithmetic.ToDouble(left) / KernelArithmetic.ToDouble(right)));
            case OpCode.RemainderDouble:
                return new KernelOutcome(KernelArithmetic.RemainderDouble(left, right));
            case OpCode.MinDouble:
                return new KernelOutcome(KernelArithmetic.MinDouble(left, right));
            case OpCode.MaxDouble:
                return new KernelOutcome(KernelArithmetic.MaxDouble(left, right));
            default:
                return new KernelOutcome(Compare(op, left, right) ? 1 : 0);
        }
    }

    private static bool Compare(OpCode op, long left, long right)
    {
        var l = KernelArithmetic.ToDouble(left);
        var r = KernelArithmetic.ToDouble(right);
        return op switch
        {
            OpCode.LessInt64 => left < right,
            OpCode.LessOrEqualInt64 => left <= right,
            OpCode.GreaterInt64 => left > right,
            OpCode.GreaterOrEqualInt64 => left >= right,
            OpCode.EqualInt64 => left == right,
            OpCode.NotEqualInt64 => left != right,
            OpCode.LessDouble => l < r,
            OpCode.LessOrEqualDouble => l <= r,
            OpCode.GreaterDouble => l > r,
            OpCode.GreaterOrEqualDouble => l >= r,
            OpCode.EqualDouble => l == r,
            _ => l != r,
        };
    }
}
