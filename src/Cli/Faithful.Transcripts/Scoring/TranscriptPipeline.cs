using System.Threading.Channels;
using Faithful.Model;
using Faithful.Reports.RunFiles;
using Faithful.Reports.RunFiles.Streaming;
using Faithful.Traces.Scoring;
using Faithful.Transcripts.Reading;

namespace Faithful.Transcripts.Scoring;

/// <summary>
/// Scores a transcript file on every core, in bounded memory:
/// <list type="number">
/// <item>one reader streams the lines (bounded line reader);</item>
/// <item><see cref="Workers"/> workers each take a line and read its record, find its program in the
/// <see cref="ProgramCache"/> (read once per distinct program text while cached), its ground truth (once per distinct
/// inputs of a cached program, by the reference interpreter) and parse, align and classify the reply;</item>
/// <item>the caller's thread puts the results back in file order, numbers samples, and hands each to the sink.</item>
/// </list>
/// At most <see cref="Window"/> lines are between the reader and the sink at any time, so memory is a few lines'
/// worth, the program cache's bound and one 16-byte digest per distinct case (for sample numbering), whatever the file.
/// </summary>
public sealed class TranscriptPipeline
{
    /// <summary>Default steps the program cache holds (docs/scale.md): about 35 MB at some 340 bytes a step.</summary>
    public const long DefaultCachedSteps = 100_000;

    private readonly ProgramCache _programs;
    private readonly TranscriptLineScorer _scorer;

    public TranscriptPipeline(IReadOnlyList<StepProgram>? catalog = null, TranscriptOptions? options = null, int? workers = null, long cachedSteps = DefaultCachedSteps)
    {
        Workers = Math.Max(1, workers ?? Environment.ProcessorCount);
        Window = 64 * Workers;
        _programs = new ProgramCache(cachedSteps);
        _scorer = new TranscriptLineScorer(catalog ?? [], options ?? TranscriptOptions.Default, _programs);
    }

    public int Workers { get; }

    /// <summary>Lines in flight at most.</summary>
    public int Window { get; }

    /// <summary>Scores <paramref name="lines"/>; <paramref name="onResult"/> and <paramref name="onIssue"/> are called on this thread, in file order.</summary>
    public TranscriptStats Run(IEnumerable<TranscriptLine> lines, string fileName, Action<ScoredTranscript> onResult, Action<LineIssue> onIssue, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(onResult);
        ArgumentNullException.ThrowIfNull(onIssue);
        using var window = new SemaphoreSlim(Window);
        var work = Channel.CreateBounded<(long Sequence, TranscriptLine Line)>(new BoundedChannelOptions(Window) { SingleWriter = true });
        var done = Channel.CreateUnbounded<(long Sequence, int Line, ScoredLine Scored)>(new UnboundedChannelOptions { SingleReader = true });
        var lineCount = 0;
        var producer = Task.Run(
            async () =>
            {
                try
                {
                    long sequence = 0;
                    foreach (var line in lines)
                    {
                        await window.WaitAsync(cancellationToken).ConfigureAwait(false);
                        lineCount = line.Number;
                        await work.Writer.WriteAsync((sequence++, line), cancellationToken).ConfigureAwait(false);
                    }
                }
                finally
                {
                    work.Writer.Complete();
                }
            },
            cancellationToken);
        var workers = Enumerable.Range(0, Workers).Select(_ => Task.Run(
            async () =>
            {
                await foreach (var (sequence, line) in work.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
                {
                    done.Writer.TryWrite((sequence, line.Number, ScoreOne(line)));
                }
            },
            cancellationToken)).ToArray();
        var finished = Task.WhenAll(workers).ContinueWith(_ => done.Writer.Complete(), TaskScheduler.Default);

        var samples = new Dictionary<UInt128, int>();
        var pending = new Dictionary<long, (int Line, ScoredLine Scored)>();
        long next = 0;
        int scored = 0, skipped = 0;
        foreach (var (sequence, line, outcome) in done.Reader.ReadAllAsync(cancellationToken).ToBlockingEnumerable(cancellationToken))
        {
            pending[sequence] = (line, outcome);
            while (pending.Remove(next, out var ready))
            {
                next++;
                window.Release();
                if (ready.Scored.Result is null)
                {
                    skipped += ready.Scored.Problem is null ? 0 : 1;
                    if (ready.Scored.Problem is { } problem)
                    {
                        onIssue(new LineIssue(fileName, ready.Line, problem));
                    }

                    continue;
                }

                onResult(Finish(ready.Line, ready.Scored, samples));
                scored++;
            }
        }

        // Surfaces an exception of the reader or a worker (a cancellation, or a bug), after the sink saw what finished.
        Task.WaitAll([producer, .. workers, finished], cancellationToken);
        return new TranscriptStats(lineCount, scored, skipped, _programs.Reads, _programs.Hits);
    }

    private ScoredLine ScoreOne(TranscriptLine line)
    {
        if (line.Problem is { } problem)
        {
            return ScoredLine.Skipped(problem);
        }

        if (string.IsNullOrWhiteSpace(line.Text))
        {
            return new ScoredLine(null, null, null, null, null, null);
        }

        try
        {
            return _scorer.Score(line.Number, line.Text);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A fault of the instrument on one line is that line's problem: the other lines are still scored.
            return ScoredLine.Skipped($"internal error while scoring this line ({e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}); please report it with the line");
        }
    }

    // Samples are numbered in file order: a line without one is the next sample of its (model, case).
    private static ScoredTranscript Finish(int line, ScoredLine scored, Dictionary<UInt128, int> samples)
    {
        var result = scored.Result!;
        var key = ResultKeyHash.Of(scored.SampleKey!);
        var seen = samples.GetValueOrDefault(key);
        var sample = scored.Sample ?? seen;
        samples[key] = Math.Max(seen, sample + 1);
        if (sample != result.Sample)
        {
            result = result with { Sample = sample, CaseId = CaseScorer.CaseId(scored.Program!, result.Inputs, sample) };
        }

        return new ScoredTranscript(line, result, scored.Program!, scored.Source);
    }
}
