namespace Faithful.Samples;

/// <summary>The procedures we want models to execute faithfully.</summary>
public static class Programs
{
    [ReferenceProgram("Two-input look-back chain")]
    public static long Chain([Domain(-20, 20)] long a, [Domain(-20, 20)] long b)
    {
        var s1 = a + b;
        var s2 = s1 * a;
        var s3 = s2 - s1;   // looks back two steps
        var s4 = s3 + b;
        return s4;
    }

    [ReferenceProgram("Three registers")]
    public static long Registers([Domain(-9, 9)] long a0, [Domain(-9, 9)] long a1, [Domain(-9, 9)] long a2)
    {
        a1 -= a0;
        a2 += a1;
        for (var i = 0; i < 2; i++)
        {
            a0 += a2;
        }

        return a0;
    }
}
