using Faithful.Cli;
using Faithful.Cli.Output;
using Faithful.Cli.Tests.Support;
using Faithful.Reports.Formats;
using Faithful.Reports.Summaries;

namespace Faithful.Cli.Tests.Reports;

public sealed class ReportStreamTests
{
    private static RunSummary Sample() => RunSummary.Of(SyntheticResults.Curve("sim:study", 40, length => length % 3, 5, 50, 95));

    [Fact]
    public void The_json_report_reaches_the_file_without_a_flush_per_case()
    {
        var file = new FlushCountingStream();
        JsonReport.Write(new FlushDeferringStream(file), Sample());

        // The serializer flushes after each of the 120 cases; none of those may reach the file.
        Assert.Equal(0, file.Flushes);
        Assert.Equal(JsonReport.Render(Sample()), System.Text.Encoding.UTF8.GetString(file.ToArray()));
    }

    [Fact]
    public void A_streamed_report_file_holds_the_whole_report()
    {
        using var temp = new TempDir();
        var output = new StringWriter();
        ReportFiles.SaveStream(temp["report.json"], stream => JsonReport.Write(stream, Sample()), new CliConsole(output, output), "JSON report");

        Assert.Equal(JsonReport.Render(Sample()), File.ReadAllText(temp["report.json"]));
        Assert.Single(Directory.GetFiles(temp.Path));
    }

    private sealed class FlushCountingStream : MemoryStream
    {
        public int Flushes { get; private set; }

        public override void Flush()
        {
            Flushes++;
            base.Flush();
        }
    }
}
