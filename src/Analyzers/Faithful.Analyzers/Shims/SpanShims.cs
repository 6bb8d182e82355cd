namespace System;

/// <summary>
/// <c>ReadOnlySpan&lt;T&gt;.SequenceEqual</c> for any <c>T</c>: netstandard2.0's overload needs <c>T : IEquatable&lt;T&gt;</c>,
/// which Faithful.Core's <c>EquatableArray&lt;T&gt;</c> does not require.
/// </summary>
internal static class SpanShims
{
    public static bool SequenceEqual<T>(this ReadOnlySpan<T> left, ReadOnlySpan<T> right)
    {
        if (left.Length != right.Length)
        {
            return false;
        }

        var comparer = Collections.Generic.EqualityComparer<T>.Default;
        for (var i = 0; i < left.Length; i++)
        {
            if (!comparer.Equals(left[i], right[i]))
            {
                return false;
            }
        }

        return true;
    }
}
