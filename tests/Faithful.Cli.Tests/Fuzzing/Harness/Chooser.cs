using CsCheck;

namespace Faithful.Fuzzing;

/// <summary>Choices drawn from CsCheck's generator state, so every input is reproducible from its seed.</summary>
public sealed class Chooser(PCG pcg)
{
    /// <summary>0 ≤ result &lt; <paramref name="max"/>.</summary>
    public int Int(int max) => max <= 1 ? 0 : (int)pcg.Next((uint)max);

    /// <summary><paramref name="min"/> ≤ result ≤ <paramref name="max"/>.</summary>
    public int Int(int min, int max) => min + Int(max - min + 1);

    public bool Chance(int percent) => Int(100) < percent;

    public T Pick<T>(IReadOnlyList<T> items) => items[Int(items.Count)];

    public long Long() => (long)pcg.Next64();
}
