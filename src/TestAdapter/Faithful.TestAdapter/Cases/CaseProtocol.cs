using System.Globalization;
using Faithful.Protocols;

namespace Faithful.Testing;

/// <summary>
/// The protocol a theory's cases run under, as plain values that survive xUnit serialization: the name and the
/// settings that take a value (0 means the default). <see cref="Create"/> gives the <see cref="IProtocol"/>.
/// </summary>
public sealed record CaseProtocol(string Name, int Every = 0, int Reveal = 0, bool StopOnError = false, string? At = null)
{
    public static CaseProtocol Single { get; } = new("single");

    /// <exception cref="ArgumentException">An unknown protocol, a count below 0 or a position that is not one.</exception>
    public IProtocol Create()
    {
        var settings = ProtocolSettings.Default;
        settings = settings with
        {
            Every = Every > 0 ? Every : settings.Every,
            Reveal = Reveal > 0 ? Reveal : settings.Reveal,
            OnError = StopOnError ? CheckpointFailure.Stop : CheckpointFailure.Continue,
            At = string.IsNullOrWhiteSpace(At) ? null : PrefixPosition.ParseList([At]),
        };
        if (Every < 0 || Reveal < 0)
        {
            throw new ArgumentException($"Every and Reveal must be 0 (the default) or more (got Every = {Every}, Reveal = {Reveal}).");
        }

        return ProtocolCatalog.Create(Name, settings);
    }

    /// <summary><c>checkpointed(every=3)</c>; just the name when every setting is the default.</summary>
    public override string ToString()
    {
        var settings = new List<string>();
        if (Every > 0)
        {
            settings.Add(string.Create(CultureInfo.InvariantCulture, $"every={Every}"));
        }

        if (Reveal > 0)
        {
            settings.Add(string.Create(CultureInfo.InvariantCulture, $"reveal={Reveal}"));
        }

        if (StopOnError)
        {
            settings.Add("on-error=stop");
        }

        if (!string.IsNullOrWhiteSpace(At))
        {
            settings.Add($"at={At}");
        }

        return settings.Count == 0 ? Name : $"{Name}({string.Join(",", settings)})";
    }
}
