using System.Globalization;
using Faithful.Reports.Protocols;
using Faithful.Traces.Results;

namespace Faithful.Reports.Gating;

/// <summary>Checks <see cref="ProtocolRule"/>s: for every model that ran both protocols, the paired difference in first-answer accuracy.</summary>
public static class ProtocolGate
{
    public static IReadOnlyList<GateCheck> Check(IReadOnlyCollection<CaseResult> results, IEnumerable<ProtocolRule> rules)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(rules);
        var checks = new List<GateCheck>();
        foreach (var rule in rules)
        {
            var where = rule.Length is { } l ? string.Create(CultureInfo.InvariantCulture, $" at {l} steps") : "";
            var name = $"{rule.Candidate} beats {rule.Baseline}{where}";
            var models = results.GroupBy(r => r.Model, StringComparer.Ordinal)
                .Where(g => g.Any(r => ProtocolNames.Of(r) == rule.Candidate) && g.Any(r => ProtocolNames.Of(r) == rule.Baseline))
                .Select(g => g.Key)
                .Order(StringComparer.Ordinal)
                .ToList();
            if (models.Count == 0)
            {
                var present = string.Join(", ", ProtocolComparison.Sorted(results.Select(ProtocolNames.Of).Distinct(StringComparer.Ordinal)));
                checks.Add(new GateCheck("(all)", name, 0, rule.MinDifference, false, $"no model ran both {rule.Candidate} and {rule.Baseline} (the run has {present}); run them with faithful run --protocol {rule.Baseline},{rule.Candidate}"));
                continue;
            }

            foreach (var model in models)
            {
                var pair = ProtocolComparison.Pair(results, model, rule.Baseline, rule.Candidate);
                var figures = rule.Length is { } length ? pair.ByLength.FirstOrDefault(c => c.Length == length)?.Figures : pair.Overall;
                if (figures is not { SharedCases: > 0, AccuracyDifference: { } difference })
                {
                    var lengths = string.Join(", ", pair.ByLength.Select(c => c.Length));
                    checks.Add(new GateCheck(model, name, 0, rule.MinDifference, false, $"no case{where} was scored under both protocols (paired lengths: {(lengths.Length == 0 ? "none" : lengths)})"));
                    continue;
                }

                checks.Add(new GateCheck(
                    model,
                    name,
                    difference,
                    rule.MinDifference,
                    difference >= rule.MinDifference,
                    $"{ProtocolMarkdown.Points(difference)} first-answer accuracy over {figures.SharedCases} paired cases (95% CI {ProtocolMarkdown.Range(figures.AccuracyDifferenceCi)}; gained {figures.Gained}, lost {figures.Lost}, McNemar p = {ProtocolMarkdown.PValue(figures.McNemarP)}), minimum {ProtocolMarkdown.Points(rule.MinDifference)}"));
            }
        }

        return checks;
    }
}
