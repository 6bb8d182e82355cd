using Faithful.Traces.Results;

namespace Faithful.Reports.RunFiles;

/// <summary>
/// A run file is JSON Lines: an optional <see cref="RunHeader"/> line, then one <see cref="CaseResult"/> per line,
/// appended and flushed as each case completes, so a killed run loses at most the line being written.
/// </summary>
public static class RunFile
{
    /// <summary>The format written: compact verdicts (<c>"v"</c>) and program lines (docs/scale.md).</summary>
    public const string FormatVersion = "faithful.run/2";

    /// <summary>The first format: every verdict in full (<c>"verdict"</c>); still read, and appended to in its own form.</summary>
    public const string FormatVersion1 = "faithful.run/1";

    /// <summary>The run file formats this version reads.</summary>
    public static IReadOnlyList<string> KnownFormats { get; } = [FormatVersion1, FormatVersion];

    public static bool IsKnownFormat(string? format) => format is not null && KnownFormats.Contains(format, StringComparer.Ordinal);

    /// <summary>
    /// The identity of a result within a run: the same case asked of two models, or under two protocols, is two results.
    /// A <c>single</c> result keeps the key it had before protocols existed, so older run files resume and pair as before.
    /// </summary>
    public static string KeyOf(CaseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return KeyOf(result.Model, result.CaseId, result.Protocol);
    }

    public static string KeyOf(string model, string caseId) => model + "\u001f" + caseId;

    /// <summary>The key of a case asked of <paramref name="model"/> under <paramref name="protocol"/> (null or <c>single</c>: the plain key).</summary>
    public static string KeyOf(string model, string caseId, string? protocol) =>
        ProtocolNames.Stored(ProtocolNames.Of(protocol)) is { } named ? KeyOf(model, caseId) + "\u001f" + named : KeyOf(model, caseId);
}
