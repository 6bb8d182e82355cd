using System.Text;
using Faithful.Families;
using Faithful.Model;

namespace Faithful.Traces.Simulation.Protocols;

/// <summary>
/// The random draws of one simulated case under a protocol, each a function of (seed, profile, protocol, program,
/// inputs, sample, what is drawn, index) alone. So the slip at step 7 is the same draw whichever turn reaches it, and
/// a case asked again gives the same conversation. Each draw is a SplitMix64 finalisation of a 64-bit FNV-1a key, so
/// neighbouring indices give independent draws.
/// </summary>
internal readonly struct TurnDraws
{
    private const ulong Prime = 1099511628211UL;

    private readonly ulong _base;

    public TurnDraws(int seed, string profile, string protocol, string programId, IReadOnlyList<Value> inputs, int sample)
    {
        var hash = Mix(14695981039346656037UL, seed);
        hash = Mix(hash, profile);
        hash = Mix(hash, protocol);
        hash = Mix(hash, programId);
        hash = Mix(hash, sample);
        foreach (var input in inputs)
        {
            hash = Mix(hash, input.Bits);
        }

        _base = hash;
    }

    /// <summary>A uniform draw in [0, 1) named by <paramref name="what"/> and <paramref name="index"/>.</summary>
    public double Uniform(string what, int index = 0) => (Draw(what, index) >> 11) * (1.0 / (1UL << 53));

    /// <summary>A whole number in [0, <paramref name="count"/>) named by <paramref name="what"/> and <paramref name="index"/>.</summary>
    public int Pick(string what, int index, int count) => (int)(Uniform(what, index) * count);

    private ulong Draw(string what, int index) => SplitMix64.Mix(Mix(Mix(_base, what), index));

    private static ulong Mix(ulong hash, long value)
    {
        for (var i = 0; i < 8; i++)
        {
            hash = (hash ^ (byte)(value >> (8 * i))) * Prime;
        }

        return hash;
    }

    private static ulong Mix(ulong hash, string value)
    {
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            hash = (hash ^ b) * Prime;
        }

        return Mix(hash, value.Length);
    }
}
