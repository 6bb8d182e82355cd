namespace Faithful.GpuRef.Bytecode;

/// <summary>
/// One instruction of the stack bytecode. An instruction is an <see cref="int"/>: the opcode in the low
/// 8 bits and an operand (slot, constant index or jump target) in the upper 24.
/// </summary>
public enum OpCode : byte
{
    /// <summary>Push slot <c>operand</c>: an input when below the parameter count, else a step's value.</summary>
    LoadSlot,
    /// <summary>Push constant <c>operand</c> of the program's constant table.</summary>
    LoadConstant,

    AddInt64,
    SubtractInt64,
    MultiplyInt64,
    DivideInt64,
    RemainderInt64,
    AndInt64,
    OrInt64,
    XorInt64,
    ShiftLeftInt64,
    ShiftRightInt64,
    MinInt64,
    MaxInt64,
    AddInt64Checked,
    SubtractInt64Checked,
    MultiplyInt64Checked,
    NegateInt64,
    NegateInt64Checked,
    NotInt64,
    AbsInt64,

    AddDouble,
    SubtractDouble,
    MultiplyDouble,
    DivideDouble,
    RemainderDouble,
    MinDouble,
    MaxDouble,
    NegateDouble,
    AbsDouble,

    Int64ToDouble,
    DoubleToInt64,
    DoubleToInt64Checked,
    Int64ToInt32,
    Int64ToInt32Checked,

    LessInt64,
    LessOrEqualInt64,
    GreaterInt64,
    GreaterOrEqualInt64,
    EqualInt64,
    NotEqualInt64,
    LessDouble,
    LessOrEqualDouble,
    GreaterDouble,
    GreaterOrEqualDouble,
    EqualDouble,
    NotEqualDouble,

    /// <summary>Pop a condition; when it is 0 continue at instruction <c>operand</c>.</summary>
    JumpIfFalse,
    /// <summary>Continue at instruction <c>operand</c>.</summary>
    Jump,

    /// <summary>Pop the current step's long value, write it to the trace, move to the next step.</summary>
    StoreStepInt64,
    /// <summary>As <see cref="StoreStepInt64"/> for a double; a NaN or infinity faults unless the program allows it.</summary>
    StoreStepDouble,
    /// <summary>Pop the answer (long) and stop.</summary>
    StoreAnswerInt64,
    /// <summary>Pop the answer (double), fault if it is not finite and not allowed, and stop.</summary>
    StoreAnswerDouble,
}
