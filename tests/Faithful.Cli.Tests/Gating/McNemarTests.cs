using Faithful.Reports.Gating;

namespace Faithful.Cli.Tests.Gating;

public sealed class McNemarTests
{
    [Theory]
    [InlineData(0, 0, 1.0)]
    [InlineData(5, 5, 1.0)]
    [InlineData(10, 0, 0.001953125)]
    [InlineData(0, 10, 0.001953125)]
    // b=8, c=2: 2 * P(X <= 2 | n=10) = 2 * 56/1024.
    [InlineData(8, 2, 0.109375)]
    [InlineData(1, 0, 1.0)]
    public void Exact_p_value_matches_the_binomial_tail(int regressions, int improvements, double expected) =>
        Assert.Equal(expected, McNemar.ExactPValue(regressions, improvements), 9);

    [Fact]
    public void Large_counts_do_not_underflow()
    {
        var p = McNemar.ExactPValue(600, 400);
        Assert.InRange(p, 1e-12, 1e-8);
        Assert.Equal(1.0, McNemar.ExactPValue(500, 500), 9);
    }
}
