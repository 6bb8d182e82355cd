using System.Globalization;

namespace Faithful.Model;

/// <summary>
/// The one naming rule for steps, used by the extractor, the analyzers' syntax pass and the program families:
/// a local written once is named after its variable (<c>s3</c>); an input written again, or a local written more than
/// once, names each write by its version (<c>a3#2</c>), so every name is unique and says which write it is.
/// </summary>
public static class StepNames
{
    /// <param name="variable">The C# variable the step writes.</param>
    /// <param name="version">Which write of the variable this is (1 for the first; inputs are version 0).</param>
    /// <param name="writes">How many steps write the variable in the whole program.</param>
    /// <param name="isInput">Whether the variable is a parameter of the program.</param>
    public static string Of(string variable, int version, int writes, bool isInput) =>
        writes == 1 && !isInput ? variable : Versioned(variable, version);

    // One string per name (an unrolled loop names thousands of steps), without the version's own string first.
    internal static string Versioned(string variable, int version) =>
#if NET
        string.Create(CultureInfo.InvariantCulture, $"{variable}#{version}");
#else
        variable + "#" + version.ToString(CultureInfo.InvariantCulture);
#endif

#if NET
    /// <summary>Names kept by <see cref="SharedVersions"/> in all, so the store stays a few megabytes whatever a process reads.</summary>
    public const int MaxSharedNames = 1 << 17;

    /// <summary>
    /// The versioned names of <paramref name="variable"/>'s writes from 1 to at least <paramref name="writes"/> (<c>n_0#1</c>,
    /// <c>n_0#2</c>, ...; the name of version v at v - 1), each the string <see cref="Of"/> gives, shared by every
    /// program that asks: an unrolled loop names thousands of steps, and a file of such programs names the same ones
    /// again. Empty when the store is full (<see cref="MaxSharedNames"/>) or the variable is unusually long; then name
    /// each write with <see cref="Of"/>.
    /// </summary>
    public static System.Collections.Immutable.ImmutableArray<string> SharedVersions(string variable, int writes) =>
        VersionNameStore.Shared.Versions(variable, writes);
#endif

    /// <summary>
    /// Where the '#' of a versioned name (<c>a3#2</c>: a name, '#', digits) stands, so that the variable is the text before
    /// it and the version the digits after; -1 for any other text (<c>s3</c>, <c>#2</c>, <c>a3#</c>, <c>a3#x</c>).
    /// </summary>
    public static int VersionMark(string name)
    {
        // Also compiled into the analyzers (netstandard2.0): plain string and char calls only.
        ArgumentNullException.ThrowIfNull(name);

        var hash = name.IndexOf('#');
        if (hash <= 0 || hash == name.Length - 1)
        {
            return -1;
        }

        for (var i = hash + 1; i < name.Length; i++)
        {
            if (name[i] is < '0' or > '9')
            {
                return -1;
            }
        }

        return hash;
    }

    /// <summary>The variable a step name writes: the text before the mark of a versioned name (<c>a3#2</c> → <c>a3</c>), else the name itself.</summary>
    public static string VariableOf(string name)
    {
        var mark = VersionMark(name);
        return mark > 0 ? name.Substring(0, mark) : name;
    }
}
