namespace Faithful.Families;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood, 2014): a tiny PRNG whose output depends only on the seed,
/// so generated programs and inputs are the same on every platform and .NET version
/// (<c>System.Random</c>'s algorithm is unspecified and has changed between versions).
/// </summary>
public struct SplitMix64
{
    private ulong _state;

    public SplitMix64(ulong seed) => _state = seed;

    public ulong NextUInt64()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    /// <summary>A uniform integer in <c>[min, max]</c> (inclusive), without modulo bias.</summary>
    public long NextInt64(long min, long max)
    {
        if (min > max)
        {
            throw new ArgumentOutOfRangeException(nameof(max), $"Empty range [{min}, {max}].");
        }

        var span = unchecked((ulong)(max - min)) + 1;
        if (span == 0)
        {
            // The full 64-bit range.
            return unchecked((long)NextUInt64());
        }

        // Rejection sampling: draw below the largest multiple of span.
        var limit = ulong.MaxValue - (ulong.MaxValue % span);
        ulong draw;
        do
        {
            draw = NextUInt64();
        }
        while (draw >= limit);

        return unchecked(min + (long)(draw % span));
    }

    /// <summary>A uniform index in <c>[0, count)</c>.</summary>
    public int NextIndex(int count) => (int)NextInt64(0, count - 1);

    /// <summary>True with probability <paramref name="probability"/>.</summary>
    public bool Chance(double probability) => (NextUInt64() >> 11) * (1.0 / (1UL << 53)) < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[NextIndex(items.Count)];

    /// <summary>The SplitMix64 finalizer: a bijective scramble of 64 bits.</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Derives an independent seed from a seed and a few coordinates (e.g. grid cell and index).</summary>
    public static ulong Derive(ulong seed, params ReadOnlySpan<long> coordinates)
    {
        var state = Mix(seed ^ 0x6A09E667F3BCC909UL);
        foreach (var coordinate in coordinates)
        {
            state = Mix(state ^ unchecked((ulong)coordinate) ^ 0x9E3779B97F4A7C15UL);
        }

        return state;
    }
}
