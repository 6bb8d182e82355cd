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

/// <summary>A CsCheck generator written as a procedure over a <see cref="Chooser"/>; its size is the text's length, so shrinking prefers shorter inputs.</summary>
public sealed class ProceduralGen(Func<Chooser, string> build) : Gen<string>
{
    public override string Generate(PCG pcg, Size? min, out Size size)
    {
        var text = build(new Chooser(pcg));
        size = new Size((ulong)text.Length);
        return text;
    }
}
