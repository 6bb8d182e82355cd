using Microsoft.Extensions.Configuration;

namespace Faithful.Clients.Connections;

/// <summary>
/// Reads API keys and endpoints from environment variables, then from .NET user secrets of the entry assembly
/// (<c>dotnet user-secrets set OPENAI_API_KEY ...</c>). Keys are never read from files in the repository.
/// </summary>
public sealed class SecretSource
{
    private readonly IConfiguration configuration;

    public SecretSource(IConfiguration configuration) => this.configuration = configuration;

    /// <summary>Environment variables, then the user secrets of <paramref name="secretsAssembly"/> (the entry assembly by default).</summary>
    public static SecretSource Default(System.Reflection.Assembly? secretsAssembly = null)
    {
        var builder = new ConfigurationBuilder();
        var assembly = secretsAssembly ?? System.Reflection.Assembly.GetEntryAssembly();
        if (assembly is not null)
        {
            builder.AddUserSecrets(assembly, optional: true);
        }

        // Environment variables win over user secrets, as in ASP.NET Core's defaults.
        builder.AddEnvironmentVariables();
        return new SecretSource(builder.Build());
    }

    /// <summary>From a fixed dictionary (tests, or hosts that resolve secrets themselves).</summary>
    public static SecretSource FromValues(IEnumerable<KeyValuePair<string, string?>> values) =>
        new(new ConfigurationBuilder().AddInMemoryCollection(values).Build());

    public string? Get(string name)
    {
        var value = configuration[name];
        return string.IsNullOrWhiteSpace(value) ? null : value;
    }

    public string Require(string name, string forWhat) => Get(name) ?? throw new MissingSecretException(name, forWhat);
}
