using System.Collections.Immutable;
using Faithful.Model;

namespace Faithful.SourcePrograms.Syntax;

/// <summary>A compiled statement of the syntax pass: a write of one variable, or a loop run a known number of times.</summary>
internal abstract record Instruction;

/// <summary>Writes <paramref name="Variable"/> (an index into the pass's variables) with the value of <paramref name="Value"/>.</summary>
internal sealed record Write(int Variable, ExprTemplate Value, string SourceText, int Line) : Instruction;

/// <summary>Runs <paramref name="Body"/> <paramref name="Iterations"/> times.</summary>
internal sealed record Loop(int Iterations, ImmutableArray<Instruction> Body) : Instruction;

/// <summary>An expression whose reads name variables; stamping resolves each read to the variable's slot at that point.</summary>
internal abstract record ExprTemplate;

/// <summary>A constant, shared by every step stamped from it.</summary>
internal sealed record ConstantTemplate(Constant Constant) : ExprTemplate;

internal sealed record ReadTemplate(int Variable) : ExprTemplate;

internal sealed record NegateTemplate(ExprTemplate Operand) : ExprTemplate;

internal sealed record BinaryTemplate(BinaryOp Op, ExprTemplate Left, ExprTemplate Right) : ExprTemplate;
