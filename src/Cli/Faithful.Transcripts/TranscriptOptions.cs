using Faithful.SourcePrograms.Limits;

namespace Faithful.Transcripts;

/// <summary>How much of a transcript file is read (docs/transcripts.md, "Limits").</summary>
public sealed record TranscriptOptions
{
    public static TranscriptOptions Default { get; } = new();

    /// <summary>Longest line read from a file, in bytes; longer lines are skipped to their newline without being held, and reported.</summary>
    public int MaxLineBytes { get; init; } = TranscriptScorer.MaxLineBytes;

    /// <summary>Longest line read from a <see cref="TextReader"/>, in characters.</summary>
    public int MaxLineChars { get; init; } = TranscriptScorer.MaxLineChars;

    /// <summary>Limits on a line's <c>program</c>: nesting, size and the time one program may take to read.</summary>
    public ProgramReadLimits ProgramLimits { get; init; } = ProgramReadLimits.Default;
}
