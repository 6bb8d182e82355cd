using Faithful.Traces.Scoring;

namespace Faithful.Reports.Gating;

/// <summary>What a gate checks. Every threshold applies to every model in the run.</summary>
public sealed record GateOptions
{
    /// <summary>Minimum mean step faithfulness over all traces of a model.</summary>
    public double? MinFaithfulness { get; init; }

    /// <summary>Maximum share of traces whose primary mode is the key.</summary>
    public IReadOnlyDictionary<FailureMode, double> MaxModeRates { get; init; } = new Dictionary<FailureMode, double>();

    /// <summary>Minimum first-answer accuracy at a program length (the key).</summary>
    public IReadOnlyDictionary<int, double> MinAccuracyAtLength { get; init; } = new Dictionary<int, double>();

    /// <summary>Protocol B must beat protocol A by at least X (at a length), per model that ran both.</summary>
    public IReadOnlyList<ProtocolRule> ProtocolRules { get; init; } = [];

    /// <summary>Each model's corrupt-prefix dependence must be at least X (at a length).</summary>
    public IReadOnlyList<TraceDependenceRule> TraceDependenceRules { get; init; } = [];

    /// <summary>The blessed run to compare against, or null for thresholds only.</summary>
    public Baseline? Baseline { get; init; }

    /// <summary>Significance level of McNemar's test; a regression fails the gate when p is below it.</summary>
    public double Alpha { get; init; } = 0.05;

    /// <summary>The default <see cref="MaxErrorRate"/>: a run where more than one case in ten failed is not evidence of anything.</summary>
    public const double DefaultMaxErrorRate = 0.1;

    /// <summary>Maximum share of a model's cases without a verdict (failed requests, cases not run); null checks nothing.</summary>
    public double? MaxErrorRate { get; init; } = DefaultMaxErrorRate;
}
