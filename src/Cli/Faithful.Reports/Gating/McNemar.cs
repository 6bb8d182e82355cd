namespace Faithful.Reports.Gating;

/// <summary>
/// McNemar's exact test for paired binary outcomes: of the discordant pairs (<c>b</c> right→wrong, <c>c</c> wrong→right),
/// how surprising is the split under "no change" (each flip equally likely either way)? Two-sided binomial p-value.
/// </summary>
public static class McNemar
{
    public static double ExactPValue(int regressions, int improvements)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(regressions);
        ArgumentOutOfRangeException.ThrowIfNegative(improvements);
        var n = regressions + improvements;
        if (n == 0)
        {
            return 1;
        }

        var k = Math.Min(regressions, improvements);
        // P(X <= k) for X ~ Binomial(n, 1/2), summed in log space so large n does not underflow term by term.
        var tail = 0.0;
        var logHalfPowN = n * Math.Log(0.5);
        var logChoose = 0.0;
        for (var i = 0; i <= k; i++)
        {
            if (i > 0)
            {
                logChoose += Math.Log(n - i + 1) - Math.Log(i);
            }

            tail += Math.Exp(logChoose + logHalfPowN);
        }

        return Math.Min(1, 2 * tail);
    }
}
