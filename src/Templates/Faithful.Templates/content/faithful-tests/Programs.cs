namespace FaithfulTests;

/// <summary>The procedures the model must execute step by step. Each executed assignment is a step.</summary>
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
}
