namespace Faithful.Clients.Connections;

/// <summary>A connection needs a key or endpoint that is set neither in the environment nor in user secrets.</summary>
public sealed class MissingSecretException : InvalidOperationException
{
    public MissingSecretException(string name, string forWhat)
        : base($"{forWhat} needs {name}. Set the environment variable {name}, or run `dotnet user-secrets set {name} <value>` in your test project. Keys are never read from files in the repository.")
        => Name = name;

    public MissingSecretException()
    {
        Name = "";
    }

    public MissingSecretException(string message)
        : base(message)
    {
        Name = "";
    }

    public MissingSecretException(string message, Exception innerException)
        : base(message, innerException)
    {
        Name = "";
    }

    public string Name { get; }
}
