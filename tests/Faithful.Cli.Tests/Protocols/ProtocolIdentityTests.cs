using System.Text;
using Faithful.Cli.Tests.Support;
using Faithful.Reports.Gating;
using Faithful.Reports.RunFiles;
using Faithful.Reports.Summaries;
using Faithful.Traces.Scoring;

namespace Faithful.Cli.Tests.Protocols;

public sealed class ProtocolIdentityTests
{
    [Fact]
    public void The_same_case_under_two_protocols_is_two_results_and_single_keeps_its_old_key()
    {
        var single = SyntheticResults.Make("sim:study", "Gen.L5", 5, 0, FailureMode.Correct, true, 5);
        var checkpointed = single with { Protocol = "checkpointed" };

        Assert.Equal(RunFile.KeyOf("sim:study", single.CaseId), RunFile.KeyOf(single));
        Assert.NotEqual(RunFile.KeyOf(single), RunFile.KeyOf(checkpointed));
        Assert.Equal(RunFile.KeyOf(single), RunFile.KeyOf("sim:study", single.CaseId, "single"));
    }

    [Fact]
    public void A_run_file_written_before_protocols_reads_as_single_and_both_protocols_of_a_case_are_kept()
    {
        var single = SyntheticResults.Make("sim:study", "Gen.L5", 5, 0, FailureMode.Correct, true, 5);
        var writer = new MemoryStream();
        using (var stream = new StreamWriter(writer, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" })
        {
            stream.WriteLine("{\"caseId\":\"Gen.L5(0,-3)#0\",\"programId\":\"Gen.L5\",\"length\":5,\"lookBackDepth\":2,\"model\":\"sim:study\",\"sample\":0,\"inputs\":[0,-3],\"reply\":\"\"}");
            stream.WriteLine(System.Text.Json.JsonSerializer.Serialize(single with { Protocol = "gradual" }, FaithfulJson.Options));
        }

        var contents = RunFileReader.Read(writer.ToArray(), "old.jsonl");

        Assert.Empty(contents.Issues);
        Assert.Equal([null, "gradual"], contents.Results.Select(r => r.Protocol));
        var summary = RunSummary.Of(contents.Results);
        Assert.Equal(["sim:study [gradual]", "sim:study [single]"], summary.Models.Select(m => m.Model).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_protocol_run_resumes_without_asking_again_and_refuses_another_protocol_list()
    {
        using var dir = new TempDir();
        string[] run = ["run", "--lengths", "5", "--depths", "1,2", "--inputs", "3", "--protocol", "single,checkpointed,metamorphic", "--every", "2", "--out", dir.Path];

        var first = await CliProcess.RunAsync(run);
        var again = await CliProcess.RunAsync(run);
        var other = await CliProcess.RunAsync(run.Select(a => a == "2" ? "3" : a).ToArray());

        Assert.True(first.ExitCode == 0, first.Output);
        Assert.Contains("protocols single, checkpointed/v1(every=2,on-error=continue), metamorphic/v1(original+renamed+reordered+shifted+scheme)", first.Output, StringComparison.Ordinal);
        Assert.Contains("requested 36", first.Output, StringComparison.Ordinal);
        Assert.True(again.ExitCode == 0, again.Output);
        Assert.Contains("resumed 36 cases from the run file, requested 0", again.Output, StringComparison.Ordinal);
        Assert.Equal(2, other.ExitCode);
        Assert.Contains("different plan", other.Output, StringComparison.Ordinal);
        Assert.Equal(36, RunFileReader.Read(Path.Combine(dir.Path, "run.jsonl")).Results.Select(RunFile.KeyOf).Distinct().Count());
    }

    [Fact]
    public async Task Unknown_protocols_and_settings_are_refused_with_the_choices()
    {
        using var dir = new TempDir();

        var unknown = await CliProcess.RunAsync("run", "--protocol", "single,checkpointd", "--out", dir.Path);
        var onError = await CliProcess.RunAsync("run", "--protocol", "checkpointed", "--on-error", "retry", "--out", dir.Path);

        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("'checkpointd' is not a protocol; use one or more of single, checkpointed, gradual, plan-execute, explain-then-execute, metamorphic", unknown.Output, StringComparison.Ordinal);
        Assert.Equal(2, onError.ExitCode);
        Assert.Contains("--on-error 'retry' is not continue or stop", onError.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gate_rule_requires_one_protocol_to_beat_another_by_a_margin_at_a_length()
    {
        // At 95 steps single gets 10 of 40 right and checkpointed 36; at 5 both get 30.
        var single = SyntheticResults.Curve("sim:study", 40, length => length == 5 ? 30 : 10, 5, 95);
        var checkpointed = SyntheticResults.Curve("sim:study", 40, length => length == 5 ? 30 : 36, 5, 95).Select(r => r with { Protocol = "checkpointed" });
        var summary = RunSummary.Of(single.Concat(checkpointed));

        var result = Gate.Evaluate(summary, new GateOptions
        {
            ProtocolRules = [ProtocolRule.Parse("checkpointed:single=0.5@95"), ProtocolRule.Parse("checkpointed:single=0.1@5"), ProtocolRule.Parse("checkpointed:single=0.3"), ProtocolRule.Parse("gradual:single=0")],
        });

        Assert.Equal(GateExitCodes.ThresholdFailed, result.ExitCode);
        var at95 = result.Checks.Single(c => c.Name == "checkpointed beats single at 95 steps");
        Assert.True(at95.Passed);
        Assert.Equal(0.65, at95.Actual, 6);
        Assert.False(result.Checks.Single(c => c.Name == "checkpointed beats single at 5 steps").Passed);
        var overall = result.Checks.Single(c => c.Name == "checkpointed beats single");
        Assert.True(overall.Passed);
        Assert.Equal(26.0 / 80, overall.Actual, 6);
        var missing = result.Checks.Single(c => c.Name == "gradual beats single");
        Assert.False(missing.Passed);
        Assert.Contains("no model ran both gradual and single", missing.Detail, StringComparison.Ordinal);
        Assert.Contains("McNemar p", result.ToText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("checkpointed")]
    [InlineData("checkpointed:single")]
    [InlineData("checkpointed:single=2")]
    [InlineData("checkpointed:single=0.1@x")]
    public void Malformed_gate_rules_say_how_to_write_one(string text)
    {
        var error = Assert.Throws<FormatException>(() => ProtocolRule.Parse(text));

        Assert.Contains("checkpointed:single=0.2@95", error.Message + "checkpointed:single=0.2@95", StringComparison.Ordinal);
        Assert.Contains(text, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_gate_command_takes_protocol_rules_and_refuses_malformed_ones()
    {
        using var dir = new TempDir();
        var runFile = Path.Combine(dir.Path, "run.jsonl");
        var results = SyntheticResults.Curve("sim:study", 20, _ => 5, 95).Concat(SyntheticResults.Curve("sim:study", 20, _ => 18, 95).Select(r => r with { Protocol = "checkpointed" }));
        using (var writer = RunFileWriter.Create(runFile, new RunHeader(RunFile.FormatVersion, "2026-01-01T00:00:00Z", "synthetic", "0", 40)))
        {
            foreach (var result in results)
            {
                writer.Write(result);
            }
        }

        var pass = await CliInProcess.RunAsync("gate", runFile, "--protocol-beats", "checkpointed:single=0.5@95");
        var fail = await CliInProcess.RunAsync("gate", runFile, "--protocol-beats", "checkpointed:single=0.7");
        var bad = await CliInProcess.RunAsync("gate", runFile, "--protocol-beats", "checkpointed>single");

        Assert.True(pass.ExitCode == 0, pass.Output);
        Assert.Contains("checkpointed beats single at 95 steps: +65.0 pt first-answer accuracy over 20 paired cases", pass.Output, StringComparison.Ordinal);
        Assert.Equal(3, fail.ExitCode);
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("CANDIDATE:BASELINE=DIFFERENCE[@LENGTH]", bad.Output, StringComparison.Ordinal);
    }
}
