using Faithful.Model;
using Microsoft.Extensions.AI;

namespace Faithful.Traces.Simulation;

/// <summary>
/// A chat client that must be told the programs it will be asked about, because it cannot read prompts (the simulated
/// model). A runner finds it in a client pipeline with <c>client.GetService&lt;IProgramRegistry&gt;()</c> and registers a
/// case's program before sending the case's <see cref="CaseRef"/>; other clients return null and need nothing.
/// </summary>
public interface IProgramRegistry
{
    /// <summary>Makes <paramref name="program"/> known; registering the same program again does nothing.</summary>
    /// <exception cref="ArgumentException">A different program with the same id is already known.</exception>
    void Register(StepProgram program);
}

/// <summary>Registers programs with whatever in a client pipeline needs them.</summary>
public static class ProgramRegistryExtensions
{
    /// <summary>
    /// Tells <paramref name="client"/> (or the simulated model inside its pipeline) about <paramref name="program"/>;
    /// does nothing for a client that does not need it.
    /// </summary>
    public static void RegisterProgram(this IChatClient client, StepProgram program)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(program);
        client.GetService<IProgramRegistry>()?.Register(program);
    }
}
