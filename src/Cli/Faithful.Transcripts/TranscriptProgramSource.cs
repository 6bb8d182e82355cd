using System.Text.Json;
using Faithful.Model;
using Faithful.Reports.RunFiles;
using Faithful.Reports.RunFiles.Compact;
using Faithful.SourcePrograms;

namespace Faithful.Transcripts;

/// <summary>
/// A transcript program as its line gave it: C# statements, the parameter list, the question and the program's name.
/// Scored run files store this (a few hundred bytes) in their program lines instead of the unrolled program (a loop of
/// 10,000 iterations is 10,000 steps), and read it back the way the scorer did.
/// </summary>
public sealed record TranscriptProgramSource(string Statements, string Parameters, string Question, string Name)
{
    /// <summary>The program line for <paramref name="programId"/>.</summary>
    public byte[] ToProgramLine(string programId) => ProgramLine.SerializeSource(programId, this);

    /// <summary>Reads the program the way the scorer did.</summary>
    /// <returns>The program, or null when the line is not a transcript source or no longer reads.</returns>
    public StepProgram? Read()
    {
        if (ProgramAnswer.Parse(Question, out _) is not { } answer)
        {
            return null;
        }

        return CSharpProgramReader.ReadStatements(UntypedLocals.Widen(Statements), Parameters, answer, Name, "program").Program;
    }

    /// <summary>The program of a run file's program line given by a transcript source; null for any other line.</summary>
    public static StepProgram? Read(ProgramLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.Source is not { } source)
        {
            return null;
        }

        try
        {
            return source.Deserialize<TranscriptProgramSource>(FaithfulJson.Options) is { Statements: not null, Parameters: not null, Question: not null, Name: not null } read
                ? read.Read()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
