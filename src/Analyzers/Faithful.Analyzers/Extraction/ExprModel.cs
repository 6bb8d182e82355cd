namespace Faithful.Analyzers.Extraction;

/// <summary>
/// A step's expression tree, mirroring <c>Faithful.Model.Expr</c>: reads are resolved to slots
/// (inputs <c>0..P-1</c>, step <c>i</c> at <c>P+i</c>) and implicit conversions are explicit nodes.
/// </summary>
public abstract record ExprModel(ModelValueKind Kind);

/// <summary>A literal; <paramref name="Bits"/> is the long value or the double's IEEE bits.</summary>
public sealed record ConstantModel(ModelValueKind Kind, long Bits) : ExprModel(Kind);

/// <summary>A read of one slot.</summary>
public sealed record RefModel(int Slot, ModelValueKind Kind) : ExprModel(Kind);

/// <summary>A unary operator, <c>Math.Abs</c> or a conversion; <paramref name="Checked"/>: written in a checked context.</summary>
public sealed record UnaryModel(ModelUnaryOp Op, ExprModel Operand, ModelValueKind Kind, bool Checked) : ExprModel(Kind);

/// <summary>A binary operator or <c>Math.Min/Max</c>; <paramref name="Checked"/>: written in a checked context.</summary>
public sealed record BinaryModel(ModelBinaryOp Op, ExprModel Left, ExprModel Right, ModelValueKind Kind, bool Checked) : ExprModel(Kind);

/// <summary><c>left op right ? whenTrue : whenFalse</c>.</summary>
public sealed record ConditionalModel(ModelComparisonOp Op, ExprModel Left, ExprModel Right, ExprModel WhenTrue, ExprModel WhenFalse, ModelValueKind Kind) : ExprModel(Kind);
