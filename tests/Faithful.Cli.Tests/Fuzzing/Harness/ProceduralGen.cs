using CsCheck;

namespace Faithful.Fuzzing;

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
