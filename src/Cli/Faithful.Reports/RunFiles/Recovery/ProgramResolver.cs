using System.Text.Json;
using Faithful.Execution;
using Faithful.Model;
using Faithful.Reports.RunFiles.Compact;
using Faithful.Reports.RunFiles.Streaming;

namespace Faithful.Reports.RunFiles.Recovery;

/// <summary>
/// Finds the programs a run file's results were scored against, from its program lines, and their ground truth: what
/// expanding a compact verdict needs. Programs given as JSON are read here; programs given by their source (scored
/// transcripts) are read by <see cref="SourceReader"/>, which the command line supplies.
/// </summary>
public sealed class ProgramResolver(Func<ProgramLine, StepProgram?>? sourceReader = null)
{
    private readonly Dictionary<(string Path, string Id), StepProgram?> _programs = [];

    public Func<ProgramLine, StepProgram?>? SourceReader { get; } = sourceReader;

    /// <summary>The program <paramref name="programId"/> of the file <paramref name="index"/>, or null with why not.</summary>
    public StepProgram? Find(RunFileIndex index, string programId, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(programId);
        problem = null;
        if (_programs.TryGetValue((index.Path, programId), out var cached))
        {
            problem = cached is null ? $"program {programId} could not be read from {index.FileName}" : null;
            return cached;
        }

        StepProgram? program = null;
        if (!index.ProgramOffsets.TryGetValue(programId, out var offset))
        {
            problem = $"{index.FileName} holds no program line for {programId} (written by an older version, or a file of faithful.run/1 results)";
        }
        else
        {
            try
            {
                var line = ProgramLine.Read(RunFileScan.ReadLineAt(index.Path, offset));
                program = line.FromJson() ?? SourceReader?.Invoke(line);
                problem = program is null ? $"program {programId} is given by its source, which this command cannot read" : null;
            }
            catch (Exception e) when (e is JsonException or FormatException)
            {
                problem = e.Message;
            }
        }

        _programs[(index.Path, programId)] = program;
        return program;
    }

    /// <summary>The ground truth of <paramref name="program"/> on <paramref name="inputs"/>, or null with why not.</summary>
    public static Trace? Truth(StepProgram program, IReadOnlyList<Value> inputs, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(program);
        problem = null;
        try
        {
            var truth = ReferenceEvaluator.Evaluate(program, inputs);
            if (truth.Fault is { } fault)
            {
                problem = $"the program faults on these inputs ({fault.Message})";
                return null;
            }

            return truth;
        }
        catch (ArgumentException e)
        {
            problem = "the program cannot be evaluated: " + e.Message;
            return null;
        }
    }
}
