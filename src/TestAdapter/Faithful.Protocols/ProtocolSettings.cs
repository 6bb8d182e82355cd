namespace Faithful.Protocols;

/// <summary>What <c>checkpointed</c> does when a check finds a wrong or missing value.</summary>
public enum CheckpointFailure
{
    /// <summary>Tell the model the true values and go on from them.</summary>
    Continue,

    /// <summary>End the case at the first failed check (it then has no answer).</summary>
    Stop,
}

/// <summary>The protocols' options (<c>faithful run --every</c>, <c>--reveal</c>, <c>--on-error</c>, <c>--variants</c>).</summary>
public sealed record ProtocolSettings
{
    public static ProtocolSettings Default { get; } = new();

    /// <summary><c>checkpointed</c>: steps the model executes between checks.</summary>
    public int Every { get; init; } = 5;

    /// <summary><c>gradual</c>: steps revealed per turn.</summary>
    public int Reveal { get; init; } = 5;

    /// <summary><c>checkpointed</c>: go on from the true state after a failed check, or stop.</summary>
    public CheckpointFailure OnError { get; init; } = CheckpointFailure.Continue;

    /// <summary><c>metamorphic</c>: the variants asked for each case, in order (<see cref="Metamorphic.ProgramVariants.All"/>).</summary>
    public IReadOnlyList<string> Variants { get; init; } = Metamorphic.ProgramVariants.All;

    /// <summary>
    /// <c>corrupt-prefix</c>, <c>truncate</c>, <c>paraphrase</c>: where the trace is cut (steps shown, or a share of the
    /// program); null gives each protocol its default.
    /// </summary>
    public IReadOnlyList<PrefixPosition>? At { get; init; }

    /// <summary>The trace-dependence protocols: shown steps as prior assistant work, quoted in the user turn, or by provider.</summary>
    public PrefixPlacement PrefixAs { get; init; } = PrefixPlacement.Auto;

    /// <exception cref="ArgumentException">A count below 1 or an unknown variant; the message says which.</exception>
    public ProtocolSettings Validated()
    {
        if (Every < 1)
        {
            throw new ArgumentException($"--every must be at least 1 step (got {Every}).");
        }

        if (Reveal < 1)
        {
            throw new ArgumentException($"--reveal must be at least 1 step (got {Reveal}).");
        }

        foreach (var variant in Variants)
        {
            if (!Metamorphic.ProgramVariants.All.Contains(variant, StringComparer.Ordinal))
            {
                throw new ArgumentException($"'{variant}' is not a metamorphic variant; use {string.Join(", ", Metamorphic.ProgramVariants.All)}.");
            }
        }

        if (At is { Count: 0 })
        {
            throw new ArgumentException("--at lists no position; give numbers of steps (3) or shares (50%).");
        }

        return this;
    }
}
