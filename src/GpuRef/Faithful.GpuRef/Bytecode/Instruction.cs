namespace Faithful.GpuRef.Bytecode;

/// <summary>Packs and unpacks the 32-bit instruction word.</summary>
public static class Instruction
{
    /// <summary>Operands are 24-bit unsigned.</summary>
    public const int MaxOperand = (1 << 24) - 1;

    public static int Encode(OpCode op, int operand = 0) => (int)op | (operand << 8);

    public static OpCode OpOf(int word) => (OpCode)(word & 0xFF);

    public static int OperandOf(int word) => (int)((uint)word >> 8);
}
