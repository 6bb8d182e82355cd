using System.Runtime.CompilerServices;

namespace Faithful.Core.Tests;

/// <summary>
/// Verify's file conventions, minimal: <c>Snapshots/{name}.verified.txt</c> is committed; on a difference the actual text is
/// written to <c>{name}.received.txt</c> (git-ignored) and the test fails naming the first differing line. Nothing is
/// accepted automatically: to accept, review the received file and rename it.
/// </summary>
internal static class Snapshot
{
    public static void Verify(string actual, string name, [CallerFilePath] string callerPath = "")
    {
        var directory = Path.Combine(Path.GetDirectoryName(callerPath)!, "Snapshots");
        var verifiedPath = Path.Combine(directory, name + ".verified.txt");
        var receivedPath = Path.Combine(directory, name + ".received.txt");
        actual = actual.ReplaceLineEndings("\n");
        var verified = File.Exists(verifiedPath) ? File.ReadAllText(verifiedPath).ReplaceLineEndings("\n") : null;
        if (verified == actual)
        {
            File.Delete(receivedPath);
            return;
        }

        Directory.CreateDirectory(directory);
        File.WriteAllText(receivedPath, actual);
        Assert.Fail(verified is null
            ? $"No verified snapshot {verifiedPath}. Review {receivedPath} and rename it to accept."
            : $"Snapshot {name} differs: {FirstDifference(verified, actual)}. Review {receivedPath} and rename it to accept.");
    }

    private static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var left = i < e.Length ? e[i] : "<end>";
            var right = i < a.Length ? a[i] : "<end>";
            if (left != right)
            {
                return $"line {i + 1}\n  verified: {left}\n  received: {right}";
            }
        }

        return "only line endings";
    }
}
