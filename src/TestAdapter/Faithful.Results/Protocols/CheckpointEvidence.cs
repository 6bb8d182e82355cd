namespace Faithful.Traces.Results;

/// <summary>
/// The <c>checkpointed</c> protocol's record of a case: every checkpoint, how far the model got before the first
/// check failed (unaided), how often the tool put it back on the true state, and whether it reached an answer.
/// </summary>
/// <param name="Every">Steps executed between checks.</param>
/// <param name="OnError"><c>continue</c> (correct and go on) or <c>stop</c> (end the case at the first failed check).</param>
/// <param name="UnaidedSteps">Steps executed right before the first wrong or missing value (the program's length when no check failed).</param>
/// <param name="Corrections">Checks that found a wrong or missing value.</param>
/// <param name="Stopped">The case ended at a failed check (<c>--on-error stop</c>).</param>
public sealed record CheckpointEvidence(
    int Every,
    string OnError,
    IReadOnlyList<Checkpoint> Checkpoints,
    int UnaidedSteps,
    int Corrections,
    bool Stopped);

/// <summary>One check: the steps a turn executed (<c>[FromStep, ToStep)</c>, zero-based) and those it got wrong or left out.</summary>
public sealed record Checkpoint(int Turn, int FromStep, int ToStep, IReadOnlyList<int> WrongSteps, IReadOnlyList<int> MissingSteps)
{
    public bool Passed => WrongSteps.Count == 0 && MissingSteps.Count == 0;
}
