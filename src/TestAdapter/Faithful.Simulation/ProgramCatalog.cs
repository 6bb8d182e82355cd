using System.Collections.Concurrent;
using Faithful.Model;

namespace Faithful.Traces.Simulation;

/// <summary>
/// The programs one simulated model can be asked about, found by <see cref="StepProgram.Id"/>. Each
/// <see cref="SimulatedChatClient"/> owns its catalog, so two runs in one process never see each other's programs.
/// </summary>
public sealed class ProgramCatalog : IProgramRegistry
{
    private readonly ConcurrentDictionary<string, StepProgram> _programs = new(StringComparer.Ordinal);

    public ProgramCatalog()
    {
    }

    public ProgramCatalog(IEnumerable<StepProgram> programs)
    {
        ArgumentNullException.ThrowIfNull(programs);
        foreach (var program in programs)
        {
            Register(program);
        }
    }

    public IReadOnlyCollection<StepProgram> Programs => [.. _programs.Values];

    /// <summary>Adds <paramref name="program"/>; adding the same program again does nothing.</summary>
    /// <exception cref="ArgumentException">Another program with the same id is already in the catalog.</exception>
    public void Register(StepProgram program)
    {
        ArgumentNullException.ThrowIfNull(program);
        var known = _programs.GetOrAdd(program.Id, program);
        if (!ReferenceEquals(known, program) && !known.Equals(program))
        {
            throw new ArgumentException($"Two different programs share the id '{program.Id}'; program ids must be unique in a catalog.", nameof(program));
        }
    }

    public StepProgram? Find(string programId) => _programs.GetValueOrDefault(programId);
}
