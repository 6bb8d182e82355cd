using Faithful.Model;

namespace Faithful.Traces.Simulation;

/// <summary>Finds reference programs by <see cref="StepProgram.Id"/>.</summary>
public interface IProgramCatalog
{
    StepProgram? Find(string programId);
}

/// <summary>A catalog over a fixed set of programs.</summary>
public sealed class ProgramCatalog : IProgramCatalog
{
    private readonly Dictionary<string, StepProgram> _programs = new(StringComparer.Ordinal);

    public ProgramCatalog(IEnumerable<StepProgram> programs)
    {
        ArgumentNullException.ThrowIfNull(programs);
        foreach (var program in programs)
        {
            if (!_programs.TryAdd(program.Id, program) && !_programs[program.Id].Equals(program))
            {
                throw new ArgumentException($"Two different programs share the id '{program.Id}'; program ids must be unique in a catalog.", nameof(programs));
            }
        }
    }

    public IReadOnlyCollection<StepProgram> Programs => _programs.Values;

    public StepProgram? Find(string programId) => _programs.GetValueOrDefault(programId);
}
