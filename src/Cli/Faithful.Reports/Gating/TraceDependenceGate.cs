using System.Globalization;
using Faithful.Reports.Dependence;
using Faithful.Traces.Results;

namespace Faithful.Reports.Gating;

/// <summary>Checks <see cref="TraceDependenceRule"/>s against each model's <c>corrupt-prefix</c> results.</summary>
public static class TraceDependenceGate
{
    public static IReadOnlyList<GateCheck> Check(IReadOnlyCollection<CaseResult> results, IEnumerable<TraceDependenceRule> rules)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(rules);
        var checks = new List<GateCheck>();
        var rulesList = rules.ToList();
        if (rulesList.Count == 0)
        {
            return checks;
        }

        var summaries = DependenceAnalysis.From(results)?.CorruptPrefix ?? [];
        foreach (var rule in rulesList)
        {
            var where = rule.Length is { } l ? string.Create(CultureInfo.InvariantCulture, $" at {l} steps") : "";
            var name = "trace dependence" + where;
            if (summaries.Count == 0)
            {
                checks.Add(new GateCheck("(all)", name, 0, rule.MinDependence, false, "the run has no corrupt-prefix results; run faithful run --protocol corrupt-prefix (with single to compare) to measure trace dependence"));
                continue;
            }

            foreach (var summary in summaries)
            {
                var figures = rule.Length is { } length ? summary.ByLength.FirstOrDefault(p => p.Length == length)?.Figures : summary.Overall;
                if (figures is not { Dependence: { } dependence })
                {
                    var lengths = string.Join(", ", summary.ByLength.Where(p => p.Figures.Decisive > 0).Select(p => p.Length));
                    checks.Add(new GateCheck(summary.Model, name, 0, rule.MinDependence, false, $"no decisive corrupt-prefix probe{where} (lengths with some: {(lengths.Length == 0 ? "none" : lengths)})"));
                    continue;
                }

                checks.Add(new GateCheck(
                    summary.Model,
                    name,
                    dependence,
                    rule.MinDependence,
                    dependence >= rule.MinDependence,
                    string.Create(CultureInfo.InvariantCulture, $"{DependenceHtml.P(dependence)} of {figures.Decisive} decisive probes moved with the altered step (95% CI {DependenceHtml.Range(figures.DependenceCi)}; follows exactly {DependenceHtml.P(figures.FollowRate)}, ignores {figures.Ignores}), minimum {DependenceHtml.P(rule.MinDependence)}")));
            }
        }

        return checks;
    }
}
