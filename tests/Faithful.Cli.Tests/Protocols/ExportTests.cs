using System.Text.Json;
using Faithful.Cli.Tests.Support;
using Faithful.Families;
using Faithful.Model;
using Faithful.Protocols.Metamorphic;
using Faithful.Cli.Export;
using Faithful.Reports.RunFiles;
using Faithful.Traces.Scoring;

namespace Faithful.Cli.Tests.Protocols;

/// <summary>
/// <c>faithful export</c> round trip on a run of always-failing simulated replies (every mode, every reply style,
/// chains and register programs, single and metamorphic variants): records parse, chosen traces score as faithful,
/// rejected replies keep their modes.
/// </summary>
public sealed class ExportTests : IClassFixture<ExportTests.Run>
{
    private readonly Run run;

    public ExportTests(Run run) => this.run = run;

    [Fact]
    public void Every_jsonl_record_parses_its_chosen_trace_is_faithful_and_its_rejected_reply_keeps_its_modes()
    {
        var records = Read<ExportRecord>(run.Export("jsonl"));
        var verdicts = RunFileReader.Read(run.Dir["run.jsonl"]).Results.ToDictionary(r => $"{r.Model}|{Faithful.Traces.Results.ProtocolNames.Of(r)}|{r.CaseId}", r => r.Verdict!);

        Assert.Equal(verdicts.Count, records.Count);
        Assert.Contains(records, r => r.Protocol == "metamorphic/renamed");
        Assert.Contains(records, r => r.Chosen.Style.Contains("statement", StringComparison.Ordinal));
        Assert.Contains(records, r => r.Chosen.Style.Contains("formula", StringComparison.Ordinal));
        // Every mode sim:failing injects (a few slips also read as stale operands).
        Assert.True(records.Select(r => r.Reply.PrimaryMode).Distinct().Count() >= 6, string.Join(", ", records.Select(r => r.Reply.PrimaryMode).Distinct()));
        foreach (var record in records)
        {
            Assert.Equal(ExportRecord.FormatVersion, record.Format);
            var (program, inputs) = run.Program(record);
            var chosen = CaseScorer.Score(program, inputs, record.Chosen.Text);
            Assert.True(chosen.PrimaryMode == FailureMode.Correct && chosen.FirstAnswerCorrect, $"{record.Id} ({record.Chosen.Style}):\n{record.Chosen.Text}\n{string.Join("; ", chosen.Evidence.Select(e => e.Explanation))}");

            // The chosen trace answers the way the reply does.
            foreach (var marker in new[] { "**Final answer:**", "<result>" })
            {
                if (record.Reply.Text.Contains(marker, StringComparison.Ordinal))
                {
                    Assert.Contains(marker, record.Chosen.Text, StringComparison.Ordinal);
                }
            }

            var rejected = CaseScorer.Score(program, inputs, record.Reply.Text);
            var original = verdicts[record.Id];
            Assert.Equal(original.PrimaryMode.ToString(), record.Reply.PrimaryMode);
            Assert.Equal(original.Modes.Select(m => m.ToString()), record.Reply.Modes);
            Assert.Equal(original.Modes, rejected.Modes);
            Assert.Equal(original.FirstDivergence, record.Reply.FirstDivergence);
            Assert.Equal(program.Parameters.Select(p => p.Name), record.Inputs.Keys);
            Assert.NotEmpty(record.Prompt);
        }
    }

    [Fact]
    public void Trajectory_tells_say_where_the_answer_came_and_how_often_it_changed()
    {
        var records = Read<ExportRecord>(run.Export("jsonl"));

        Assert.Contains(records, r => r.Tells.AnswerPosition == "inside-trace" && r.Reply.PrimaryMode == "PrematureAnswer");
        Assert.Contains(records, r => r.Tells.AnswerPosition == "none" && r.Reply.PrimaryMode == "MissingAnswer");
        Assert.Contains(records, r => r.Tells.Restarts > 0 && r.Reply.PrimaryMode == "SelfCorrection");
        Assert.Contains(records, r => r.Tells.AnswerSwitches > 0);
        Assert.All(records, r => Assert.InRange(r.Tells.TraceShareBeforeAnswer ?? 0, 0, 1));
    }

    [Fact]
    public void Sft_and_dpo_are_chat_messages_and_preference_pairs_trainers_read()
    {
        var jsonl = Read<ExportRecord>(run.Export("jsonl"));
        var sft = File.ReadAllLines(run.Export("sft")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var dpo = File.ReadAllLines(run.Export("dpo")).Select(l => JsonDocument.Parse(l).RootElement).ToList();

        Assert.Equal(jsonl.Count, sft.Count);
        Assert.All(sft, line =>
        {
            Assert.Equal(["messages"], line.EnumerateObject().Select(p => p.Name));
            var messages = line.GetProperty("messages").EnumerateArray().ToList();
            Assert.Equal("assistant", messages[^1].GetProperty("role").GetString());
            Assert.All(messages, m => Assert.Equal(["role", "content"], m.EnumerateObject().Select(p => p.Name)));
        });
        Assert.Equal(jsonl.Select(r => r.Chosen.Text), sft.Select(l => l.GetProperty("messages").EnumerateArray().Last().GetProperty("content").GetString()));

        // Always-failing replies: every one is a pair.
        Assert.Equal(jsonl.Count(r => !r.Reply.Faithful), dpo.Count);
        Assert.All(dpo, line =>
        {
            Assert.Equal(["prompt", "chosen", "rejected"], line.EnumerateObject().Select(p => p.Name));
            Assert.Equal("user", line.GetProperty("prompt").EnumerateArray().Last().GetProperty("role").GetString());
            Assert.NotEqual(line.GetProperty("chosen")[0].GetProperty("content").GetString(), line.GetProperty("rejected")[0].GetProperty("content").GetString());
        });
    }

    [Fact]
    public async Task Filters_by_mode_protocol_and_length_and_bad_options_are_refused()
    {
        var premature = Read<ExportRecord>(run.Export("jsonl", "--mode", "PrematureAnswer", "--max-length", "5"));
        var metamorphic = Read<ExportRecord>(run.Export("jsonl", "--protocol", "metamorphic"));
        var bad = await CliInProcess.RunAsync("export", run.Dir["run.jsonl"], "--mode", "Sloppy");
        var format = await CliInProcess.RunAsync("export", run.Dir["run.jsonl"], "--format", "csv");

        Assert.NotEmpty(premature);
        Assert.All(premature, r => Assert.True(r.Reply.PrimaryMode == "PrematureAnswer" && r.Length <= 5));
        Assert.NotEmpty(metamorphic);
        Assert.All(metamorphic, r => Assert.StartsWith("metamorphic/", r.Protocol, StringComparison.Ordinal));
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("'Sloppy' is not a failure mode", bad.Output, StringComparison.Ordinal);
        Assert.Equal(2, format.ExitCode);
    }

    private static List<T> Read<T>(string path) =>
        File.ReadAllLines(path).Select(l => JsonSerializer.Deserialize<T>(l, FaithfulJson.Options)!).ToList();

    /// <summary>One always-failing run: chains and register programs of 5 and 14 steps, single and metamorphic.</summary>
    public sealed class Run : IAsyncLifetime
    {
        private static readonly StudyGrid Grid = StudyGrid.Default with
        {
            Lengths = new[] { 5, 14 }.ToEquatableArray(),
            Depths = new[] { 2, 3 }.ToEquatableArray(),
            Variants = new[] { GridVariant.Parse("long"), GridVariant.Parse("register-sum") }.ToEquatableArray(),
            Seed = 1,
        };

        private readonly Dictionary<string, StepProgram> programs = Grid.Programs().ToDictionary(p => p.Program.Id, p => p.Program);
        private int exports;

        internal TempDir Dir { get; } = new();

        public async ValueTask InitializeAsync()
        {
            var outcome = await CliProcess.RunAsync(
                "run", "--model", "sim:failing", "--protocol", "single,metamorphic", "--lengths", "5,14", "--depths", "2,3",
                "--variant", "long", "--variant", "register-sum", "--inputs", "12", "--out", Dir.Path);
            Assert.True(outcome.ExitCode == 0, outcome.Output);
        }

        /// <summary>Exports the run with the given options into a new file and returns its path.</summary>
        public string Export(string format, params string[] options)
        {
            var path = Dir[$"export-{Interlocked.Increment(ref exports)}.{format}.jsonl"];
            var outcome = CliInProcess.RunAsync(["export", Dir["run.jsonl"], "--format", format, "--output", path, .. options]).GetAwaiter().GetResult();
            Assert.True(outcome.ExitCode == 0, outcome.Output);
            Assert.DoesNotContain("program not found", outcome.Output, StringComparison.Ordinal);
            return path;
        }

        /// <summary>The program and inputs a record's reply answered (a variant rebuilt from its base).</summary>
        public (StepProgram Program, IReadOnlyList<Value> Inputs) Program(ExportRecord record)
        {
            var inputs = record.Inputs.Values.ToList();
            if (record.Protocol.StartsWith("metamorphic/", StringComparison.Ordinal))
            {
                var variant = record.Protocol["metamorphic/".Length..];
                var baseProgram = programs[record.ProgramId];
                var caseInputs = record.Id[(record.Id.IndexOf('(', StringComparison.Ordinal) + 1)..record.Id.LastIndexOf(')')]
                    .Split(',')
                    .Select(pair => Value.FromInt64(long.Parse(pair[(pair.IndexOf('=', StringComparison.Ordinal) + 1)..], System.Globalization.CultureInfo.InvariantCulture)))
                    .ToList();
                return (ProgramVariants.Create(baseProgram, caseInputs, variant)!.Program, inputs);
            }

            return (programs[record.ProgramId], inputs);
        }

        public ValueTask DisposeAsync()
        {
            Dir.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
