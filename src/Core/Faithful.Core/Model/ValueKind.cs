namespace Faithful.Model;

/// <summary>The C# type of a program value.</summary>
public enum ValueKind
{
    /// <summary><c>long</c>: two's-complement, unchecked wrap-around unless a checked context applies.</summary>
    Int64,

    /// <summary><c>double</c>: IEEE 754 binary64 as .NET computes it.</summary>
    Double,
}

public static class ValueKindExtensions
{
    public static string ToCSharpKeyword(this ValueKind kind) => kind == ValueKind.Double ? "double" : "long";

    public static bool TryParseKeyword(string keyword, out ValueKind kind)
    {
        switch (keyword)
        {
            case "long" or "Int64" or "System.Int64":
                kind = ValueKind.Int64;
                return true;
            case "double" or "Double" or "System.Double":
                kind = ValueKind.Double;
                return true;
            default:
                kind = default;
                return false;
        }
    }
}
