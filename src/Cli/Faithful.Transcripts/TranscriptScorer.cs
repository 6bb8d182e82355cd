using Faithful.Model;
using Faithful.Reports.RunFiles;
using Faithful.Traces.Results;
using Faithful.Transcripts.Reading;
using Faithful.Transcripts.Scoring;

namespace Faithful.Transcripts;

/// <summary>
/// Scores transcripts written by other tools: each JSONL line names a program (C# statements or a catalog program),
/// inputs and a reply; the reply is parsed, aligned and classified against ground truth exactly as in a Faithful run.
/// A line that cannot be scored is reported with its line number and skipped; the others are not affected.
/// Scoring runs on every core through a <see cref="TranscriptPipeline"/>; the streaming overloads hand each result to a
/// sink in file order and hold none, the others collect them (for small files and tests).
/// </summary>
public static class TranscriptScorer
{
    /// <summary>Longest line read from a file, in bytes; longer lines are skipped to their newline without being held, and reported.</summary>
    public const int MaxLineBytes = 4 * 1024 * 1024;

    /// <summary>Longest line read from a <see cref="TextReader"/>, in characters.</summary>
    public const int MaxLineChars = 4 * 1024 * 1024;

    /// <summary>Scores the transcript file at <paramref name="path"/>, handing each result to <paramref name="onResult"/> in file order.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not text (NUL bytes at its start).</exception>
    /// <param name="serialize">Optional: serializes each result on the worker that scored it (see <see cref="TranscriptPipeline.Run"/>).</param>
    /// <param name="renumber">Optional: rewrites a serialized result whose sample was renumbered (see <see cref="TranscriptPipeline.Run"/>).</param>
    public static TranscriptStats ScoreFile(string path, Action<ScoredTranscript> onResult, Action<LineIssue> onIssue, IReadOnlyList<StepProgram>? catalog = null, TranscriptOptions? options = null, int? workers = null, long cachedSteps = TranscriptPipeline.DefaultCachedSteps, Func<ScoredTranscript, byte[]>? serialize = null, Func<byte[], CaseResult, CaseResult, byte[]?>? renumber = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= TranscriptOptions.Default;
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        var fileName = Path.GetFileName(path);
        return new TranscriptPipeline(catalog, options, workers, cachedSteps).Run(BoundedLineReader.Read(stream, fileName, options.MaxLineBytes), fileName, onResult, onIssue, serialize: serialize, renumber: renumber);
    }

    /// <summary>Scores the transcript file at <paramref name="path"/> into memory.</summary>
    /// <param name="catalog">Programs that lines may name with <c>programName</c> (e.g. an assembly's catalog); may be empty.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not text (NUL bytes at its start).</exception>
    public static TranscriptImport ScoreFile(string path, IReadOnlyList<StepProgram>? catalog = null, TranscriptOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        return Score(stream, Path.GetFileName(path), catalog, options);
    }

    /// <summary>Scores transcript lines read from <paramref name="stream"/> (UTF-8, or UTF-16/32 with a byte-order mark).</summary>
    /// <exception cref="InvalidDataException">The input is not text (NUL bytes at its start).</exception>
    public static TranscriptImport Score(Stream stream, string fileName, IReadOnlyList<StepProgram>? catalog = null, TranscriptOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(fileName);
        options ??= TranscriptOptions.Default;
        return Collect(BoundedLineReader.Read(stream, fileName, options.MaxLineBytes), fileName, catalog, options);
    }

    /// <summary>Scores transcript lines read from <paramref name="reader"/>; <paramref name="fileName"/> names them in issues.</summary>
    public static TranscriptImport Score(TextReader reader, string fileName, IReadOnlyList<StepProgram>? catalog = null, TranscriptOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(fileName);
        options ??= TranscriptOptions.Default;
        return Collect(BoundedLineReader.Read(reader, options.MaxLineChars), fileName, catalog, options);
    }

    private static TranscriptImport Collect(IEnumerable<TranscriptLine> lines, string fileName, IReadOnlyList<StepProgram>? catalog, TranscriptOptions options)
    {
        var results = new List<CaseResult>();
        var issues = new List<LineIssue>();
        var stats = new TranscriptPipeline(catalog, options).Run(lines, fileName, scored => results.Add(scored.Result), issues.Add);
        return new TranscriptImport(results, issues, stats.Lines);
    }
}
