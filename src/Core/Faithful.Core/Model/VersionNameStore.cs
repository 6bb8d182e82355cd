using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace Faithful.Model;

/// <summary>
/// Versioned step names kept per variable (<c>n_0#1</c> ... <c>n_0#9800</c>) for every program of a process to share,
/// bounded by the names it holds in all: past the bound it keeps nothing more, and callers name the writes themselves.
/// </summary>
internal sealed class VersionNameStore(int maxNames)
{
    // Variables longer than this are named step by step: loop counters and registers are short.
    private const int MaxVariableLength = 32;

    private readonly ConcurrentDictionary<string, string[]> _names = new(StringComparer.Ordinal);
    private int _count;

    /// <summary>The store <see cref="StepNames.SharedVersions"/> uses.</summary>
    public static VersionNameStore Shared { get; } = new(StepNames.MaxSharedNames);

    /// <summary>Names held in all (an upper bound while two threads grow at once).</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Names of versions 1 to at least <paramref name="writes"/>, or empty when they cannot be kept.</summary>
    public ImmutableArray<string> Versions(string variable, int writes)
    {
        ArgumentNullException.ThrowIfNull(variable);
        if (writes <= 0 || writes > ProgramLimits.MaxSteps || variable.Length > MaxVariableLength)
        {
            return [];
        }

        if (!_names.TryGetValue(variable, out var names) || names.Length < writes)
        {
            // Grown by doubling (to the step limit), so a variable written a little more each program is not rebuilt
            // each time. A published array is never written again; two threads growing at once both charge the store.
            var kept = names?.Length ?? 0;
            var length = Math.Min(ProgramLimits.MaxSteps, Math.Max(writes, Math.Max(16, kept * 2)));
            if (Interlocked.Add(ref _count, length - kept) > maxNames)
            {
                Interlocked.Add(ref _count, kept - length);
                return [];
            }

            var grown = new string[length];
            names?.CopyTo(grown, 0);
            for (var version = kept + 1; version <= length; version++)
            {
                grown[version - 1] = StepNames.Versioned(variable, version);
            }

            _names[variable] = names = grown;
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(names);
    }
}
