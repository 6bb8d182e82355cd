using System;
using Faithful.Model;
using Microsoft.CodeAnalysis;

namespace Faithful.Analyzers.Extraction;

/// <summary>A compile-time value while unrolling loops: an int, a long or a double, with its C# type.</summary>
internal readonly record struct FoldedValue(SpecialType Type, long Integer, double Real)
{
    public bool IsIntegral => Type is SpecialType.System_Int32 or SpecialType.System_Int64;

    public static FoldedValue Int32(long value) => new(SpecialType.System_Int32, unchecked((int)value), 0);

    public static FoldedValue Int64(long value) => new(SpecialType.System_Int64, value, 0);

    public static FoldedValue Double(double value) => new(SpecialType.System_Double, 0, value);

    /// <summary>The value as a model constant of <paramref name="kind"/>; ints widen to long as C# does.</summary>
    public Constant ToConstant(ValueKind kind) => new(kind == ValueKind.Double
        ? Value.FromDouble(IsIntegral ? Integer : Real)
        : Value.FromInt64(Integer));

    /// <summary>Reads a Roslyn constant of a numeric type we can hold.</summary>
    public static FoldedValue? FromConstant(ITypeSymbol? type, object? value)
    {
        switch (value)
        {
            case int i:
                return Int32(i);
            case long l:
                return Int64(l);
            case double d:
                return Double(d);
            case uint u when type?.SpecialType == SpecialType.System_UInt32:
                return Int64(u);
            case short s:
                return Int32(s);
            case sbyte sb:
                return Int32(sb);
            case byte b:
                return Int32(b);
            case ushort us:
                return Int32(us);
            default:
                return null;
        }
    }
}
