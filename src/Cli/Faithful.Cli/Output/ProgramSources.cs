using Faithful.Reports.RunFiles.Recovery;

namespace Faithful.Cli.Output;

/// <summary>How the command line reads the programs of run files: JSON program lines, and transcript sources.</summary>
internal static class ProgramSources
{
    public static ProgramResolver Resolver() => new(Faithful.Transcripts.TranscriptProgramSource.Read);
}
