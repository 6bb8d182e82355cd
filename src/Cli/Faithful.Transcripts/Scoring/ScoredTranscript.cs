using Faithful.Model;
using Faithful.Traces.Results;

namespace Faithful.Transcripts.Scoring;

/// <summary>One scored transcript line, in file order: the result, the program it was scored against, and how the line gave that program.</summary>
/// <param name="Source">The program's C# source as the line gave it, or null for a catalog program.</param>
public sealed record ScoredTranscript(int Line, CaseResult Result, StepProgram Program, TranscriptProgramSource? Source)
{
    /// <summary>The result as the pipeline's serializer wrote it on a worker thread, or null (none given, or the sample was renumbered).</summary>
    public byte[]? Serialized { get; init; }
}

/// <summary>What a scoring pass saw: lines read, results, skipped lines, and how often the program cache spared a read.</summary>
public sealed record TranscriptStats(int Lines, int Scored, int Skipped, long ProgramReads, long ProgramCacheHits);
