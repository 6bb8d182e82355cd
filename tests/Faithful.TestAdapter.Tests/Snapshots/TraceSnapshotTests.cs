using Faithful.Clients.Connections;
using Faithful.Clients.Running;
using Faithful.Model;
using Faithful.TestAdapter.Tests.Adapter;
using Faithful.Testing;

namespace Faithful.TestAdapter.Tests.Snapshots;

public sealed class TraceSnapshotTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "faithful-snapshots-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private SnapshotSettings Settings(bool ci = false, bool autoAccept = false) => new()
    {
        Directory = directory,
        Name = "case",
        LaunchDiffTool = false,
        Environment = name => name switch
        {
            "CI" when ci => "true",
            TraceSnapshot.AutoAcceptVariable when autoAccept => "1",
            _ => null,
        },
    };

    [Fact]
    public async Task A_committed_snapshot_of_a_simulated_trace_matches()
    {
        // Verify's convention: TraceSnapshotTests.A_committed_snapshot_of_a_simulated_trace_matches_Chain_3_-7.verified.txt beside this file.
        using var model = ModelClients.Connect("sim:study");
        var inputs = new[] { Value.FromInt64(3), Value.FromInt64(-7) }.ToEquatableArray();
        var result = await new CaseRunner(model.Client, model.Model, TracesInstrument.ProcessAware).RunOneAsync(new FaithfulCase(TestPrograms.Chain, inputs), TestContext.Current.CancellationToken);

        await TraceSnapshot.VerifyAsync(result, new SnapshotSettings { LaunchDiffTool = false });
    }

    [Fact]
    public async Task A_new_snapshot_fails_writes_received_and_passes_once_accepted()
    {
        var result = FaithfulAssertTests.Correct();

        var missing = await Assert.ThrowsAsync<SnapshotMismatchException>(() => TraceSnapshot.VerifyAsync(result, Settings()));
        Assert.Contains("No verified snapshot yet", missing.Message, StringComparison.Ordinal);
        var received = Path.Combine(directory, "TraceSnapshotTests.A_new_snapshot_fails_writes_received_and_passes_once_accepted_case.received.txt");
        Assert.True(File.Exists(received));

        var accepted = SnapshotAcceptor.AcceptAll(directory);

        Assert.Equal([received.Replace(".received.", ".verified.", StringComparison.Ordinal)], accepted);
        Assert.False(File.Exists(received));
        await TraceSnapshot.VerifyAsync(result, Settings());
    }

    [Fact]
    public async Task A_verdict_change_is_reported_step_by_step_and_ci_never_accepts()
    {
        await TraceSnapshot.VerifyAsync(FaithfulAssertTests.Correct(), Settings(autoAccept: true));
        var verified = Directory.GetFiles(directory, "*.verified.txt").Single();
        var before = await File.ReadAllTextAsync(verified, TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<SnapshotMismatchException>(() => TraceSnapshot.VerifyAsync(FaithfulAssertTests.WrongAtStep2(), Settings(ci: true, autoAccept: true)));

        Assert.Equal(SnapshotChangeKind.VerdictsChanged, error.Comparison!.Kind);
        Assert.Contains("step s2: Correct → ExecutionError (claimed -12 → -11)", error.Message, StringComparison.Ordinal);
        Assert.Contains("Running in CI: snapshots are never accepted here", error.Message, StringComparison.Ordinal);
        Assert.Contains("- | s2 ", error.Message, StringComparison.Ordinal);
        Assert.Contains("+ | s2 ", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllTextAsync(verified, TestContext.Current.CancellationToken));
        Assert.Single(Directory.GetFiles(directory, "*.received.txt"));
    }

    [Fact]
    public void Reworded_replies_are_told_apart_from_changed_claims_and_verdicts()
    {
        var correct = FaithfulAssertTests.Correct();
        var reworded = FaithfulAssertTests.Scored("Let me work through it.\n" + correct.Reply);
        var verified = SnapshotRenderer.Render(correct);

        Assert.Equal(SnapshotChangeKind.Identical, SnapshotDiff.Compare(verified, SnapshotRenderer.Render(correct)).Kind);
        var wording = SnapshotDiff.Compare(verified, SnapshotRenderer.Render(reworded));
        Assert.Equal(SnapshotChangeKind.ReplyWordingOnly, wording.Kind);
        Assert.Contains("reply text changed", wording.Changes);
        Assert.Equal(SnapshotChangeKind.VerdictsChanged, SnapshotDiff.Compare(verified, SnapshotRenderer.Render(FaithfulAssertTests.WrongAtStep2())).Kind);

        // One wrong value replaced by another: the claims differ, the verdicts do not.
        var wrongBy1 = SnapshotRenderer.Render(FaithfulAssertTests.WrongAtStep2());
        var wrongBy2 = wrongBy1.Replace("| -11 ", "| -10 ", StringComparison.Ordinal);
        var claims = SnapshotDiff.Compare(wrongBy1, wrongBy2);
        Assert.Equal(SnapshotChangeKind.ClaimsChanged, claims.Kind);
        Assert.Contains(claims.Changes, c => c.StartsWith("step s2: claimed -11 → -10, still ExecutionError", StringComparison.Ordinal));
    }

    [Fact]
    public void Scrubbers_replace_volatile_values_at_call_class_and_module_level()
    {
        const string Text = "model id: gpt-4o-mini-2024-07-18\ntokens: 120 in, 45 out\nid 0f8fad5b-d9cb-469f-a165-70867728950e and 0f8fad5b-d9cb-469f-a165-70867728950e, 7c9e6679-7425-40de-944b-e07fc1f90ae7\nat 2026-11-24T21:05:27.123Z latency: 812 ms\nrun NIGHTLY-42\n";
        SnapshotSettings.ForClass<ScrubbedClass>().ScrubValue("NIGHTLY-42", "{run}");
        var call = new SnapshotSettings().ScrubValue("{run}", "{run from class, seen by call level first?}");

        var scrubbed = TraceSnapshot.Scrub(Text, call, typeof(ScrubbedClass));

        Assert.Equal("model id: {model-id}\ntokens: {tokens}\nid Guid_1 and Guid_1, Guid_2\nat DateTime_1 latency: {latency}\nrun {run}\n", scrubbed);
        Assert.Contains("NIGHTLY-42", TraceSnapshot.Scrub(Text, null, typeof(TraceSnapshotTests)), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_servers_are_detected_from_the_usual_variables()
    {
        Assert.True(BuildServer.IsDetected(n => n == "GITHUB_ACTIONS" ? "true" : null));
        Assert.True(BuildServer.IsDetected(n => n == "CI" ? "1" : null));
        Assert.False(BuildServer.IsDetected(n => n == "CI" ? "false" : null));
        Assert.False(BuildServer.IsDetected(_ => null));
    }

    private sealed class ScrubbedClass;
}
