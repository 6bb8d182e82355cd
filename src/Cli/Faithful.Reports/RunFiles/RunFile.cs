using Faithful.Traces.Results;

namespace Faithful.Reports.RunFiles;

/// <summary>
/// A run file is JSON Lines: an optional <see cref="RunHeader"/> line, then one <see cref="CaseResult"/> per line,
/// appended and flushed as each case completes, so a killed run loses at most the line being written.
/// </summary>
public static class RunFile
{
    public const string FormatVersion = "faithful.run/1";

    /// <summary>The run file formats this version reads.</summary>
    public static IReadOnlyList<string> KnownFormats { get; } = [FormatVersion];

    public static bool IsKnownFormat(string? format) => format is not null && KnownFormats.Contains(format, StringComparer.Ordinal);

    /// <summary>The identity of a result within a run: the same case asked of two models is two results.</summary>
    public static string KeyOf(CaseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return KeyOf(result.Model, result.CaseId);
    }

    public static string KeyOf(string model, string caseId) => model + "\u001f" + caseId;
}
