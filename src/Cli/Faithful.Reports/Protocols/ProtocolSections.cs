using Faithful.Traces.Results;
using Faithful.Traces.Scoring;

namespace Faithful.Reports.Protocols;

/// <summary>Each protocol's own figures from the evidence its results carry.</summary>
internal static class ProtocolSections
{
    public static List<CheckpointLength> Checkpoints(List<CaseResult> results) => ByLength(
        results.Where(r => r.Evidence?.Checkpoints is not null && r.Verdict is not null),
        (length, cases) =>
        {
            var evidence = cases.Select(r => r.Evidence!.Checkpoints!).ToList();
            return new CheckpointLength(
                length,
                cases.Count,
                Round(evidence.Average(e => length == 0 ? 1 : (double)e.UnaidedSteps / length)),
                Round(evidence.Count(e => e.Corrections == 0) / (double)cases.Count),
                Round(cases.Count(r => r.Verdict!.FirstAnswerCorrect) / (double)cases.Count),
                Round(evidence.Average(e => e.Corrections)),
                evidence.Count(e => e.Stopped));
        });

    public static List<GradualLength> Gradual(List<CaseResult> results) => ByLength(
        results.Where(r => r.Evidence?.Gradual is not null && r.Verdict is not null),
        (length, cases) =>
        {
            var evidence = cases.Select(r => r.Evidence!.Gradual!).ToList();
            var wrong = evidence.Where(e => e.FirstWrongTurn is not null).ToList();
            var fifths = new int[5];
            foreach (var e in wrong)
            {
                fifths[Math.Min(4, 5 * e.FirstWrongTurn!.Value / Math.Max(1, e.TurnCount))]++;
            }

            return new GradualLength(
                length,
                cases.Count,
                Round(cases.Count(r => r.Verdict!.FirstAnswerCorrect) / (double)cases.Count),
                Round(wrong.Count / (double)cases.Count),
                wrong.Count == 0 ? null : Round(wrong.Average(e => e.TurnCount <= 1 ? 0 : (double)e.FirstWrongTurn!.Value / (e.TurnCount - 1))),
                fifths);
        });

    public static List<PlanLength> Plans(List<CaseResult> results) => ByLength(
        results.Where(r => r.Evidence?.Plan is not null && r.Verdict is not null),
        (length, cases) =>
        {
            var plans = cases.Select(r => r.Evidence!.Plan!).ToList();
            return new PlanLength(
                length,
                cases.Count,
                Round(plans.Count(p => p.Problem is null) / (double)cases.Count),
                Round(plans.Count(p => p.SameStructure) / (double)cases.Count),
                Round(plans.Count(p => p.SameComputation) / (double)cases.Count),
                Round(cases.Count(r => r.Verdict!.FirstAnswerCorrect) / (double)cases.Count));
        });

    public static RationaleSummary Rationales(string model, List<CaseResult> results)
    {
        var cases = results.Where(r => r.Evidence?.Rationale is not null && r.Verdict is not null)
            .OrderBy(r => r.Length)
            .ThenBy(r => r.CaseId, StringComparer.Ordinal)
            .Select(r => new RationaleCase(r.CaseId, r.Length, Round(r.Evidence!.Rationale!.Share), r.Evidence.Rationale.Correct, r.Verdict!.PrimaryMode == FailureMode.Correct, r.Verdict.FirstAnswerCorrect))
            .ToList();
        var byLength = cases.GroupBy(c => c.Length).OrderBy(g => g.Key).Select(g =>
        {
            var list = g.ToList();
            return new RationaleLength(
                g.Key,
                list.Count,
                Round(list.Count(c => c.RationaleCorrect) / (double)list.Count),
                Round(list.Average(c => c.RationaleShare)),
                Round(list.Count(c => c.ExecutionFaithful) / (double)list.Count),
                Round(list.Count(c => c.RationaleCorrect == c.ExecutionFaithful) / (double)list.Count));
        }).ToList();
        var n = Math.Max(1, cases.Count);
        var bothRight = cases.Count(c => c.RationaleCorrect && c.ExecutionFaithful);
        var rationaleOnly = cases.Count(c => c.RationaleCorrect && !c.ExecutionFaithful);
        var executionOnly = cases.Count(c => !c.RationaleCorrect && c.ExecutionFaithful);
        var bothWrong = cases.Count - bothRight - rationaleOnly - executionOnly;
        var pRationale = (double)(bothRight + rationaleOnly) / n;
        var pExecution = (double)(bothRight + executionOnly) / n;
        var agreement = (double)(bothRight + bothWrong) / n;
        var chance = pRationale * pExecution + (1 - pRationale) * (1 - pExecution);
        return new RationaleSummary(
            model,
            byLength,
            Round(pRationale),
            Round(pExecution),
            Round(agreement),
            cases.Count == 0 || chance >= 1 ? null : Round((agreement - chance) / (1 - chance)),
            bothRight,
            rationaleOnly,
            executionOnly,
            bothWrong,
            cases);
    }

    /// <summary>The metamorphic variants of one model against the original (the <c>original</c> variant, else <c>single</c>); null when there are none.</summary>
    public static MetamorphicSummary? Metamorphic(List<CaseResult> results, string model)
    {
        const string family = ProtocolNames.Metamorphic + "/";
        var variants = results.Where(r => r.Verdict is not null && ProtocolNames.Of(r).StartsWith(family, StringComparison.Ordinal)).ToList();
        if (variants.Count == 0)
        {
            return null;
        }

        var originalLabel = variants.Any(r => r.Protocol == family + "original") ? family + "original" : ProtocolNames.Single;
        var original = results.Where(r => r.Verdict is not null && ProtocolNames.Of(r) == originalLabel).GroupBy(r => r.CaseId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Verdict!.FirstAnswerCorrect, StringComparer.Ordinal);
        var byVariant = variants.Where(r => ProtocolNames.Of(r) != originalLabel)
            .GroupBy(r => ProtocolNames.Of(r)[family.Length..], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.GroupBy(r => r.CaseId, StringComparer.Ordinal).ToDictionary(c => c.Key, c => c.Last().Verdict!.FirstAnswerCorrect, StringComparer.Ordinal), StringComparer.Ordinal);
        var figures = byVariant.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => Variant(v.Key, v.Value, original)).ToList();

        // Consistency over cases every variant (and the original) answered.
        var all = original.Keys.Where(id => byVariant.Values.All(v => v.ContainsKey(id))).ToList();
        double? consistency = null;
        double? independent = null;
        if (all.Count > 0 && byVariant.Count > 0)
        {
            consistency = Round(all.Count(id => byVariant.Values.All(v => v[id] == original[id])) / (double)all.Count);
            var rates = byVariant.Values.Select(v => all.Count(id => v[id]) / (double)all.Count).Append(all.Count(id => original[id]) / (double)all.Count).ToList();
            independent = Round(rates.Aggregate(1.0, (p, r) => p * r) + rates.Aggregate(1.0, (p, r) => p * (1 - r)));
        }

        return new MetamorphicSummary(model, all.Count, consistency, independent, figures);
    }

    private static VariantFigures Variant(string name, Dictionary<string, bool> variant, Dictionary<string, bool> original)
    {
        var shared = variant.Keys.Where(original.ContainsKey).ToList();
        var n = shared.Count;
        var gained = shared.Count(id => !original[id] && variant[id]);
        var lost = shared.Count(id => original[id] && !variant[id]);
        var originalWrong = shared.Where(id => !original[id]).ToList();
        var originalRight = shared.Where(id => original[id]).ToList();
        double? wrongIfWrong = originalWrong.Count == 0 ? null : Round(originalWrong.Count(id => !variant[id]) / (double)originalWrong.Count);
        double? wrongIfRight = originalRight.Count == 0 ? null : Round(originalRight.Count(id => !variant[id]) / (double)originalRight.Count);

        // The phi coefficient of the 2×2 table (original right/wrong × variant right/wrong).
        double a = shared.Count(id => original[id] && variant[id]), b = lost, c = gained, d = n - a - b - c;
        var denominator = Math.Sqrt((a + b) * (c + d) * (a + c) * (b + d));
        return new VariantFigures(
            name,
            variant.Count,
            variant.Count == 0 ? null : Round(variant.Values.Count(v => v) / (double)variant.Count),
            n == 0 ? null : Round((double)(gained - lost) / n),
            Round(Gating.McNemar.ExactPValue(lost, gained)),
            wrongIfWrong,
            wrongIfRight,
            denominator == 0 ? null : Round((a * d - b * c) / denominator));
    }

    private static List<T> ByLength<T>(IEnumerable<CaseResult> results, Func<int, List<CaseResult>, T> summarize) =>
        results.GroupBy(r => r.Length).OrderBy(g => g.Key).Select(g => summarize(g.Key, g.ToList())).ToList();

    private static double Round(double value) => ProtocolComparison.Round(value);
}
