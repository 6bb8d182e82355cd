namespace Faithful.Model;

/// <summary>Binary operators and the two-argument <c>Math</c> members a step may use.</summary>
public enum BinaryOp
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
public enum UnaryOp
{
    Negate,
    BitwiseNot,
    Abs,

    /// <summary><c>(double)x</c>, explicit or implicit.</summary>
    ToDouble,

    /// <summary><c>(long)x</c> from a double: truncation, saturating in unchecked context (.NET 9+).</summary>
    ToInt64,

    /// <summary><c>(int)x</c> from a long: keeps the low 32 bits, sign-extended.</summary>
    ToInt32,
}

/// <summary>The comparison in a conditional <c>c ? a : b</c>.</summary>
public enum ComparisonOp
{
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Equal,
    NotEqual,
}

public static class OperatorText
{
    public static string Symbol(this BinaryOp op) => op switch
    {
        BinaryOp.Add => "+",
        BinaryOp.Subtract => "-",
        BinaryOp.Multiply => "*",
        BinaryOp.Divide => "/",
        BinaryOp.Remainder => "%",
        BinaryOp.BitwiseAnd => "&",
        BinaryOp.BitwiseOr => "|",
        BinaryOp.ExclusiveOr => "^",
        BinaryOp.ShiftLeft => "<<",
        BinaryOp.ShiftRight => ">>",
        BinaryOp.Min => "Math.Min",
        BinaryOp.Max => "Math.Max",
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, null),
    };

    public static bool IsCall(this BinaryOp op) => op is BinaryOp.Min or BinaryOp.Max;

    public static string Symbol(this ComparisonOp op) => op switch
    {
        ComparisonOp.Less => "<",
        ComparisonOp.LessOrEqual => "<=",
        ComparisonOp.Greater => ">",
        ComparisonOp.GreaterOrEqual => ">=",
        ComparisonOp.Equal => "==",
        ComparisonOp.NotEqual => "!=",
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, null),
    };

    /// <summary>C# binding strength, higher binds tighter; used to print minimal parentheses.</summary>
    public static int Precedence(this BinaryOp op) => op switch
    {
        BinaryOp.Multiply or BinaryOp.Divide or BinaryOp.Remainder => 13,
        BinaryOp.Add or BinaryOp.Subtract => 12,
        BinaryOp.ShiftLeft or BinaryOp.ShiftRight => 11,
        BinaryOp.BitwiseAnd => 8,
        BinaryOp.ExclusiveOr => 7,
        BinaryOp.BitwiseOr => 6,
        _ => 20,
    };
}
