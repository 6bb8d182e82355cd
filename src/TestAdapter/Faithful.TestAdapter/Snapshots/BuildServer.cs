namespace Faithful.Testing;

/// <summary>Detects CI, where snapshots are never accepted automatically and no diff tool is launched.</summary>
public static class BuildServer
{
    private static readonly string[] Variables = ["CI", "TF_BUILD", "GITHUB_ACTIONS", "GITLAB_CI", "JENKINS_URL", "TEAMCITY_VERSION", "APPVEYOR", "BUILDKITE"];

    public static bool IsDetected(Func<string, string?>? read = null)
    {
        read ??= Environment.GetEnvironmentVariable;
        return Variables.Any(v => read(v) is { Length: > 0 } value && !value.Equals("false", StringComparison.OrdinalIgnoreCase) && value != "0");
    }
}
