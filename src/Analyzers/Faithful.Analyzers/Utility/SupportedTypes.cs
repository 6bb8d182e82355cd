using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Faithful.Analyzers.Utility;

/// <summary>Which unsupported types can become <c>long</c> without changing any value they hold.</summary>
internal static class SupportedTypes
{
    /// <summary>Diagnostic property set when the FA1009 fix may change the type to long.</summary>
    public const string WidensToLong = nameof(WidensToLong);

    public static bool CanWidenToLong(ITypeSymbol type) => type.SpecialType is
        SpecialType.System_SByte or SpecialType.System_Byte or SpecialType.System_Int16 or SpecialType.System_UInt16
        or SpecialType.System_Int32 or SpecialType.System_UInt32;

    public static ImmutableDictionary<string, string?> Properties(ITypeSymbol type) => CanWidenToLong(type)
        ? ImmutableDictionary<string, string?>.Empty.Add(WidensToLong, "true")
        : ImmutableDictionary<string, string?>.Empty;
}
