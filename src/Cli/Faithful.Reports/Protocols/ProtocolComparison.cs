using Faithful.Reports.Gating;
using Faithful.Traces.Results;
using Faithful.Traces.Scoring;

namespace Faithful.Reports.Protocols;

/// <summary>
/// Builds the <see cref="ProtocolReport"/> of a run: pairs cases by (model, case id) across protocols, compares each
/// protocol with the reference on first-answer accuracy and step faithfulness (overall and by program length, McNemar's
/// exact test on the discordant cases, flipped cases listed), and sums up each protocol's evidence.
/// </summary>
public static class ProtocolComparison
{
    /// <summary>Flipped cases listed per pair; the total is always given.</summary>
    public const int MaxFlipsListed = 200;

    private const double Z95 = 1.959963984540054;

    private static readonly string[] Order =
    [
        ProtocolNames.Single,
        ProtocolNames.Checkpointed,
        ProtocolNames.Gradual,
        ProtocolNames.PlanExecute,
        ProtocolNames.ExplainThenExecute,
        ProtocolNames.Metamorphic,
    ];

    /// <summary>The comparison, or null when every result ran under <c>single</c>.</summary>
    public static ProtocolReport? From(IReadOnlyCollection<CaseResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        if (!results.Any(r => r.Protocol is not null))
        {
            return null;
        }

        var protocols = Sorted(results.Select(ProtocolNames.Of).Distinct(StringComparer.Ordinal));
        var reference = protocols.Contains(ProtocolNames.Single) ? ProtocolNames.Single : protocols[0];
        var models = results.Select(r => r.Model).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var pairs = new List<ProtocolPair>();
        foreach (var model in models)
        {
            var own = results.Where(r => r.Model == model).ToList();
            var present = Sorted(own.Select(ProtocolNames.Of).Distinct(StringComparer.Ordinal));
            if (!present.Contains(reference))
            {
                continue;
            }

            pairs.AddRange(present.Where(p => p != reference).Select(p => Pair(own, model, reference, p)));
        }

        return new ProtocolReport(
            reference,
            pairs,
            PerModel(results, ProtocolNames.Checkpointed, (model, list) => new CheckpointSummary(model, ProtocolSections.Checkpoints(list))),
            PerModel(results, ProtocolNames.Gradual, (model, list) => new GradualSummary(model, ProtocolSections.Gradual(list))),
            PerModel(results, ProtocolNames.PlanExecute, (model, list) => new PlanSummary(model, ProtocolSections.Plans(list))),
            PerModel(results, ProtocolNames.ExplainThenExecute, ProtocolSections.Rationales),
            models.Select(m => ProtocolSections.Metamorphic(results.Where(r => r.Model == m).ToList(), m)).OfType<MetamorphicSummary>().ToList());
    }

    /// <summary>
    /// <paramref name="candidate"/> against <paramref name="baseline"/> for <paramref name="model"/> on the cases both
    /// hold with a verdict: overall, by program length, and the flipped cases.
    /// </summary>
    public static ProtocolPair Pair(IEnumerable<CaseResult> results, string model, string baseline, string candidate)
    {
        ArgumentNullException.ThrowIfNull(results);
        var own = results.Where(r => r.Model == model && r.Verdict is not null).ToList();
        var before = own.Where(r => ProtocolNames.Of(r) == baseline).GroupBy(r => r.CaseId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        var shared = own.Where(r => ProtocolNames.Of(r) == candidate)
            .GroupBy(r => r.CaseId, StringComparer.Ordinal)
            .Select(g => g.Last())
            .Where(r => before.ContainsKey(r.CaseId))
            .Select(r => (Baseline: before[r.CaseId], Candidate: r))
            .OrderBy(p => p.Candidate.Length)
            .ThenBy(p => p.Candidate.CaseId, StringComparer.Ordinal)
            .ToList();
        var flips = shared
            .Where(p => p.Baseline.Verdict!.FirstAnswerCorrect != p.Candidate.Verdict!.FirstAnswerCorrect)
            .Select(p => new ProtocolFlip(p.Candidate.CaseId, p.Candidate.ProgramId, p.Candidate.Length, p.Baseline.Verdict!.FirstAnswerCorrect, p.Candidate.Verdict!.FirstAnswerCorrect))
            .OrderBy(f => f.CandidateRight)
            .ThenBy(f => f.Length)
            .ThenBy(f => f.CaseId, StringComparer.Ordinal)
            .ToList();
        return new ProtocolPair(
            model,
            baseline,
            candidate,
            Figures(shared),
            shared.GroupBy(p => p.Candidate.Length).OrderBy(g => g.Key).Select(g => new PairedLength(g.Key, Figures(g.ToList()))).ToList(),
            flips.Take(MaxFlipsListed).ToList(),
            flips.Count);
    }

    private static PairedFigures Figures(List<(CaseResult Baseline, CaseResult Candidate)> shared)
    {
        var n = shared.Count;
        var gained = shared.Count(p => !p.Baseline.Verdict!.FirstAnswerCorrect && p.Candidate.Verdict!.FirstAnswerCorrect);
        var lost = shared.Count(p => p.Baseline.Verdict!.FirstAnswerCorrect && !p.Candidate.Verdict!.FirstAnswerCorrect);
        if (n == 0)
        {
            return new PairedFigures(0, null, null, null, null, null, null, null, null, 0, 0, 1);
        }

        // Paired difference of proportions with its Wald interval; a mean of paired differences with its t interval.
        var difference = (double)(gained - lost) / n;
        var half = Z95 * Math.Sqrt(Math.Max(0, gained + lost - (double)(gained - lost) * (gained - lost) / n)) / n;
        var faithfulness = MeanEstimate.Of(shared.Select(p => p.Candidate.Verdict!.StepFaithfulness - p.Baseline.Verdict!.StepFaithfulness).ToList());
        var faithfulnessCi = faithfulness.Ci95.Within(-1, 1);
        return new PairedFigures(
            n,
            Round((double)shared.Count(p => p.Baseline.Verdict!.FirstAnswerCorrect) / n),
            Round((double)shared.Count(p => p.Candidate.Verdict!.FirstAnswerCorrect) / n),
            Round(difference),
            [Round(Math.Max(-1, difference - half)), Round(Math.Min(1, difference + half))],
            Round(shared.Average(p => p.Baseline.Verdict!.StepFaithfulness)),
            Round(shared.Average(p => p.Candidate.Verdict!.StepFaithfulness)),
            Round(faithfulness.Mean),
            [Round(faithfulnessCi.Low), Round(faithfulnessCi.High)],
            gained,
            lost,
            Round(McNemar.ExactPValue(lost, gained)));
    }

    /// <summary>Protocols in report order: the built-in ones as the catalog lists them, then the rest by name.</summary>
    public static List<string> Sorted(IEnumerable<string> protocols) => protocols
        .OrderBy(p => Array.IndexOf(Order, ProtocolNames.Family(p)) is var i && i >= 0 ? i : Order.Length)
        .ThenBy(p => p == ProtocolNames.Metamorphic + "/original" ? 0 : 1)
        .ThenBy(p => p, StringComparer.Ordinal)
        .ToList();

    private static List<T> PerModel<T>(IReadOnlyCollection<CaseResult> results, string protocol, Func<string, List<CaseResult>, T> summarize) =>
        results.Where(r => ProtocolNames.Of(r) == protocol)
            .GroupBy(r => r.Model, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => summarize(g.Key, g.ToList()))
            .ToList();

    internal static double Round(double value) => Math.Round(value, 6, MidpointRounding.AwayFromZero);
}
