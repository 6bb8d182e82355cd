using Faithful.Reports.Gating;
using Faithful.Reports.Protocols;
using Faithful.Traces.Results;
using Faithful.Traces.Scoring;

namespace Faithful.Reports.Dependence;

/// <summary>
/// Builds the <see cref="DependenceReport"/> from the evidence the trace-dependence protocols leave in each result
/// (<see cref="CaseResult.Evidence"/>.<see cref="ProtocolEvidence.Dependence"/>): dependence curves by position and
/// length, early-answering curves, filler against the real trace, paraphrase consistency. Results without a verdict
/// (failed requests) are left out; a case run twice counts once (its last result).
/// </summary>
public static class DependenceAnalysis
{
    private const double Z95 = 1.959963984540054;

    /// <summary>The section, or null when no result carries trace-dependence evidence.</summary>
    public static DependenceReport? From(IReadOnlyCollection<CaseResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var probes = results
            .Where(r => r.Verdict is not null && r.Evidence?.Dependence is not null)
            .GroupBy(r => (r.Model, Protocol: ProtocolNames.Of(r), r.CaseId))
            .Select(g => g.Last())
            .Select(r => new Probe(r.Model, ProtocolNames.Family(ProtocolNames.Of(r)), r.CaseId, r.Length, r.Evidence!.Dependence!))
            .ToList();
        if (probes.Count == 0)
        {
            return null;
        }

        return new DependenceReport(
            PerModel(probes, ProtocolNames.CorruptPrefix, CorruptPrefix),
            PerModel(probes, ProtocolNames.Truncate, Truncate),
            PerModel(probes, ProtocolNames.Filler, Filler),
            PerModel(probes, ProtocolNames.Paraphrase, Paraphrase));
    }

    // corrupt-prefix figures of a group of probes; intervals count a case asked at several positions as one cluster.
    private static DependenceFigures Figures(List<Probe> probes)
    {
        var evidence = probes.Select(p => p.Evidence).ToList();
        int Count(DependenceOutcome outcome) => evidence.Count(e => e.Outcome == outcome);
        var follows = Count(DependenceOutcome.Follows);
        var ignores = Count(DependenceOutcome.Ignores);
        var other = Count(DependenceOutcome.Other);
        var decisive = follows + ignores + other;
        var continued = evidence.Where(e => e.ContinuedSteps is > 0).Select(e => (double)e.ContinuedRight!.Value / e.ContinuedSteps!.Value).ToList();
        static bool Decisive(DependenceEvidence e) => e.Outcome is { } o && DependenceOutcomes.IsDecisive(o);
        return new DependenceFigures(
            evidence.Count,
            follows,
            ignores,
            other,
            Count(DependenceOutcome.NoAnswer),
            Count(DependenceOutcome.Absorbed),
            Share(follows + other, decisive),
            Ci(probes, Decisive, e => DependenceOutcomes.Depends(e.Outcome!.Value)),
            Share(follows, decisive),
            continued.Count == 0 ? null : Round(continued.Average()),
            evidence.Count(e => e.RestatedTrueValue == true))
        {
            FollowRateCi = Ci(probes, Decisive, e => e.Outcome == DependenceOutcome.Follows),
        };
    }

    private static CorruptPrefixSummary CorruptPrefix(string model, List<Probe> probes) => new(
        model,
        Figures(probes),
        probes.GroupBy(p => p.Length).OrderBy(g => g.Key).Select(g => Point(g.Key, null, g.ToList())).ToList(),
        Positions(probes).Select(g => Point(null, g.Key, g.ToList())).ToList(),
        probes.GroupBy(p => p.Length).OrderBy(g => g.Key).SelectMany(l => Positions(l.ToList()).Select(g => Point(l.Key, g.Key, g.ToList()))).ToList());

    private static DependencePoint Point(int? length, string? at, List<Probe> probes) =>
        new(length, at, ShownShare(probes), Figures(probes));

    private static TruncateSummary Truncate(string model, List<Probe> probes) => new(
        model,
        Positions(probes).Select(g => EarlyAnswer(null, g.Key, g.ToList())).ToList(),
        probes.GroupBy(p => p.Length).OrderBy(g => g.Key).SelectMany(l => Positions(l.ToList()).Select(g => EarlyAnswer(l.Key, g.Key, g.ToList()))).ToList());

    private static EarlyAnswerPoint EarlyAnswer(int? length, string? at, List<Probe> probes)
    {
        var right = probes.Count(p => p.Evidence.AnswerRight);
        var fromRight = probes.Where(p => p.Evidence.ShownRight == true).ToList();
        var kept = probes.Where(p => p.Evidence.AnswerKept is not null).ToList();
        return new EarlyAnswerPoint(
            length,
            at,
            ShownShare(probes),
            probes.Count,
            Share(right, probes.Count),
            Ci(probes, _ => true, e => e.AnswerRight),
            fromRight.Count,
            Share(fromRight.Count(p => p.Evidence.AnswerRight), fromRight.Count),
            Share(probes.Count(p => p.Evidence.OwnAnswerRight), probes.Count),
            Share(kept.Count(p => p.Evidence.AnswerKept == true), kept.Count))
        {
            AccuracyFromRightPrefixCi = Ci(probes, e => e.ShownRight == true, e => e.AnswerRight),
        };
    }

    private static FillerSummary Filler(string model, List<Probe> probes) => new(
        model,
        FillerFigures(null, probes),
        probes.GroupBy(p => p.Length).OrderBy(g => g.Key).Select(g => FillerFigures(g.Key, g.ToList())).ToList());

    private static FillerPoint FillerFigures(int? length, List<Probe> probes)
    {
        var n = probes.Count;
        var gained = probes.Count(p => p.Evidence.AnswerRight && !p.Evidence.OwnAnswerRight);
        var lost = probes.Count(p => !p.Evidence.AnswerRight && p.Evidence.OwnAnswerRight);
        var kept = probes.Where(p => p.Evidence.AnswerKept is not null).ToList();
        double? difference = n == 0 ? null : (double)(gained - lost) / n;
        var half = n == 0 ? 0 : Z95 * Math.Sqrt(Math.Max(0, gained + lost - (double)(gained - lost) * (gained - lost) / n)) / n;
        return new FillerPoint(
            length,
            n,
            Share(probes.Count(p => p.Evidence.AnswerRight), n),
            Share(probes.Count(p => p.Evidence.OwnAnswerRight), n),
            difference is { } d ? Round(d) : null,
            difference is { } e ? [Round(Math.Max(-1, e - half)), Round(Math.Min(1, e + half))] : null,
            gained,
            lost,
            Round(McNemar.ExactPValue(lost, gained)),
            Share(kept.Count(p => p.Evidence.AnswerKept == true), kept.Count))
        {
            FillerAccuracyCi = Ci(probes, _ => true, e => e.AnswerRight),
        };
    }

    private static ParaphraseSummary Paraphrase(string model, List<Probe> probes) => new(
        model,
        ParaphraseFigures(null, null, probes),
        probes.GroupBy(p => p.Length).OrderBy(g => g.Key).SelectMany(l => Positions(l.ToList()).Select(g => ParaphraseFigures(l.Key, g.Key, g.ToList()))).ToList());

    private static ParaphrasePoint ParaphraseFigures(int? length, string? at, List<Probe> probes)
    {
        var kept = probes.Where(p => p.Evidence.AnswerKept is not null).ToList();
        var keptCount = kept.Count(p => p.Evidence.AnswerKept == true);
        var continued = probes.Where(p => p.Evidence.ContinuedSteps is > 0).Select(p => (double)p.Evidence.ContinuedRight!.Value / p.Evidence.ContinuedSteps!.Value).ToList();
        return new ParaphrasePoint(
            length,
            at,
            probes.Count,
            Share(keptCount, kept.Count),
            Ci(probes, e => e.AnswerKept is not null, e => e.AnswerKept == true),
            Share(probes.Count(p => p.Evidence.AnswerRight), probes.Count),
            Share(probes.Count(p => p.Evidence.OwnAnswerRight), probes.Count),
            continued.Count == 0 ? null : Round(continued.Average()));
    }

    // Positions in the order of the share of the trace they show, then by name.
    private static IEnumerable<IGrouping<string, Probe>> Positions(List<Probe> probes) => probes
        .GroupBy(p => p.Evidence.At ?? "", StringComparer.Ordinal)
        .OrderBy(g => ShownShare(g.ToList()))
        .ThenBy(g => g.Key, StringComparer.Ordinal);

    private static List<T> PerModel<T>(List<Probe> probes, string family, Func<string, List<Probe>, T> summarize) => probes
        .Where(p => p.Family == family)
        .GroupBy(p => p.Model, StringComparer.Ordinal)
        .OrderBy(g => g.Key, StringComparer.Ordinal)
        .Select(g => summarize(g.Key, g.ToList()))
        .ToList();

    private static double ShownShare(List<Probe> probes) =>
        probes.Count == 0 ? 0 : Round(probes.Average(p => p.Length == 0 ? 0 : (double)p.Evidence.ShownSteps / p.Length));

    private static double? Share(int count, int total) => total == 0 ? null : Round((double)count / total);

    // The share of counted probes that hit, with its interval over cases (ClusteredShare).
    private static double[]? Ci(List<Probe> probes, Func<DependenceEvidence, bool> counted, Func<DependenceEvidence, bool> hit)
    {
        var clusters = probes
            .Where(p => counted(p.Evidence))
            .GroupBy(p => p.CaseId, StringComparer.Ordinal)
            .Select(g => (g.Count(), g.Count(p => hit(p.Evidence))))
            .ToList();
        return ClusteredShare.Interval(clusters) is { } ci ? [Round(ci.Low), Round(ci.High)] : null;
    }

    private static double Round(double value) => ProtocolComparison.Round(value);

    private sealed record Probe(string Model, string Family, string CaseId, int Length, DependenceEvidence Evidence);
}
