namespace Faithful.GpuRef.Kernels;

/// <summary>How a pair starts: the second of its four counterfactual cells.</summary>
public static class CounterfactualMode
{
    /// <summary>An ordinary run from the inputs.</summary>
    public const int Plain = 0;

    /// <summary>The true prefix runs, then the overrides are written into the state and the rest runs from it.</summary>
    public const int FromTruth = 1;

    /// <summary>No prefix: the state (inputs and the first k steps, as overrides) is given whole.</summary>
    public const int FromGivenState = 2;
}
