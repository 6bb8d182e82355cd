namespace Faithful.Evaluation.Tests;

/// <summary>Reference programs for the evaluator tests, turned into step programs by the generator.</summary>
public static class Programs
{
    [ReferenceProgram("Two-input look-back chain")]
    public static long Chain([Domain(-20, 20)] long a, [Domain(-20, 20)] long b)
    {
        var s1 = a + b;
        var s2 = s1 * a;
        var s3 = s2 - s1;
        var s4 = s3 + b;
        return s4;
    }

    [ReferenceProgram("Divides by its second input")]
    public static long Ratio([Domain(-9, 9)] long a, [Domain(1, 9)] long b)
    {
        var s1 = a * 2;
        var s2 = s1 / b;
        return s2;
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
