using System.Text.Json;
using Faithful.Reports.RunFiles;
using Faithful.Transcripts.Reading;
using Faithful.Transcripts.Scoring;

namespace Faithful.Cli.Tests.Transcripts;

/// <summary>
/// The pipeline holds at most <see cref="TranscriptPipeline.WindowChars"/> characters of lines between its reader and
/// its sink (or one longer line alone), as well as at most <see cref="TranscriptPipeline.Window"/> lines: a file of
/// maximum-length lines held 16 lines per worker before (772 MB peak RSS on 40 lines of 2.3 MB, 427-446 MB after).
/// Counted as lines the reader has handed over and the sink has not yet received, with a slow sink so the reader runs ahead.
/// </summary>
public sealed class PipelineWindowTests
{
    [Fact]
    public void Lines_in_flight_stay_within_the_character_budget()
    {
        var (inFlight, lineChars, scored) = Run(windowChars: 3500, lineCount: 24);

        Assert.Equal(24, scored);
        // Whole lines within the budget, plus the one the sink is receiving (its characters are freed as it is handed on).
        Assert.InRange(inFlight, 1, (3500 / lineChars) + 1);
    }

    [Fact]
    public void A_line_longer_than_the_budget_still_goes_through_alone()
    {
        var (inFlight, _, scored) = Run(windowChars: 10, lineCount: 6);

        Assert.Equal(6, scored);
        Assert.InRange(inFlight, 1, 2);
    }

    [Fact]
    public void Without_a_character_budget_the_reader_runs_ahead_to_the_line_window()
    {
        // The control for the tests above: the same slow sink lets many more lines be in flight when characters are not counted.
        var (inFlight, _, scored) = Run(windowChars: long.MaxValue, lineCount: 24);

        Assert.Equal(24, scored);
        Assert.True(inFlight > 8, $"only {inFlight} lines were in flight at once");
    }

    // Scores lineCount lines of about 1,000 characters on one worker and returns the most lines in flight at once: read by
    // the pipeline and not yet delivered, counted when the reader asks for the next line.
    private static (int MostInFlight, int LineChars, int Scored) Run(long windowChars, int lineCount)
    {
        var text = JsonSerializer.Serialize(new
        {
            model = "m",
            program = "long n_0 = 0;\nfor (var i0 = 0; i0 < 3; i0++)\n{\n    n_0 += 1;\n}",
            inputs = new { },
            question = "sum",
            reply = "The sum is 3. " + new string('x', 900),
        });
        var handedOver = 0;
        var delivered = 0;
        var most = 0;
        IEnumerable<TranscriptLine> Lines()
        {
            for (var i = 1; i <= lineCount; i++)
            {
                // Everything handed over before this line and not yet delivered is in flight while the reader waits to hand it over.
                most = Math.Max(most, Volatile.Read(ref handedOver) - Volatile.Read(ref delivered));
                Interlocked.Increment(ref handedOver);
                yield return new TranscriptLine(i, text, null);
            }
        }

        var issues = new List<LineIssue>();
        var pipeline = new TranscriptPipeline(workers: 1) { WindowChars = windowChars };
        var stats = pipeline.Run(
            Lines(),
            "window.jsonl",
            _ =>
            {
                Thread.Sleep(5);
                Interlocked.Increment(ref delivered);
            },
            issues.Add);
        Assert.Empty(issues);
        return (most, text.Length, stats.Scored);
    }
}
