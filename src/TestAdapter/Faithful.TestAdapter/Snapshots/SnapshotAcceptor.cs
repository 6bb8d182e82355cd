namespace Faithful.Testing;

/// <summary>
/// Accepts received snapshots: each <c>X.received.txt</c> replaces <c>X.verified.txt</c>. This is a deliberate,
/// reviewed step (scripts/accept-snapshots.sh, or this API from a tool); tests never call it in CI.
/// </summary>
public static class SnapshotAcceptor
{
    public const string ReceivedSuffix = ".received.txt";
    public const string VerifiedSuffix = ".verified.txt";

    /// <summary>Accepts every received snapshot under <paramref name="root"/> (bin and obj folders excluded); returns the verified paths written.</summary>
    public static IReadOnlyList<string> AcceptAll(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"No folder {root} to accept snapshots in.");
        }

        var accepted = new List<string>();
        foreach (var received in Directory.EnumerateFiles(root, "*" + ReceivedSuffix, SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var parts = Path.GetRelativePath(root, received).Split(Path.DirectorySeparatorChar);
            if (parts.Contains("bin") || parts.Contains("obj"))
            {
                continue;
            }

            accepted.Add(Accept(received));
        }

        return accepted;
    }

    /// <summary>Accepts one received file; returns the verified path.</summary>
    public static string Accept(string receivedPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(receivedPath);
        if (!receivedPath.EndsWith(ReceivedSuffix, StringComparison.Ordinal))
        {
            throw new ArgumentException($"{receivedPath} is not a *{ReceivedSuffix} file.", nameof(receivedPath));
        }

        var verified = string.Concat(receivedPath.AsSpan(0, receivedPath.Length - ReceivedSuffix.Length), VerifiedSuffix);
        File.Move(receivedPath, verified, overwrite: true);
        return verified;
    }
}
