using System.IO.Compression;
using System.Text.Json;
using Faithful.Cli.Tests.Support;
using Faithful.Reports.Agreement;
using Faithful.Transcripts;

namespace Faithful.Cli.Tests.Agreement;

/// <summary>
/// The instrument against human labels of real replies (docs/labels.md). The replies are not in the repository:
/// the test runs where the development workspace's ../shared/realdata (or $FAITHFUL_REALDATA) is present and skips,
/// saying so, elsewhere.
/// </summary>
public sealed class RealDataAgreementTests
{
    private static string Corpus => Path.Combine(
        Environment.GetEnvironmentVariable("FAITHFUL_REALDATA") is { Length: > 0 } folder ? folder : Path.Combine(RepoPaths.Root, "..", "shared", "realdata"),
        "codesim-loops",
        "replies.jsonl.gz");

    // First readings (no label changed after anyone saw a verdict) and the adjudicated second reading (docs/labels.md).
    [Theory]
    [InlineData("codesim-loops.dev.labels.jsonl")]
    [InlineData("codesim-loops.dev.second-reading.labels.jsonl")]
    public void The_reader_agrees_with_human_labels_of_real_replies(string labelsFile)
    {
        var (labels, report) = Agreement(labelsFile);
        Assert.True(labels.ById.Count >= 360, $"{labels.ById.Count} development labels; at least 360 are committed");
        var input = new AgreementInput(report, [], [], []);

        var failures = AgreementRequirements.Default.Failures(report);

        Assert.True(failures.Count == 0, string.Join("\n", failures) + "\n\n" + AgreementMarkdown.Write(input, "replies.jsonl", labelsFile, maxDisagreements: 40));
    }

    // The random samples hold 3 self-corrections in 540 replies; the challenge set (40 replies a text-only selector
    // marked as likely to answer more than once, labelled blind and adjudicated) is where the label is measured.
    [Fact]
    public void The_reader_finds_the_self_corrections_of_the_challenge_set_and_few_others()
    {
        const string labelsFile = "codesim-loops.selfcorrection.second-reading.labels.jsonl";
        var (_, report) = Agreement(labelsFile);

        var selfCorrection = report.ByLabel[LabelNames.SelfCorrection];

        Assert.True(selfCorrection.Gold >= 6, $"{selfCorrection.Gold} self-corrections in the challenge set's labels; 6 are committed");
        Assert.True(
            selfCorrection.Recall >= 1.0 && selfCorrection.Precision >= 0.8,
            $"self_correction recall {selfCorrection.Recall:0.000}, precision {selfCorrection.Precision:0.000} (at least 1 and 0.8 asked)\n\n"
            + AgreementMarkdown.Write(new AgreementInput(report, [], [], []), "replies.jsonl", labelsFile, maxDisagreements: 40));
    }

    // extra_steps is rare in the random samples (21 of 360); the challenge set of 40 replies a text-only selector marked as
    // likely to execute statements the program lacks was labelled blind, read twice and adjudicated (docs/labels.md).
    // Its flattened nests are what the per-variable alignment reads: without it arithmetic_error precision falls to 0.37.
    [Fact]
    public void The_reader_finds_the_extra_steps_of_the_challenge_set_and_reads_its_flattened_nests()
    {
        const string labelsFile = "codesim-loops.extrasteps.second-reading.labels.jsonl";
        var (_, report) = Agreement(labelsFile);

        var extra = report.ByLabel[LabelNames.ExtraSteps];
        var arithmetic = report.ByLabel[LabelNames.ArithmeticError];

        Assert.True(extra.Gold >= 30, $"{extra.Gold} extra-steps replies in the challenge set's labels; 34 are committed");
        Assert.True(
            extra.Recall >= 0.9 && extra.Precision >= 0.9 && arithmetic.Precision >= 0.5,
            $"extra_steps recall {extra.Recall:0.000}, precision {extra.Precision:0.000} (at least 0.9 each asked); arithmetic_error precision {arithmetic.Precision:0.000} (at least 0.5 asked)\n\n"
            + AgreementMarkdown.Write(new AgreementInput(report, [], [], []), "replies.jsonl", labelsFile, maxDisagreements: 40));
    }

    private static (LabelSet Labels, AgreementReport Report) Agreement(string labelsFile)
    {
        if (!File.Exists(Corpus))
        {
            Assert.Skip($"The real replies are not here ({Path.GetFullPath(Corpus)}); they live outside the repository; set FAITHFUL_REALDATA to the realdata folder to run this test.");
        }

        var labels = LabelsFile.Read(Path.Combine(RepoPaths.Root, "data", "labels", labelsFile));
        Assert.Empty(labels.Issues);

        // Replies stay out of the failure message (it lands in CI logs): ids, labels and evidence only.
        var import = TranscriptScorer.Score(new StringReader(LabelledLines(labels)), "replies.jsonl");
        Assert.Empty(import.Issues);
        var cases = import.Results.Select(r => new AgreementCase(
            r.Metadata!["transcript.id"], r.Model, r.Length, Reading.Of(labels.ById[r.Metadata!["transcript.id"]]), Reading.Of(r)!, Reply: "")).ToList();
        var report = AgreementReport.Of(cases);
        Assert.Equal(labels.ById.Count, report.Total);
        return (labels, report);
    }

    private static string LabelledLines(LabelSet labels)
    {
        using var gzip = new GZipStream(File.OpenRead(Corpus), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            using var document = JsonDocument.Parse(line);
            if (labels.ById.ContainsKey(document.RootElement.GetProperty("id").GetString()!))
            {
                lines.Add(line);
            }
        }

        return string.Join('\n', lines);
    }
}
