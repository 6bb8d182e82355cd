namespace Faithful.Traces.Simulation.Protocols;

/// <summary>
/// How often a simulated model's answer depends on its trace, by program length: the chance that a case is
/// <em>computed</em> (the answer follows the steps, so an altered step moves it and a cut trace loses it) rather than
/// answered <em>post hoc</em> (the answer is reached another way and the steps written around it). A logistic curve
/// through (<see cref="ShortLength"/>, <see cref="Short"/>) and (<see cref="LongLength"/>, <see cref="Long"/>); equal
/// anchors give a constant.
/// </summary>
public sealed record TraceDependence(double Short, double Long, int ShortLength = 5, int LongLength = 95)
{
    /// <summary>Every answer follows the trace.</summary>
    public static TraceDependence Always { get; } = new(1, 1);

    /// <summary>No answer follows the trace.</summary>
    public static TraceDependence Never { get; } = new(0, 0);

    /// <summary>The chance that a case of <paramref name="length"/> steps is computed from its trace.</summary>
    public double At(int length)
    {
        if (Short.Equals(Long))
        {
            return Math.Clamp(Short, 0, 1);
        }

        var low = Logit(Short);
        var high = Logit(Long);
        var slope = (high - low) / Math.Max(1, LongLength - ShortLength);
        return 1 / (1 + Math.Exp(-(low + slope * (length - ShortLength))));
    }

    private static double Logit(double p)
    {
        var q = Math.Clamp(p, 1e-6, 1 - 1e-6);
        return Math.Log(q / (1 - q));
    }
}
