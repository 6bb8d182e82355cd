namespace Faithful.Analyzers.Extraction;

// These enums mirror Faithful.Model's ValueKind, BinaryOp, UnaryOp and ComparisonOp member for member
// (the analyzer assembly targets netstandard2.0 and cannot reference Faithful.Core); a test keeps them in step.

/// <summary>The C# type of a program value: <c>long</c> or <c>double</c>.</summary>
public enum ModelValueKind
{
    Int64,
    Double,
}

/// <summary>Binary operators and the two-argument <c>Math</c> members a step may use.</summary>
public enum ModelBinaryOp
{
    Add,
    Subtract,
    Multiply,
    Divide,
    Remainder,
    BitwiseAnd,
    BitwiseOr,
    ExclusiveOr,
    ShiftLeft,
    ShiftRight,
    Min,
    Max,
}

/// <summary>Unary operators, <c>Math.Abs</c> and the numeric conversions a step may use.</summary>
public enum ModelUnaryOp
{
    Negate,
    BitwiseNot,
    Abs,
    ToDouble,
    ToInt64,
    ToInt32,
}

/// <summary>The comparison of a conditional expression.</summary>
public enum ModelComparisonOp
{
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Equal,
    NotEqual,
}
