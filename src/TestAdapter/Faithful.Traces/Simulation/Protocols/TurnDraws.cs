using Faithful.Model;

namespace Faithful.Traces.Simulation.Protocols;

/// <summary>
/// The random draws of one simulated case under a protocol, each a function of (seed, profile, protocol, program,
/// inputs, sample, what is drawn, index) alone. So the slip at step 7 is the same draw whichever turn reaches it, and
/// a case asked again gives the same conversation.
/// </summary>
internal readonly struct TurnDraws
{
    private readonly StableHash _base;

    public TurnDraws(int seed, string profile, string protocol, string programId, IReadOnlyList<Value> inputs, int sample)
    {
        var hash = new StableHash().Add(seed).Add(profile).Add(protocol).Add(programId).Add(sample);
        foreach (var input in inputs)
        {
            hash = hash.Add(input.Bits);
        }

        _base = hash;
    }

    /// <summary>A uniform draw in [0, 1) named by <paramref name="what"/> and <paramref name="index"/>.</summary>
    public double Uniform(string what, int index = 0) => Random(what, index).NextDouble();

    /// <summary>A whole number in [0, <paramref name="count"/>) named by <paramref name="what"/> and <paramref name="index"/>.</summary>
    public int Pick(string what, int index, int count) => Random(what, index).Next(count);

    private Random Random(string what, int index) => new(_base.Add(what).Add(index).ToSeed());
}
