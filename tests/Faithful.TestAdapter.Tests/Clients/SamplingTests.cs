using CsCheck;
using Faithful.Clients.Sampling;
using Faithful.Testing;

namespace Faithful.TestAdapter.Tests.Clients;

public sealed class SamplingTests
{
    private static double Choose(int n, int k) => k < 0 || k > n ? 0 : Enumerable.Range(1, k).Aggregate(1.0, (acc, i) => acc * (n - k + i) / i);

    [Theory]
    [InlineData(5, 2, 1, 0.4)]
    [InlineData(5, 2, 2, 0.7)]
    [InlineData(5, 0, 3, 0.0)]
    [InlineData(5, 4, 2, 1.0)]
    [InlineData(10, 3, 10, 1.0)]
    public void Pass_at_k_matches_hand_computed_values(int n, int c, int k, double expected) =>
        Assert.Equal(expected, PassAtK.PassAt(n, c, k), 12);

    [Theory]
    [InlineData(5, 2, 2, 0.1)]
    [InlineData(5, 5, 3, 1.0)]
    [InlineData(5, 1, 2, 0.0)]
    [InlineData(4, 3, 1, 0.75)]
    public void Pass_hat_k_matches_hand_computed_values(int n, int c, int k, double expected) =>
        Assert.Equal(expected, PassAtK.PassHat(n, c, k), 12);

    [Fact]
    public void Estimators_equal_the_binomial_formulas_for_all_small_cases() =>
        Gen.Int[1, 30].SelectMany(n => Gen.Int[0, n].SelectMany(c => Gen.Int[1, n].Select(k => (n, c, k))))
            .Sample(t =>
            {
                var (n, c, k) = t;
                var passAt = 1 - (Choose(n - c, k) / Choose(n, k));
                var passHat = Choose(c, k) / Choose(n, k);
                return Math.Abs(PassAtK.PassAt(n, c, k) - passAt) < 1e-9 && Math.Abs(PassAtK.PassHat(n, c, k) - passHat) < 1e-9;
            });

    [Fact]
    public void Out_of_range_arguments_are_rejected_with_the_values()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => PassAtK.PassAt(3, 4, 1));
        Assert.Contains("n = 3, c = 4, k = 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_decide_and_name_themselves()
    {
        Assert.True(SamplingRule.KOfN(2).Holds(5, 2));
        Assert.False(SamplingRule.KOfN(3).Holds(5, 2));
        Assert.True(SamplingRule.PassAt(2, 0.7).Holds(5, 2));
        Assert.False(SamplingRule.PassHat(2, 0.5).Holds(5, 2));
        Assert.False(SamplingRule.All.Holds(5, 4));
        Assert.Equal("pass@3 >= 0.9", SamplingRule.PassAt(3, 0.9).Name);
        Assert.Equal("pass^2 >= 0.5", SamplingRule.PassHat(2, 0.5).Name);
        Assert.Equal("2-of-n", SamplingRule.KOfN(2).Name);
    }
}
