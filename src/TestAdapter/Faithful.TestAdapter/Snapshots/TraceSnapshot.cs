using System.Runtime.CompilerServices;
using System.Text;
using DiffEngine;
using Faithful.Clients.Redaction;
using Faithful.Traces.Results;
using Xunit;

namespace Faithful.Testing;

/// <summary>
/// Trace snapshots following Verify's conventions: <c>{Class}.{Method}_{Name}.verified.txt</c> beside the test source,
/// <c>.received.txt</c> written on a mismatch (git-ignored), scrubbers at module, class and call level, a diff tool on a
/// developer machine, and in CI a failure that prints the structural and line diff and never accepts anything.
/// </summary>
public static class TraceSnapshot
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Set <c>FAITHFUL_AUTO_ACCEPT=1</c> on a developer machine to accept mismatches as they happen (ignored in CI).</summary>
    public const string AutoAcceptVariable = "FAITHFUL_AUTO_ACCEPT";

    /// <summary>Compares <paramref name="result"/> with its verified snapshot; throws <see cref="SnapshotMismatchException"/> on a difference.</summary>
    public static Task VerifyAsync(
        CaseResult result,
        SnapshotSettings? settings = null,
        string? modelId = null,
        [CallerFilePath] string sourceFile = "",
        [CallerMemberName] string method = "")
    {
        ArgumentNullException.ThrowIfNull(result);
        var testClass = (TestContext.Current.TestClass as Xunit.v3.IXunitTestClass)?.Class;
        var name = settings?.Name ?? DefaultName(result);
        return VerifyTextAsync(SnapshotRenderer.Render(result, modelId), settings, testClass, sourceFile, method, name);
    }

    /// <summary>The same for already rendered text (e.g. several results joined); <paramref name="name"/> completes the file name.</summary>
    public static async Task VerifyTextAsync(string text, SnapshotSettings? settings, Type? testClass, string sourceFile, string method, string? name)
    {
        ArgumentNullException.ThrowIfNull(text);
        // Snapshots are committed: keys and credential shapes never reach them, whatever the scrubbers do.
        var scrubbed = Redactor.FromEnvironment().Redact(Scrub(text, settings, testClass));
        var directory = settings?.Directory ?? SnapshotSettings.FindClass(testClass)?.Directory ?? SnapshotSettings.Global.Directory ?? Path.GetDirectoryName(sourceFile) ?? ".";
        var className = testClass?.Name ?? Path.GetFileNameWithoutExtension(sourceFile);
        var stem = Path.Combine(directory, Sanitize(name is null ? $"{className}.{method}" : $"{className}.{method}_{name}"));
        Directory.CreateDirectory(directory);
        var verifiedPath = stem + SnapshotAcceptor.VerifiedSuffix;
        var receivedPath = stem + SnapshotAcceptor.ReceivedSuffix;

        var verified = File.Exists(verifiedPath) ? (await File.ReadAllTextAsync(verifiedPath, Encoding.UTF8).ConfigureAwait(false)).ReplaceLineEndings("\n") : null;
        if (verified == scrubbed)
        {
            File.Delete(receivedPath);
            return;
        }

        var environment = settings?.Environment ?? SnapshotSettings.Global.Environment ?? Environment.GetEnvironmentVariable;
        var onBuildServer = BuildServer.IsDetected(environment);
        if (!onBuildServer && environment(AutoAcceptVariable) is "1" or "true")
        {
            await File.WriteAllTextAsync(verifiedPath, scrubbed, Utf8NoBom).ConfigureAwait(false);
            File.Delete(receivedPath);
            return;
        }

        await File.WriteAllTextAsync(receivedPath, scrubbed, Utf8NoBom).ConfigureAwait(false);
        var comparison = verified is null ? null : SnapshotDiff.Compare(verified, scrubbed);
        var launch = settings?.LaunchDiffTool ?? SnapshotSettings.FindClass(testClass)?.LaunchDiffTool ?? SnapshotSettings.Global.LaunchDiffTool ?? true;
        if (onBuildServer)
        {
            DiffRunner.Disabled = true;
        }
        else if (launch && verified is not null)
        {
            await DiffRunner.LaunchAsync(receivedPath, verifiedPath).ConfigureAwait(false);
        }

        throw new SnapshotMismatchException(Message(verifiedPath, receivedPath, scrubbed, comparison, onBuildServer), comparison);
    }

    /// <summary>Applies call-level, then class-level, then module-level scrubbers.</summary>
    public static string Scrub(string text, SnapshotSettings? settings, Type? testClass)
    {
        ArgumentNullException.ThrowIfNull(text);
        var levels = new[] { settings, SnapshotSettings.FindClass(testClass), SnapshotSettings.Global };
        var scrubbed = text.ReplaceLineEndings("\n");
        foreach (var level in levels)
        {
            foreach (var scrubber in level?.Scrubbers ?? [])
            {
                scrubbed = scrubber.Apply(scrubbed);
            }
        }

        return scrubbed;
    }

    private static string DefaultName(CaseResult result)
    {
        var program = result.ProgramId[(result.ProgramId.LastIndexOf('.') + 1)..];
        var inputs = string.Join("_", result.Inputs);
        return result.Sample == 0 ? $"{program}_{inputs}" : $"{program}_{inputs}_s{result.Sample}";
    }

    private static string Sanitize(string name)
    {
        var invalid = Path.GetInvalidFileNameChars();
        var clean = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            clean.Append(invalid.Contains(c) || c == ' ' ? '_' : c);
        }

        return clean.ToString();
    }

    private static string Message(string verifiedPath, string receivedPath, string received, SnapshotComparison? comparison, bool onBuildServer)
    {
        var text = new StringBuilder();
        if (comparison is null)
        {
            text.Append("No verified snapshot yet: ").Append(verifiedPath).Append('\n')
                .Append("Received (written to ").Append(receivedPath).Append("):\n").Append(received);
        }
        else
        {
            text.Append("Snapshot mismatch: ").Append(comparison.Summary).Append('\n')
                .Append("  verified: ").Append(verifiedPath).Append('\n')
                .Append("  received: ").Append(receivedPath).Append('\n');
            foreach (var change in comparison.Changes)
            {
                text.Append("  * ").Append(change).Append('\n');
            }

            text.Append("Diff (- verified, + received):\n").Append(comparison.LineDiff);
        }

        text.Append(onBuildServer
            ? "Running in CI: snapshots are never accepted here. Run the tests locally and accept with scripts/accept-snapshots.sh after review, then commit the .verified.txt files.\n"
            : "Review the change, then accept it with scripts/accept-snapshots.sh (or SnapshotAcceptor.AcceptAll), or set FAITHFUL_AUTO_ACCEPT=1 for one run.\n");
        return text.ToString();
    }
}
