using System.Text.Json;
using Faithful.Reports.RunFiles.Compact;
using Faithful.Reports.RunFiles.Streaming;
using Faithful.Traces.Results;

namespace Faithful.Reports.RunFiles.Recovery;

/// <summary>A result found again in a run file, with its full verdict when it could be recovered.</summary>
/// <param name="Result">The result; its verdict is full when <see cref="Problem"/> is null.</param>
/// <param name="File">The run file it is in.</param>
/// <param name="Line">Its line in that file.</param>
/// <param name="Problem">Why the per-step table could not be recovered (the headline is still there), or null.</param>
public sealed record RecoveredCase(CaseResult Result, string File, int Line, string? Problem);

/// <summary>
/// Recovers the full detail of a result from a run file: a <c>faithful.run/1</c> line holds it; a <c>faithful.run/2</c>
/// line's compact verdict is expanded with its program's ground truth (the program line) and its reply.
/// </summary>
public static class CaseRecovery
{
    /// <summary>Every result (each model's) whose case id, or transcript id, is <paramref name="id"/>; streamed, one line held at a time.</summary>
    public static IReadOnlyList<RecoveredCase> Find(IEnumerable<string> runFiles, string id, ProgramResolver resolver, string? model = null)
    {
        ArgumentNullException.ThrowIfNull(runFiles);
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(resolver);
        var found = new List<RecoveredCase>();
        foreach (var path in runFiles)
        {
            var index = RunFileIndex.Build(path);
            foreach (var scanned in RunFileScan.Results(index))
            {
                var head = scanned.Head;
                if (model is not null && head.Model != model)
                {
                    continue;
                }

                if (head.CaseId != id && !HasTranscriptId(scanned.Line.Bytes.Span, id))
                {
                    continue;
                }

                found.Add(Recover(index, scanned.Line.Bytes.Span, scanned.Line.Number, resolver));
            }
        }

        return found;
    }

    /// <summary>Recovers the result on one line of <paramref name="index"/>'s file.</summary>
    public static RecoveredCase Recover(RunFileIndex index, ReadOnlySpan<byte> line, int lineNumber, ProgramResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(resolver);
        CaseResult result;
        CompactVerdict? compact;
        try
        {
            (result, compact) = CompactCaseLine.Read(line);
        }
        catch (JsonException e)
        {
            throw new FormatException($"{index.FileName}({lineNumber}): not a readable case result: {e.Message}", e);
        }

        if (compact is null)
        {
            return new RecoveredCase(result, index.Path, lineNumber, null);
        }

        var program = resolver.Find(index, result.ProgramId, out var problem);
        if (program is null)
        {
            return new RecoveredCase(result, index.Path, lineNumber, problem);
        }

        var truth = ProgramResolver.Truth(program, result.Inputs, out problem);
        if (truth is null)
        {
            return new RecoveredCase(result, index.Path, lineNumber, problem);
        }

        try
        {
            return new RecoveredCase(result with { Verdict = compact.Expand(truth, result.Reply) }, index.Path, lineNumber, null);
        }
        catch (FormatException e)
        {
            return new RecoveredCase(result, index.Path, lineNumber, e.Message);
        }
    }

    private static bool HasTranscriptId(ReadOnlySpan<byte> line, string id)
    {
        // Cheap pre-check before parsing: an id that JSON writes as is must appear in the line.
        if (!id.Any(c => c is '"' or '\\' || char.IsControl(c)) && line.IndexOf(System.Text.Encoding.UTF8.GetBytes(id)) < 0)
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(line.ToArray());
            return document.RootElement.TryGetProperty("metadata", out var metadata) && metadata.ValueKind == JsonValueKind.Object
                && metadata.TryGetProperty("transcript.id", out var transcriptId) && transcriptId.ValueKind == JsonValueKind.String
                && transcriptId.GetString() == id;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
