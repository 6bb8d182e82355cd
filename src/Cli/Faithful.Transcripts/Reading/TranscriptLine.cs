namespace Faithful.Transcripts.Reading;

/// <summary>One line of a transcript file: its one-based number and its text, or why the text could not be read.</summary>
public readonly record struct TranscriptLine(int Number, string? Text, string? Problem);
