namespace Faithful.Reports.RunFiles;

/// <summary>
/// The first line of a run file: the format and what the run was asked to do, so that a resumed run
/// can refuse to mix results of a different plan into the same file.
/// </summary>
/// <param name="Format">Always <see cref="RunFile.FormatVersion"/>.</param>
/// <param name="CreatedUtc">When the run file was started (ISO 8601).</param>
/// <param name="PlanDescription">A readable description of the plan (source, models, samples, seed).</param>
/// <param name="PlanFingerprint">A hash of the plan; a resume with another fingerprint is refused.</param>
/// <param name="TotalCases">How many cases the plan holds.</param>
public sealed record RunHeader(string Format, string CreatedUtc, string PlanDescription, string PlanFingerprint, int TotalCases)
{
    /// <summary>
    /// <c>i/n</c> when the file holds one shard of a plan split with <c>faithful run --shard</c> (then
    /// <see cref="TotalCases"/> counts the shard's cases and <see cref="PlanCases"/> the whole plan's); null otherwise.
    /// </summary>
    public string? Shard { get; init; }

    /// <summary>Cases of the whole plan, when the file holds one shard of it.</summary>
    public int? PlanCases { get; init; }
}
