namespace System;

/// <summary>The <c>string</c> overloads newer than netstandard2.0 that the Faithful.Core files use; all ordinal, as there.</summary>
internal static class StringShims
{
    public static bool Contains(this string text, char value, StringComparison comparison) =>
        comparison == StringComparison.Ordinal ? text.IndexOf(value) >= 0 : text.IndexOf(value.ToString(), comparison) >= 0;

    public static bool StartsWith(this string text, char value) => text.Length > 0 && text[0] == value;

    public static string Replace(this string text, string oldValue, string newValue, StringComparison comparison) =>
        comparison == StringComparison.Ordinal
            ? text.Replace(oldValue, newValue)
            : throw new ArgumentException("Only ordinal replacement is available here.", nameof(comparison));
}
