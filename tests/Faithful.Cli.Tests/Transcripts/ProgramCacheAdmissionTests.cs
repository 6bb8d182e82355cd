using System.Text.Json;
using Faithful.Reports.RunFiles;
using Faithful.Transcripts.Reading;
using Faithful.Transcripts.Scoring;

namespace Faithful.Cli.Tests.Transcripts;

/// <summary>
/// The program cache keeps a short program at once and a long one (over 1% of its bound) only when it comes back among
/// the latest long-program reads: counted in program reads and cache hits on one worker, so the order is the file's.
/// </summary>
public sealed class ProgramCacheAdmissionTests
{
    // 2,000 unrolled steps: over 1% of the default bound (100,000 steps).
    private const string LongProgram = "long n_0 = 0;\nfor (var i0 = 0; i0 < 1999; i0++)\n{\n    n_0 += 1;\n}";

    private const string ShortProgram = "long n_0 = 0;\nfor (var i0 = 0; i0 < 3; i0++)\n{\n    n_0 += 1;\n}";

    [Fact]
    public void A_short_program_is_kept_from_its_first_read()
    {
        var stats = Score([ShortProgram, ShortProgram, ShortProgram]);

        Assert.Equal(3, stats.Scored);
        Assert.Equal(1, stats.ProgramReads);
        Assert.Equal(2, stats.ProgramCacheHits);
    }

    [Fact]
    public void A_long_program_is_kept_from_its_second_read_when_it_comes_back_soon()
    {
        var stats = Score([LongProgram, LongProgram, LongProgram, LongProgram]);

        Assert.Equal(4, stats.Scored);
        Assert.Equal(2, stats.ProgramReads);
        Assert.Equal(2, stats.ProgramCacheHits);
    }

    [Fact]
    public void A_long_program_that_comes_back_after_many_other_long_programs_is_read_again_and_not_kept()
    {
        // Distinct long programs in between push the first one's sighting out of the recent reads.
        var between = Enumerable.Range(0, TranscriptPipeline.RecentLongProgramReads).Select(k => LongProgram.Replace("1999", (2000 + k).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        var stats = Score([LongProgram, .. between, LongProgram, LongProgram]);

        // The return after 64 others is a first sighting again (read, not kept); the next one is a second (read, kept).
        Assert.Equal(TranscriptPipeline.RecentLongProgramReads + 3, stats.ProgramReads);
        Assert.Equal(0, stats.ProgramCacheHits);
    }

    private static TranscriptStats Score(IReadOnlyList<string> programs)
    {
        var lines = programs.Select((program, i) => new TranscriptLine(i + 1, JsonSerializer.Serialize(new
        {
            model = "m",
            program,
            inputs = new { },
            question = "sum",
            reply = "The sum is 3.",
        }), null));
        var issues = new List<LineIssue>();
        var stats = new TranscriptPipeline(workers: 1).Run(lines, "cache.jsonl", _ => { }, issues.Add);
        Assert.Empty(issues);
        return stats;
    }
}
