namespace Faithful.Reports.Agreement;

/// <summary>Agreement on one yes/no question (does this label apply?) over a set of replies, gold against tested.</summary>
public sealed record BinaryAgreement(int TruePositives, int FalsePositives, int FalseNegatives, int TrueNegatives)
{
    public int Total => TruePositives + FalsePositives + FalseNegatives + TrueNegatives;

    /// <summary>Replies where the gold reader says yes.</summary>
    public int Gold => TruePositives + FalseNegatives;

    /// <summary>Replies where the tested reader says yes.</summary>
    public int Tested => TruePositives + FalsePositives;

    /// <summary>Share of tested yes that gold confirms; NaN when the tested reader never says yes.</summary>
    public double Precision => Ratio(TruePositives, Tested);

    /// <summary>Share of gold yes that the tested reader finds; NaN when gold never says yes.</summary>
    public double Recall => Ratio(TruePositives, Gold);

    /// <summary>Harmonic mean of precision and recall; 1 when neither reader ever says yes.</summary>
    public double F1 => Gold + Tested == 0 ? 1.0 : 2.0 * TruePositives / (Gold + Tested);

    /// <summary>Cohen's kappa: agreement beyond what the two readers' base rates give by chance.</summary>
    public double Kappa
    {
        get
        {
            // Undefined when there is nothing to agree on beyond chance: neither reader (or both, always) says yes.
            if (Total == 0 || Gold + Tested == 0 || (Gold == Total && Tested == Total))
            {
                return double.NaN;
            }

            double n = Total;
            var observed = (TruePositives + TrueNegatives) / n;
            var chance = (Gold / n * (Tested / n)) + ((n - Gold) / n * ((n - Tested) / n));
            return chance >= 1.0 ? (observed >= 1.0 ? 1.0 : double.NaN) : (observed - chance) / (1.0 - chance);
        }
    }

    public static BinaryAgreement Count<T>(IEnumerable<T> items, Func<T, bool> gold, Func<T, bool> tested)
    {
        ArgumentNullException.ThrowIfNull(items);
        int tp = 0, fp = 0, fn = 0, tn = 0;
        foreach (var item in items)
        {
            switch (gold(item), tested(item))
            {
                case (true, true): tp++; break;
                case (false, true): fp++; break;
                case (true, false): fn++; break;
                default: tn++; break;
            }
        }

        return new BinaryAgreement(tp, fp, fn, tn);
    }

    private static double Ratio(int part, int whole) => whole == 0 ? double.NaN : (double)part / whole;
}

/// <summary>Agreement on a question with several answers (e.g. first answer right / wrong / missing).</summary>
public sealed record CategoricalAgreement(int Agreed, int Total, double Kappa)
{
    public double Rate => Total == 0 ? double.NaN : (double)Agreed / Total;

    public static CategoricalAgreement Count<T, TCategory>(IReadOnlyCollection<T> items, Func<T, TCategory> gold, Func<T, TCategory> tested)
        where TCategory : notnull
    {
        ArgumentNullException.ThrowIfNull(items);
        var agreed = 0;
        var goldCounts = new Dictionary<TCategory, int>();
        var testedCounts = new Dictionary<TCategory, int>();
        foreach (var item in items)
        {
            var g = gold(item);
            var t = tested(item);
            agreed += EqualityComparer<TCategory>.Default.Equals(g, t) ? 1 : 0;
            goldCounts[g] = goldCounts.GetValueOrDefault(g) + 1;
            testedCounts[t] = testedCounts.GetValueOrDefault(t) + 1;
        }

        double n = items.Count;
        if (n == 0)
        {
            return new CategoricalAgreement(0, 0, double.NaN);
        }

        var chance = goldCounts.Sum(pair => pair.Value / n * (testedCounts.GetValueOrDefault(pair.Key) / n));
        var observed = agreed / n;
        var kappa = chance >= 1.0 ? (observed >= 1.0 ? 1.0 : double.NaN) : (observed - chance) / (1.0 - chance);
        return new CategoricalAgreement(agreed, items.Count, kappa);
    }
}
