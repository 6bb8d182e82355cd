namespace Faithful.Testing;

/// <summary>
/// Estimators over n samples of which c passed. pass@k: the chance that at least one of k samples drawn without
/// replacement passes, 1 - C(n-c, k) / C(n, k) (the unbiased estimator of Chen et al., 2021). pass^k: the chance that
/// all k drawn samples pass, C(c, k) / C(n, k) (Yao et al., τ-bench, 2024). Both computed as stable products.
/// </summary>
public static class PassAtK
{
    public static double PassAt(int n, int c, int k)
    {
        Validate(n, c, k);
        if (n - c < k)
        {
            return 1.0;
        }

        // 1 - prod_{i=n-c+1..n} (1 - k/i)
        var allFail = 1.0;
        for (var i = n - c + 1; i <= n; i++)
        {
            allFail *= 1.0 - ((double)k / i);
        }

        return 1.0 - allFail;
    }

    public static double PassHat(int n, int c, int k)
    {
        Validate(n, c, k);
        if (c < k)
        {
            return 0.0;
        }

        // C(c,k)/C(n,k) = prod_{i=0..k-1} (c-i)/(n-i)
        var all = 1.0;
        for (var i = 0; i < k; i++)
        {
            all *= (double)(c - i) / (n - i);
        }

        return all;
    }

    private static void Validate(int n, int c, int k)
    {
        if (n < 1 || c < 0 || c > n || k < 1 || k > n)
        {
            throw new ArgumentOutOfRangeException(nameof(k), $"Need 1 <= k <= n and 0 <= c <= n; got n = {n}, c = {c}, k = {k}.");
        }
    }
}
