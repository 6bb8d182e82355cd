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
        if (!File.Exists(Corpus))
        {
            Assert.Skip($"The real replies are not here ({Path.GetFullPath(Corpus)}); they live outside the repository; set FAITHFUL_REALDATA to the realdata folder to run this test.");
        }

        var labels = LabelsFile.Read(Path.Combine(RepoPaths.Root, "data", "labels", labelsFile));
        Assert.Empty(labels.Issues);
        Assert.True(labels.ById.Count >= 360, $"{labels.ById.Count} development labels; at least 360 are committed");

        // Replies stay out of the failure message (it lands in CI logs): ids, labels and evidence only.
        var import = TranscriptScorer.Score(new StringReader(LabelledLines(labels)), "replies.jsonl");
        Assert.Empty(import.Issues);
        var cases = import.Results.Select(r => new AgreementCase(
            r.Metadata!["transcript.id"], r.Model, r.Length, Reading.Of(labels.ById[r.Metadata!["transcript.id"]]), Reading.Of(r)!, Reply: "")).ToList();
        var report = AgreementReport.Of(cases);
        var input = new AgreementInput(report, [], [], []);

        var failures = AgreementRequirements.Default.Failures(report);

        Assert.Equal(labels.ById.Count, report.Total);
        Assert.True(failures.Count == 0, string.Join("\n", failures) + "\n\n" + AgreementMarkdown.Write(input, "replies.jsonl", labelsFile, maxDisagreements: 40));
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
