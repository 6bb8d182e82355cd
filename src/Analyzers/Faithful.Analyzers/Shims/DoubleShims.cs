namespace System;

/// <summary><c>double.IsFinite</c> for the Faithful.Core files this netstandard2.0 assembly compiles.</summary>
internal static class DoubleShims
{
    extension(double)
    {
        public static bool IsFinite(double value) => !double.IsNaN(value) && !double.IsInfinity(value);
    }
}
