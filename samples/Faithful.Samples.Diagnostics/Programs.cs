using Faithful;

namespace Faithful.Samples.Diagnostics;

public static class Programs
{
    /// <summary>Six steps: more than this sample's budget of four (FA1008).</summary>
    [ReferenceProgram("Five registers")]
    public static long Registers([Domain(0, 9)] long a0, [Domain(0, 9)] long a1, [Domain(1, 9)] long a2)
    {
        a2 -= a1;
        a1 = a0 + 1;
        var unused = a1 * 3;
        for (var i = 0; i < 2; i++) { a0 += a1; }
        var s1 = a0 / a2;
        return s1;
    }
}
