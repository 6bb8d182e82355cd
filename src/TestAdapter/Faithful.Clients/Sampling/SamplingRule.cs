using System.Globalization;

namespace Faithful.Testing;

/// <summary>
/// How n samples of one case become one pass/fail: k-of-n, pass@k or pass^k against a threshold.
/// <see cref="Name"/> is what assertion messages print, so a failure says which rule was applied.
/// </summary>
public abstract record SamplingRule
{
    /// <summary>At least <paramref name="k"/> of the n samples pass.</summary>
    public static SamplingRule KOfN(int k) => new KOfNRule(k);

    /// <summary>Every sample passes (n-of-n).</summary>
    public static SamplingRule All { get; } = new AllRule();

    /// <summary>The unbiased pass@k estimate is at least <paramref name="threshold"/>.</summary>
    public static SamplingRule PassAt(int k, double threshold) => new PassAtRule(k, threshold);

    /// <summary>The pass^k estimate (all k of k drawn samples pass) is at least <paramref name="threshold"/>.</summary>
    public static SamplingRule PassHat(int k, double threshold) => new PassHatRule(k, threshold);

    public abstract string Name { get; }

    /// <summary>The rule's statistic for <paramref name="passed"/> of <paramref name="samples"/> (share, pass@k or pass^k).</summary>
    public abstract double Statistic(int samples, int passed);

    public abstract bool Holds(int samples, int passed);

    public override string ToString() => Name;

    private sealed record KOfNRule(int K) : SamplingRule
    {
        public override string Name => $"{K}-of-n";

        public override double Statistic(int samples, int passed) => samples == 0 ? 0 : (double)passed / samples;

        public override bool Holds(int samples, int passed) => K <= samples ? passed >= K : throw new ArgumentException($"Rule {Name} needs at least {K} samples; the case has {samples}.");
    }

    private sealed record AllRule : SamplingRule
    {
        public override string Name => "all samples (n-of-n)";

        public override double Statistic(int samples, int passed) => samples == 0 ? 0 : (double)passed / samples;

        public override bool Holds(int samples, int passed) => samples > 0 && passed == samples;
    }

    private sealed record PassAtRule(int K, double Threshold) : SamplingRule
    {
        public override string Name => string.Create(CultureInfo.InvariantCulture, $"pass@{K} >= {Threshold:0.###}");

        public override double Statistic(int samples, int passed) => PassAtK.PassAt(samples, passed, K);

        public override bool Holds(int samples, int passed) => Statistic(samples, passed) >= Threshold;
    }

    private sealed record PassHatRule(int K, double Threshold) : SamplingRule
    {
        public override string Name => string.Create(CultureInfo.InvariantCulture, $"pass^{K} >= {Threshold:0.###}");

        public override double Statistic(int samples, int passed) => PassAtK.PassHat(samples, passed, K);

        public override bool Holds(int samples, int passed) => Statistic(samples, passed) >= Threshold;
    }
}
