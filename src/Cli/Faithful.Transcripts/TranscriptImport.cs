using Faithful.Reports.RunFiles;
using Faithful.Traces.Results;

namespace Faithful.Transcripts;

/// <summary>The outcome of scoring a transcript file: a result per readable line, and every line that was skipped and why.</summary>
public sealed record TranscriptImport(IReadOnlyList<CaseResult> Results, IReadOnlyList<LineIssue> Issues, int Lines);
