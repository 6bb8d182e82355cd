using System.Threading.Channels;
using Faithful.Model;
using Faithful.Reports.RunFiles;
using Faithful.Reports.RunFiles.Streaming;
using Faithful.Traces.Results;
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
/// At most <see cref="Window"/> lines, and at most <see cref="WindowChars"/> characters of them (or one line, however long),
/// are between the reader and the sink at any time, so memory is a few lines' worth, the program cache's bound and one
/// 16-byte digest per distinct case (for sample numbering), whatever the file.
/// </summary>
public sealed class TranscriptPipeline
{
    /// <summary>Default steps the program cache holds (docs/scale.md): about 35 MB at some 340 bytes a step.</summary>
    public const long DefaultCachedSteps = 100_000;

    /// <summary>
    /// A program over 1% of the cache's bound is kept only when it was read among this many latest such reads (a second
    /// sighting soon after the first): long programs seen once cost the GC more to hold than to read again.
    /// </summary>
    public const int RecentLongProgramReads = ProgramCache.RecentLongReads;

    /// <summary>Characters of line text in flight per worker at most (one longer line still goes through alone).</summary>
    public const int WindowCharsPerWorker = 4 * 1024 * 1024;

    private readonly ProgramCache _programs;
    private readonly TranscriptLineScorer _scorer;

    public TranscriptPipeline(IReadOnlyList<StepProgram>? catalog = null, TranscriptOptions? options = null, int? workers = null, long cachedSteps = DefaultCachedSteps)
    {
        Workers = Math.Max(1, workers ?? Environment.ProcessorCount);
        // A few lines per worker keep every core busy behind a slow line; more only hold finished long-program results.
        Window = 16 * Workers;
        WindowChars = (long)WindowCharsPerWorker * Workers;
        _programs = new ProgramCache(cachedSteps);
        _scorer = new TranscriptLineScorer(catalog ?? [], options ?? TranscriptOptions.Default, _programs);
    }

    public int Workers { get; }

    /// <summary>Lines in flight at most.</summary>
    public int Window { get; }

    /// <summary>
    /// Characters of line text in flight at most: a file of maximum-length lines (4 MB each) would otherwise hold
    /// <see cref="Window"/> of them, replies included in their results, while they wait for the ordered write.
    /// </summary>
    public long WindowChars { get; init; }

    /// <summary>Scores <paramref name="lines"/>; <paramref name="onResult"/> and <paramref name="onIssue"/> are called on this thread, in file order.</summary>
    /// <param name="serialize">
    /// Optional: turns a result into the bytes the sink will write, on the worker that scored it, so that the ordered stage
    /// does not serialize every result on one thread. Its bytes reach the sink as <see cref="ScoredTranscript.Serialized"/>
    /// unless the ordered stage renumbered the result's sample (then <paramref name="renumber"/> rewrites them, or they are
    /// null and the sink serializes it itself).
    /// It must be safe to call from several threads.
    /// </param>
    /// <param name="renumber">
    /// Optional, with <paramref name="serialize"/>: given a result's bytes, the result and the result renumbered, the bytes
    /// for the renumbered result, or null to leave the sink to serialize it. Called on this thread, for results whose sample
    /// the ordered stage renumbered (lines without a sample that repeat a model and case).
    /// </param>
    public TranscriptStats Run(IEnumerable<TranscriptLine> lines, string fileName, Action<ScoredTranscript> onResult, Action<LineIssue> onIssue, Func<ScoredTranscript, byte[]>? serialize = null, Func<byte[], CaseResult, CaseResult, byte[]?>? renumber = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(onResult);
        ArgumentNullException.ThrowIfNull(onIssue);

        // One line per hand-over: batching lines (16 at a time) held the ordered stage behind a batch of long programs
        // and raised peak RSS by half on the loop corpus (measured), for no gain on short ones.
        using var window = new SemaphoreSlim(Window);
        var work = Channel.CreateBounded<(long Sequence, TranscriptLine Line)>(new BoundedChannelOptions(Window) { SingleWriter = true });
        var done = Channel.CreateUnbounded<(long Sequence, Scored Result)>(new UnboundedChannelOptions { SingleReader = true });
        using var charsFreed = new SemaphoreSlim(0);
        long charsInFlight = 0;
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
                        var chars = CharsOf(line);
                        while (Interlocked.Read(ref charsInFlight) is var held && held > 0 && held + chars > WindowChars)
                        {
                            await charsFreed.WaitAsync(cancellationToken).ConfigureAwait(false);
                        }

                        Interlocked.Add(ref charsInFlight, chars);
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
                    done.Writer.TryWrite((sequence, ScoreAndSerialize(line, serialize) with { Chars = CharsOf(line) }));
                }
            },
            cancellationToken)).ToArray();
        var finished = Task.WhenAll(workers).ContinueWith(_ => done.Writer.Complete(), TaskScheduler.Default);

        var samples = new Dictionary<UInt128, int>();
        var pending = new Dictionary<long, Scored>();
        long next = 0;
        int scored = 0, skipped = 0;
        foreach (var (sequence, result) in done.Reader.ReadAllAsync(cancellationToken).ToBlockingEnumerable(cancellationToken))
        {
            pending[sequence] = result;
            while (pending.Remove(next, out var one))
            {
                next++;
                window.Release();
                if (one.Chars > 0)
                {
                    Interlocked.Add(ref charsInFlight, -one.Chars);
                    charsFreed.Release();
                }
                if (one.Outcome.Result is null)
                {
                    skipped += one.Outcome.Problem is null ? 0 : 1;
                    if (one.Outcome.Problem is { } problem)
                    {
                        onIssue(new LineIssue(fileName, one.Line, problem));
                    }

                    continue;
                }

                onResult(Finish(one, samples, renumber));
                scored++;
            }
        }

        // Surfaces an exception of the reader or a worker (a cancellation, or a bug), after the sink saw what finished.
        Task.WaitAll([producer, .. workers, finished], cancellationToken);
        return new TranscriptStats(lineCount, scored, skipped, _programs.Reads, _programs.Hits);
    }

    // One line's outcome from a worker, with its sample key's digest and, when asked for, the result's bytes.
    private readonly record struct Scored(int Line, ScoredLine Outcome, UInt128 SampleKey, byte[]? Serialized)
    {
        /// <summary>The line's length, freed from the window when the result leaves it.</summary>
        public long Chars { get; init; }
    }

    // What a line counts against WindowChars while it is in flight.
    private static long CharsOf(TranscriptLine line) => line.Text?.Length ?? 0;

    private Scored ScoreAndSerialize(TranscriptLine line, Func<ScoredTranscript, byte[]>? serialize)
    {
        var outcome = ScoreOne(line);
        if (outcome.Result is not { } result)
        {
            return new Scored(line.Number, outcome, default, null);
        }

        var key = ResultKeyHash.Of(outcome.SampleKey!);
        byte[]? bytes = null;
        if (serialize is not null)
        {
            try
            {
                bytes = serialize(new ScoredTranscript(line.Number, result, outcome.Program!, outcome.Source));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The sink serializes it again on its own thread, where a fault surfaces as it always did.
                bytes = null;
            }
        }

        return new Scored(line.Number, outcome, key, bytes);
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
    private static ScoredTranscript Finish(Scored one, Dictionary<UInt128, int> samples, Func<byte[], CaseResult, CaseResult, byte[]?>? renumber)
    {
        var scored = one.Outcome;
        var result = scored.Result!;
        var seen = samples.GetValueOrDefault(one.SampleKey);
        var sample = scored.Sample ?? seen;
        samples[one.SampleKey] = Math.Max(seen, sample + 1);
        var serialized = one.Serialized;
        if (sample != result.Sample)
        {
            var renumbered = result with { Sample = sample, CaseId = CaseScorer.CaseId(scored.Program!, result.Inputs, sample) };
            serialized = serialized is null || renumber is null ? null : renumber(serialized, result, renumbered);
            result = renumbered;
        }

        return new ScoredTranscript(one.Line, result, scored.Program!, scored.Source) { Serialized = serialized };
    }
}
