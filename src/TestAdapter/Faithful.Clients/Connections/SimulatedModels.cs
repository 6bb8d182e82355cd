using Faithful.Traces.Simulation;
using Microsoft.Extensions.AI;

namespace Faithful.Clients.Connections;

/// <summary>
/// Where <c>sim:&lt;profile&gt;</c> model strings get their client: by default Faithful.Simulation's simulated model with a
/// built-in profile (<c>study</c>, <c>real</c>, <c>perfect</c>, <c>failing</c>, <c>regressed</c>) and a catalog of its own, which
/// runners fill through <see cref="IProgramRegistry"/> as they send cases. Hosts and tests may register another factory.
/// </summary>
public static class SimulatedModels
{
    private static Func<string, IChatClient>? factory;

    /// <summary>Replaces the default factory (null restores it).</summary>
    public static Func<string, IChatClient>? Factory
    {
        get => Volatile.Read(ref factory);
        set => Volatile.Write(ref factory, value);
    }

    internal static IChatClient Create(string profile, long? seed) =>
        Factory is { } custom ? custom(profile) : CreateDefault(profile, seed);

    private static SimulatedChatClient CreateDefault(string profile, long? seed)
    {
        var chosen = SimulationProfile.Named(profile) ?? throw new ArgumentException(
            $"sim:{profile} names no simulation profile. Built-in profiles: study, real, perfect, failing, regressed, faithful, post-hoc, mixed.", nameof(profile));
        return new SimulatedChatClient(chosen, unchecked((int)(seed ?? 0)));
    }
}
