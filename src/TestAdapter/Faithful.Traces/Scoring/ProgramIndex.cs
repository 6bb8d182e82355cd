using System.Runtime.CompilerServices;
using Faithful.Model;

namespace Faithful.Traces.Scoring;

/// <summary>Name lookups for a program, built once per program instance and shared by every alignment of it.</summary>
internal sealed class ProgramIndex
{
    private static readonly ConditionalWeakTable<StepProgram, ProgramIndex> Cache = new();

    private readonly Dictionary<string, List<int>> _writes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _parameters = new(StringComparer.Ordinal);

    private ProgramIndex(StepProgram program)
    {
        Replay = new ExpressionReplay(program);
        for (var p = 0; p < program.Parameters.Count; p++)
        {
            _parameters[program.Parameters[p].Name] = p;
        }

        foreach (var step in program.Steps)
        {
            StepByName[step.Name] = step.Index;
            if (!_writes.TryGetValue(step.Variable, out var list))
            {
                _writes[step.Variable] = list = [];
            }

            list.Add(step.Index);
        }
    }

    public static ProgramIndex For(StepProgram program) => Cache.GetValue(program, static p => new ProgramIndex(p));

    /// <summary>Replays of this program's expressions; safe to share across threads (probes are built idempotently).</summary>
    public ExpressionReplay Replay { get; }

    public Dictionary<string, int> StepByName { get; } = new(StringComparer.Ordinal);

    /// <summary>Whether a name is a parameter or a variable some step writes.</summary>
    public bool IsVariable(string name) => _writes.ContainsKey(name) || _parameters.ContainsKey(name);
}
