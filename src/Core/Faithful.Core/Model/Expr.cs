namespace Faithful.Model;

/// <summary>
/// The expression tree of a step. Every node knows its result kind; implicit conversions
/// are explicit <see cref="Unary"/> <see cref="UnaryOp.ToDouble"/> nodes, so evaluation never guesses.
/// </summary>
public abstract record Expr(ValueKind Kind);

/// <summary>A literal.</summary>
public sealed record Constant(Value Value) : Expr(Value.Kind);

/// <summary>
/// A read of a value slot: slots <c>0..P-1</c> are the inputs, slot <c>P+i</c> is step <c>i</c>.
/// Each slot is one version of one variable, so reads are single-assignment (SSA).
/// </summary>
public sealed record Ref(int Slot, ValueKind Kind) : Expr(Kind);

/// <summary>A unary operator, <c>Math.Abs</c> or a conversion.</summary>
public sealed record Unary(UnaryOp Op, Expr Operand, ValueKind Kind, bool Checked = false) : Expr(Kind);

/// <summary>A binary operator or a two-argument <c>Math</c> call. Shift counts are masked to 6 bits as C# does.</summary>
public sealed record Binary(BinaryOp Op, Expr Left, Expr Right, ValueKind Kind, bool Checked = false) : Expr(Kind);

/// <summary><c>left op right ? whenTrue : whenFalse</c>; both comparands share one kind.</summary>
public sealed record Conditional(ComparisonOp Op, Expr Left, Expr Right, Expr WhenTrue, Expr WhenFalse, ValueKind Kind) : Expr(Kind);
