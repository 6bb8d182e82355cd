using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace System;

/// <summary><c>ArgumentNullException.ThrowIfNull</c> for the Faithful.Core files this netstandard2.0 assembly compiles.</summary>
internal static class ArgumentNullExceptionShims
{
    extension(ArgumentNullException)
    {
        public static void ThrowIfNull([NotNull] object? argument, [CallerArgumentExpression(nameof(argument))] string? paramName = null)
        {
            if (argument is null)
            {
                throw new ArgumentNullException(paramName);
            }
        }
    }
}
