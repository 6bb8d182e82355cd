using System.Runtime.CompilerServices;
using System.Text;

namespace Faithful.Traces.Tests;

/// <summary>
/// Verify-style snapshots: <c>Name.verified.txt</c> beside the test is committed; a mismatch writes
/// <c>Name.received.txt</c> (git-ignored, never on CI) and fails with a line diff.
/// </summary>
internal static class Snapshot
{
    public static void Match(string actual, string name, [CallerFilePath] string testFile = "")
    {
        var directory = Path.Combine(Path.GetDirectoryName(testFile)!, "Snapshots");
        var verified = Path.Combine(directory, $"{name}.verified.txt");
        var received = Path.Combine(directory, $"{name}.received.txt");
        var normalized = actual.Replace("\r\n", "\n", StringComparison.Ordinal);
        var expected = File.Exists(verified) ? File.ReadAllText(verified).Replace("\r\n", "\n", StringComparison.Ordinal) : null;
        if (expected == normalized)
        {
            if (File.Exists(received))
            {
                File.Delete(received);
            }

            return;
        }

        if (Environment.GetEnvironmentVariable("CI") is null)
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(received, normalized);
        }

        Assert.Fail(expected is null
            ? $"No snapshot {verified}. Review {received} and rename it to .verified.txt if it is right."
            : $"Snapshot {name} differs:\n{Diff(expected, normalized)}\nReview {received}; accept it by renaming it to .verified.txt.");
    }

    private static string Diff(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        var builder = new StringBuilder();
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            var left = i < a.Length ? a[i] : "<missing>";
            var right = i < b.Length ? b[i] : "<missing>";
            if (left != right)
            {
                builder.Append("line ").Append(i + 1).Append(":\n  - ").Append(left).Append("\n  + ").Append(right).Append('\n');
            }
        }

        return builder.ToString();
    }
}
