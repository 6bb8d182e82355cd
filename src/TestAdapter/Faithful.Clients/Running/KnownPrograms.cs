using System.Collections.Concurrent;
using Faithful.Model;
using Faithful.Traces.Simulation;

namespace Faithful.Clients.Running;

/// <summary>
/// The programs this process has sent cases for. A <c>sim:</c> model resolves each request's case reference here,
/// so it needs no catalog of its own: <see cref="CaseRunner"/> registers a program before sending its first case.
/// </summary>
public sealed class KnownPrograms : IProgramCatalog
{
    private readonly ConcurrentDictionary<string, StepProgram> programs = new(StringComparer.Ordinal);

    public static KnownPrograms Shared { get; } = new();

    public void Register(StepProgram program)
    {
        ArgumentNullException.ThrowIfNull(program);
        var known = programs.GetOrAdd(program.Id, program);
        if (!ReferenceEquals(known, program) && !known.Equals(program))
        {
            throw new ArgumentException($"Two different programs share the id '{program.Id}'; program ids must be unique within a run.", nameof(program));
        }
    }

    public StepProgram? Find(string programId) => programs.GetValueOrDefault(programId);
}
