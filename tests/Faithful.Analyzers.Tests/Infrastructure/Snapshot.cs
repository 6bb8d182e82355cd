using System.Runtime.CompilerServices;
using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace Faithful.Analyzers.Tests.Infrastructure;

/// <summary>
/// Verify-style snapshots: <c>{TestFile}.{Test}.verified.txt</c> is committed beside the test; on a mismatch
/// <c>.received.txt</c> is written (git-ignored) and the test fails with a diff. Accept by copying received over
/// verified, or run locally with <c>FAITHFUL_ACCEPT=1</c>. When <c>CI</c> is set nothing is ever accepted.
/// </summary>
internal static class Snapshot
{
    public static void Match(string actual, string? name = null, [CallerFilePath] string testFile = "", [CallerMemberName] string testName = "")
    {
        var directory = Path.GetDirectoryName(testFile)!;
        var stem = Path.GetFileNameWithoutExtension(testFile) + "." + testName + (name is null ? "" : "." + name);
        var verifiedPath = Path.Combine(directory, stem + ".verified.txt");
        var receivedPath = Path.Combine(directory, stem + ".received.txt");
        var received = Normalize(actual);
        var verified = File.Exists(verifiedPath) ? Normalize(File.ReadAllText(verifiedPath)) : null;
        if (verified == received)
        {
            File.Delete(receivedPath);
            return;
        }

        var onCi = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));
        if (!onCi && Environment.GetEnvironmentVariable("FAITHFUL_ACCEPT") == "1")
        {
            File.WriteAllText(verifiedPath, received, new UTF8Encoding(false));
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, received, new UTF8Encoding(false));
        var message = verified is null
            ? $"No verified snapshot {verifiedPath}. Review {receivedPath}, then accept it by copying it over the verified file (or FAITHFUL_ACCEPT=1 locally).\n\n{received}"
            : $"Snapshot {verifiedPath} differs from {receivedPath} ('-' verified, '+' received). Accept by copying received over verified if the change is intended.\n{Diff(verified, received)}";
        Assert.Fail(message);
    }

    private static string Normalize(string text) => text.ReplaceLineEndings("\n").TrimEnd('\n') + "\n";

    /// <summary>Changed lines with two lines of context, as a reader wants them in a test log.</summary>
    internal static string Diff(string verified, string received)
    {
        var lines = InlineDiffBuilder.Diff(verified, received, ignoreWhiteSpace: false).Lines;
        var output = new StringBuilder();
        var lastPrinted = -1;
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Type == ChangeType.Unchanged)
            {
                continue;
            }

            for (var j = Math.Max(lastPrinted + 1, i - 2); j < i; j++)
            {
                output.Append("  ").AppendLine(lines[j].Text);
            }

            output.Append(lines[i].Type == ChangeType.Deleted ? "- " : "+ ").AppendLine(lines[i].Text);
            lastPrinted = i;
        }

        return output.ToString();
    }
}
