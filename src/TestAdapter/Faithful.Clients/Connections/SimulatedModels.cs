using Microsoft.Extensions.AI;

namespace Faithful.Clients.Connections;

/// <summary>
/// Where <c>sim:&lt;profile&gt;</c> model strings get their client. The simulated model lives in Faithful.Traces;
/// hosts (or tests) may register another factory.
/// </summary>
public static class SimulatedModels
{
    private static Func<string, IChatClient>? factory;

    public static Func<string, IChatClient>? Factory
    {
        get => Volatile.Read(ref factory);
        set => Volatile.Write(ref factory, value);
    }

    internal static IChatClient Create(string profile) =>
        (Factory ?? throw new InvalidOperationException(
            $"sim:{profile} needs the simulated model, but none is registered. Set Faithful.Clients.Connections.SimulatedModels.Factory.")).Invoke(profile);
}
