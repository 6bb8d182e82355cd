using System.Text.Json;
using System.Text.Json.Nodes;
using Faithful.Cli.Tests.Support;
using Faithful.Reports.Dependence;
using Faithful.Reports.Formats;
using Faithful.Reports.RunFiles;
using Faithful.Traces.Results;
using Faithful.Traces.Simulation;
using Faithful.Traces.Simulation.Protocols;

namespace Faithful.Cli.Tests.Protocols;

/// <summary>
/// The issue's offline run of the trace-dependence protocols against each simulated dependence profile: the reported
/// figures (dependence rate, early-answering accuracy by k, filler against the real trace, paraphrase answer stability)
/// hold each profile's documented value (<see cref="DependenceEffects"/>, docs/protocols.md) within their reported 95%
/// intervals, faithful and post-hoc tell apart, and the gate and reports read them.
/// </summary>
public sealed class TraceDependenceRunTests : IClassFixture<TraceDependenceRunTests.Runs>
{
    private readonly Runs runs;

    public TraceDependenceRunTests(Runs runs) => this.runs = runs;

    public static TheoryData<string> Profiles => new(DependenceProfiles.Names);

    [Theory]
    [MemberData(nameof(Profiles))]
    public void Corrupt_prefix_dependence_and_follow_rate_hold_the_documented_values(string name)
    {
        var profile = DependenceProfiles.Named(name)!;
        var summary = Assert.Single(runs.Report(name).CorruptPrefix);
        var cells = summary.Cells.Where(c => c.Figures.Decisive > 0).ToList();
        var decisive = cells.Sum(c => c.Figures.Decisive);
        Assert.True(decisive >= 150, $"{name}: only {decisive} decisive probes");

        var dependence = cells.Sum(c => c.Figures.Decisive * DependenceEffects.Dependence(profile, c.Length!.Value)) / decisive;
        var follows = cells.Sum(c => c.Figures.Decisive * DependenceEffects.ExpectedFollowRate(profile, c.Length!.Value, Shown(c.Length.Value, c.ShownShare))) / decisive;

        AssertIn(dependence, summary.Overall.DependenceCi, $"{name} dependence {summary.Overall.Dependence}");
        AssertIn(follows, summary.Overall.FollowRateCi, $"{name} follows exactly {summary.Overall.FollowRate}");
        Assert.Equal(summary.Overall.Probes, summary.Overall.Decisive + summary.Overall.NoAnswer + summary.Overall.Absorbed);
    }

    [Fact]
    public void Mixed_dependence_falls_with_length_through_the_documented_curve()
    {
        var byLength = Assert.Single(runs.Report("mixed").CorruptPrefix).ByLength;

        Assert.Equal([5, 50, 95], byLength.Select(p => p.Length));
        foreach (var point in byLength)
        {
            AssertIn(DependenceEffects.Dependence(DependenceProfiles.Mixed, point.Length!.Value), point.Figures.DependenceCi, $"mixed at {point.Length}: {point.Figures.Dependence}");
        }

        Assert.True(byLength[0].Figures.Dependence > byLength[1].Figures.Dependence && byLength[1].Figures.Dependence > byLength[2].Figures.Dependence);
    }

    [Fact]
    public void Faithful_and_post_hoc_differ_on_every_protocol_that_should_tell_them_apart()
    {
        var faithful = runs.Report("faithful");
        var postHoc = runs.Report("post-hoc");

        Assert.True(faithful.CorruptPrefix[0].Overall.DependenceCi![0] > postHoc.CorruptPrefix[0].Overall.DependenceCi![1]);
        Assert.Equal(0, postHoc.CorruptPrefix[0].Overall.Follows + postHoc.CorruptPrefix[0].Overall.Other);
        Assert.Equal(0, faithful.CorruptPrefix[0].Overall.Ignores);

        // Early answering: a computed model needs the later steps, a post-hoc one answers the same at every cut.
        var faithfulCurve = faithful.Truncate[0].ByPosition;
        Assert.True(faithfulCurve[0].Accuracy < faithfulCurve[^1].Accuracy);
        Assert.Single(postHoc.Truncate[0].ByPosition.Select(p => p.Accuracy).Distinct());

        // Filler costs the computed model its answer and the post-hoc one nothing.
        Assert.True(faithful.Filler[0].Overall.DifferenceCi![1] < 0);
        Assert.Equal(0, postHoc.Filler[0].Overall.Lost);
        Assert.True(postHoc.Filler[0].Overall.DifferenceCi![0] >= 0);
    }

    [Fact]
    public void Truncate_accuracy_from_a_right_prefix_follows_the_mental_slip_at_every_k()
    {
        var summary = Assert.Single(runs.Report("faithful").Truncate);

        Assert.Equal(["0%", "25%", "50%", "75%", "100%"], summary.ByPosition.Select(p => p.At));
        foreach (var position in summary.ByPosition)
        {
            var cells = summary.Cells.Where(c => c.At == position.At && c.FromRightPrefix > 0).ToList();
            var expected = cells.Sum(c => c.FromRightPrefix * DependenceEffects.ExpectedAccuracyFromRightPrefix(DependenceProfiles.Faithful, c.Length!.Value, Shown(c.Length.Value, c.ShownShare)))
                / cells.Sum(c => c.FromRightPrefix);
            AssertIn(expected, position.AccuracyFromRightPrefixCi, $"faithful truncate at {position.At}: {position.AccuracyFromRightPrefix}");
        }

        Assert.All(Assert.Single(runs.Report("post-hoc").Truncate).ByPosition, p => Assert.Equal(1, p.AnswerKept));
    }

    [Fact]
    public void Filler_accuracy_is_what_the_steps_done_in_the_head_leave()
    {
        var filler = Assert.Single(runs.Report("faithful").Filler);
        var cases = filler.ByLength.Sum(l => l.Cases);
        var expected = filler.ByLength.Sum(l => l.Cases * DependenceEffects.ExpectedAccuracyFromRightPrefix(DependenceProfiles.Faithful, l.Length!.Value, 0)) / cases;

        AssertIn(expected, filler.Overall.FillerAccuracyCi, $"faithful filler accuracy {filler.Overall.FillerAccuracy}");
        Assert.Equal(1, Assert.Single(runs.Report("post-hoc").Filler).Overall.AnswerKept);
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void Paraphrase_keeps_the_answer(string name)
    {
        var paraphrase = Assert.Single(runs.Report(name).Paraphrase);

        AssertIn(1, paraphrase.Overall.AnswerKeptCi, $"{name} paraphrase answer kept {paraphrase.Overall.AnswerKept}");
    }

    [Fact]
    public void Reports_carry_the_section_in_html_markdown_and_json()
    {
        var dir = runs.Dirs["faithful"];
        var html = File.ReadAllText(dir["report.html"]);
        Assert.Contains("<h2 id=\"trace-dependence\">Trace dependence</h2>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"plot-dependence\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"plot-dependence-sim-faithful-position\"", html, StringComparison.Ordinal);

        var markdown = File.ReadAllText(dir["report.md"]);
        Assert.Contains("### Trace dependence", markdown, StringComparison.Ordinal);
        Assert.Contains("#### `sim:faithful` corrupt-prefix: dependence 100.0%", markdown, StringComparison.Ordinal);
        Assert.Contains("`sim:faithful` filler: accuracy", markdown, StringComparison.Ordinal);
        Assert.Contains("`sim:faithful` paraphrase: answer kept", markdown, StringComparison.Ordinal);

        var json = JsonNode.Parse(File.ReadAllText(dir["report.json"]))!;
        var section = json["traceDependence"]!;
        Assert.Equal("sim:faithful", (string?)section["corruptPrefix"]![0]!["model"]);
        Assert.NotNull(section["truncate"]![0]!["byPosition"]![0]!["accuracyFromRightPrefixCi"]);
        Assert.NotNull(section["filler"]![0]!["overall"]!["fillerAccuracyCi"]);
        Assert.NotNull(section["paraphrase"]![0]!["overall"]!["answerKeptCi"]);
    }

    [Fact]
    public void The_run_file_holds_per_case_evidence_that_reads_back_into_the_same_figures()
    {
        var path = runs.Dirs["mixed"]["run.jsonl"];
        var contents = RunFileReader.Read(path);
        Assert.Empty(contents.Issues);

        var corrupt = contents.Results.Where(r => r.Protocol?.StartsWith("corrupt-prefix/", StringComparison.Ordinal) == true).ToList();
        Assert.NotEmpty(corrupt);
        Assert.All(corrupt, r =>
        {
            var evidence = r.Evidence?.Dependence;
            Assert.NotNull(evidence);
            Assert.NotNull(evidence.Alteration);
            Assert.NotNull(evidence.Outcome);
            Assert.Equal("assistant", evidence.Placement);
            Assert.NotEqual(evidence.Alteration.TrueValue, evidence.Alteration.AlteredValue);
        });

        // Each line's evidence, read back and written again, is the text the run file holds.
        var lines = File.ReadLines(path).Select(l => JsonNode.Parse(l)!).Where(n => n["evidence"]?["dependence"] is not null).ToList();
        var byKey = contents.Results.Where(r => r.Evidence?.Dependence is not null).ToDictionary(r => (r.CaseId, r.Protocol));
        Assert.Equal(byKey.Count, lines.Count);
        foreach (var line in lines)
        {
            var result = byKey[((string)line["caseId"]!, (string?)line["protocol"])];
            var written = line["evidence"]!["dependence"]!;
            var again = JsonNode.Parse(JsonSerializer.Serialize(result.Evidence!.Dependence, FaithfulJson.Options));
            Assert.True(JsonNode.DeepEquals(written, again), $"{written.ToJsonString()}\n{again!.ToJsonString()}");
        }

        // The report's section is what the read-back results give.
        var fromRunFile = DependenceAnalysis.From(contents.Results);
        var reported = JsonNode.Parse(File.ReadAllText(runs.Dirs["mixed"]["report.json"]))!["traceDependence"]!;
        Assert.True(JsonNode.DeepEquals(reported, JsonNode.Parse(JsonSerializer.Serialize(fromRunFile, FaithfulJson.Options))));
    }

    [Fact]
    public async Task Gate_min_trace_dependence_passes_a_faithful_run_and_fails_a_post_hoc_one()
    {
        var passed = await CliInProcess.RunAsync("gate", runs.Dirs["faithful"]["run.jsonl"], "--min-trace-dependence", "0.8");
        Assert.True(passed.ExitCode == 0, passed.Output);
        Assert.Contains("trace dependence", passed.Output, StringComparison.Ordinal);

        var failed = await CliInProcess.RunAsync("gate", runs.Dirs["post-hoc"]["run.jsonl"], "--min-trace-dependence", "0.8");
        Assert.True(failed.ExitCode == 3, failed.Output);
        Assert.Contains("sim:post-hoc", failed.Output, StringComparison.Ordinal);
        Assert.Contains("0.0% of", failed.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gate_min_trace_dependence_at_a_length()
    {
        var atLong = await CliInProcess.RunAsync("gate", runs.Dirs["mixed"]["run.jsonl"], "--min-trace-dependence", "0.8@5");
        Assert.True(atLong.ExitCode == 0, atLong.Output);
        Assert.Contains("trace dependence at 5 steps", atLong.Output, StringComparison.Ordinal);

        var atShort = await CliInProcess.RunAsync("gate", runs.Dirs["mixed"]["run.jsonl"], "--min-trace-dependence", "0.8@95");
        Assert.True(atShort.ExitCode == 3, atShort.Output);

        var missing = await CliInProcess.RunAsync("gate", runs.Dirs["faithful"]["run.jsonl"], "--min-trace-dependence", "0.5@7");
        Assert.True(missing.ExitCode == 3, missing.Output);
        Assert.Contains("no decisive corrupt-prefix probe at 7 steps (lengths with some: 5, 50, 95)", missing.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1.5", "is not SHARE[@LENGTH]")]
    [InlineData("most", "is not SHARE[@LENGTH]")]
    [InlineData("0.8@", "is not a program length")]
    [InlineData("0.8@0", "is not a program length")]
    [InlineData("0.8@long", "is not a program length")]
    public async Task Gate_min_trace_dependence_rejects_bad_values_clearly(string value, string message)
    {
        var outcome = await CliInProcess.RunAsync("gate", runs.Dirs["faithful"]["run.jsonl"], "--min-trace-dependence", value);

        Assert.True(outcome.ExitCode == 2, outcome.Output);
        Assert.Contains("--min-trace-dependence '" + value + "'", outcome.Output, StringComparison.Ordinal);
        Assert.Contains(message, outcome.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gate_min_trace_dependence_says_how_to_measure_it_when_the_run_has_no_corrupt_prefix()
    {
        using var dir = new TempDir();
        var run = await CliProcess.RunAsync("run", "--model", "sim:faithful", "--lengths", "5", "--depths", "1", "--inputs", "2", "--out", dir.Path);
        Assert.True(run.ExitCode == 0, run.Output);

        var outcome = await CliInProcess.RunAsync("gate", dir["run.jsonl"], "--min-trace-dependence", "0.8");

        Assert.True(outcome.ExitCode == 3, outcome.Output);
        Assert.Contains("run faithful run --protocol corrupt-prefix", outcome.Output, StringComparison.Ordinal);
    }

    // The steps shown in a cell: its mean share of the trace shown, times the length (every probe of a cell shows the same).
    private static int Shown(int length, double shownShare) => (int)Math.Round(shownShare * length);

    private static void AssertIn(double expected, double[]? ci, string what)
    {
        Assert.NotNull(ci);
        Assert.True(ci[0] <= expected + 1e-9 && expected - 1e-9 <= ci[1], $"{what}: expected {expected:0.0000}, 95% CI [{ci[0]:0.0000}, {ci[1]:0.0000}]");
    }

    /// <summary>One small offline run per profile (lengths 5, 50, 95; 10 inputs per program): the five protocols.</summary>
    public sealed class Runs : IAsyncLifetime
    {
        private readonly Dictionary<string, DependenceReport> reports = [];

        internal Dictionary<string, TempDir> Dirs { get; } = [];

        public DependenceReport Report(string profile) => reports[profile];

        public async ValueTask InitializeAsync()
        {
            // The three runs at once: each is mostly one process's start-up and single-threaded simulation.
            foreach (var profile in DependenceProfiles.Names)
            {
                Dirs[profile] = new TempDir();
            }

            var outcomes = await Task.WhenAll(DependenceProfiles.Names.Select(profile => CliProcess.RunAsync(
                "run", "--protocol", "single,corrupt-prefix,truncate,filler,paraphrase", "--model", "sim:" + profile,
                "--lengths", "5,50,95", "--inputs", "10", "--out", Dirs[profile].Path)));
            foreach (var (profile, outcome) in DependenceProfiles.Names.Zip(outcomes))
            {
                Assert.True(outcome.ExitCode == 0, outcome.Output);
                var document = JsonReport.Parse(await File.ReadAllTextAsync(Dirs[profile]["report.json"]));
                reports[profile] = document.TraceDependence ?? throw new InvalidOperationException($"sim:{profile}: the report has no traceDependence section");
            }
        }

        public ValueTask DisposeAsync()
        {
            foreach (var dir in Dirs.Values)
            {
                dir.Dispose();
            }

            return ValueTask.CompletedTask;
        }
    }
}
