using System.Text;

namespace Faithful.Traces.Simulation;

/// <summary>FNV-1a, 64-bit: a seed that is the same on every machine and run (string.GetHashCode is randomized per process).</summary>
internal struct StableHash
{
    private const ulong Prime = 1099511628211UL;
    private ulong _hash;

    public StableHash() => _hash = 14695981039346656037UL;

    public StableHash Add(long value)
    {
        for (var i = 0; i < 8; i++)
        {
            _hash = (_hash ^ (byte)(value >> (8 * i))) * Prime;
        }

        return this;
    }

    public StableHash Add(string value)
    {
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            _hash = (_hash ^ b) * Prime;
        }

        return Add(value.Length);
    }

    public readonly int ToSeed() => (int)(_hash ^ (_hash >> 32));
}
