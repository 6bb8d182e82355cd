using System.Text.Json;
using Faithful.Cli.Tests.Support;
using Faithful.Clients.Running;
using Faithful.Execution;
using Faithful.Reports.Formats;
using Faithful.Reports.RunFiles;
using Faithful.Reports.RunFiles.Compact;
using Faithful.Reports.RunFiles.Streaming;
using Faithful.Traces.Results;

namespace Faithful.Cli.Tests.RunFiles;

public sealed class CaseRecoveryTests
{
    [Fact]
    public async Task Report_case_recovers_the_full_verdict_of_a_compact_run_file_as_scoring_it_afresh_gives()
    {
        using var dir = new TempDir();
        var run = await CliProcess.RunAsync("run", "--lengths", "14,41", "--depths", "2", "--inputs", "4", "--out", dir.Path);
        Assert.True(run.ExitCode == 0, run.Output);
        var runFile = Path.Combine(dir.Path, "run.jsonl");
        var index = RunFileIndex.Build(runFile);
        Assert.Equal(RunFile.FormatVersion, index.Header!.Format);
        Assert.Equal(2, index.ProgramOffsets.Count);
        Assert.DoesNotContain("\"verdict\"", File.ReadAllText(runFile), StringComparison.Ordinal);

        var caseIds = JsonReport.Parse(File.ReadAllText(Path.Combine(dir.Path, "report.json"))).Cases.Select(c => c.CaseId).ToList();
        Assert.Equal(8, caseIds.Count);
        foreach (var caseId in caseIds)
        {
            var printed = await CliInProcess.RunAsync("report", runFile, "--case", caseId, "--case-json");
            Assert.True(printed.ExitCode == 0, printed.Output);
            var recovered = JsonSerializer.Deserialize<CaseResult>(printed.Output.Trim(), FaithfulJson.Options)!;

            var program = ProgramLine.Read(RunFileScan.ReadLineAt(runFile, index.ProgramOffsets[recovered.ProgramId])).FromJson()!;
            var truth = ReferenceEvaluator.Evaluate(program, recovered.Inputs);
            var instrument = TracesInstrument.ProcessAware;
            var afresh = instrument.Score(truth, instrument.Render(program, recovered.Inputs), recovered.Reply);

            var verdict = recovered.Verdict!;
            Assert.Equal(program.Steps.Count, verdict.Steps.Count);
            Assert.Equal(afresh.Steps.Select(s => (s.Expected, s.Verdict, s.Claim?.Line, s.Claim?.Value?.Text)), verdict.Steps.Select(s => (s.Expected, s.Verdict, s.Claim?.Line, s.Claim?.Value?.Text)));
            Assert.Equal((afresh.PrimaryMode, afresh.StepFaithfulness, afresh.FirstDivergence), (verdict.PrimaryMode, verdict.StepFaithfulness, verdict.FirstDivergence));
        }

        var text = await CliInProcess.RunAsync("report", runFile, "--case", caseIds[0]);
        Assert.Equal(0, text.ExitCode);
        Assert.Contains($"case {caseIds[0]}", text.Output, StringComparison.Ordinal);
        Assert.Contains("expected", text.Output, StringComparison.Ordinal);
        Assert.Contains("reply:", text.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_case_is_refused_with_what_a_case_id_looks_like()
    {
        using var dir = new TempDir();
        var path = dir["run.jsonl"];
        using (var writer = RunFileWriter.Create(path, new RunHeader(RunFile.FormatVersion, "2026-01-01T00:00:00Z", "plan", "fp", 1)))
        {
            writer.Write(SyntheticResults.Make("m", "P.A", 5, 0, Traces.Scoring.FailureMode.Correct, true, 5));
        }

        var outcome = await CliInProcess.RunAsync("report", path, "--case", "P.Z(1)#0");
        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("no result in run.jsonl has case id or transcript id 'P.Z(1)#0'", outcome.Output, StringComparison.Ordinal);

        // Without a program line the headline is still there, and the missing table is explained.
        var known = await CliInProcess.RunAsync("report", path, "--case", "P.A(0,-3)#0");
        Assert.Equal(0, known.ExitCode);
        Assert.Contains("verdict Correct", known.Output, StringComparison.Ordinal);
        Assert.Contains("per-step table not recovered", known.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_faithful_run_1_file_is_still_read_reported_and_shown_in_full()
    {
        using var dir = new TempDir();
        var path = dir["v1.jsonl"];
        var results = SyntheticResults.Curve("sim:study", 4, l => 2, 5, 9);
        using (var writer = RunFileWriter.Create(path, new RunHeader(RunFile.FormatVersion1, "2026-01-01T00:00:00Z", "plan", "fp", results.Count)))
        {
            results.ForEach(r => writer.Write(r));
        }

        Assert.Contains("\"verdict\"", File.ReadAllText(path), StringComparison.Ordinal);
        var report = await CliInProcess.RunAsync("report", path, "--out", dir["out"]);
        Assert.True(report.ExitCode == 0, report.Output);
        Assert.Equal(8, JsonReport.Parse(File.ReadAllText(Path.Combine(dir["out"], "report.json"))).Cases.Count);

        var detail = await CliInProcess.RunAsync("report", path, "--case", results[0].CaseId, "--case-json");
        Assert.Equal(0, detail.ExitCode);
        Assert.Equal(results[0].Verdict!.Steps.Count, JsonSerializer.Deserialize<CaseResult>(detail.Output.Trim(), FaithfulJson.Options)!.Verdict!.Steps.Count);
    }
}
