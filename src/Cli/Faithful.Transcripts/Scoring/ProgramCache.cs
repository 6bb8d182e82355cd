using System.Collections.Concurrent;
using Faithful.Execution;
using Faithful.Model;

namespace Faithful.Transcripts.Scoring;

/// <summary>A transcript program as read once: the program (or why it cannot be read) and how it was given.</summary>
internal sealed class ResolvedProgram(StepProgram? program, string? problem, TranscriptProgramSource? source)
{
    /// <summary>Inputs whose ground truth is kept per program: enough for the repeated samples of a case, bounded for the rest.</summary>
    private const int MaxTruthsPerProgram = 64;

    private readonly ConcurrentDictionary<EquatableArray<Value>, Lazy<Trace>> _truths = new();

    public StepProgram? Program { get; } = program;

    public string? Problem { get; } = problem;

    /// <summary>How the line gave the program (C# statements), or null for a catalog program.</summary>
    public TranscriptProgramSource? Source { get; } = source;

    /// <summary>What the entry costs the cache: the program's steps (at least 1).</summary>
    public long Cost => Math.Max(1, Program?.Steps.Count ?? 1);

    /// <summary>
    /// Ground truth on <paramref name="inputs"/>, computed once per distinct inputs while the program is cached. The
    /// reference interpreter evaluates it: a transcript program is evaluated on one or a few input sets, too few for
    /// compiling it to pay for itself (GpuRef compiles the programs of a run plan, evaluated on many).
    /// </summary>
    public Trace Truth(EquatableArray<Value> inputs)
    {
        if (_truths.Count >= MaxTruthsPerProgram && !_truths.ContainsKey(inputs))
        {
            return ReferenceEvaluator.Evaluate(Program!, inputs);
        }

        return _truths.GetOrAdd(inputs, i => new Lazy<Trace>(() => ReferenceEvaluator.Evaluate(Program!, i))).Value;
    }
}

/// <summary>
/// The programs of a transcript file, each read (C# statements through Roslyn, the costly step) once per distinct program
/// text while it stays cached. Bounded by the steps it holds (least recently used first out), so memory does not grow
/// with the file; concurrent workers asking for the same program wait for one read.
/// </summary>
/// <remarks>
/// A long program (over 1% of the bound) is kept only when it comes back soon: on a second sighting among the last
/// <see cref="RecentLongReads"/> long programs read. Held long programs cost the GC more than reading them again saves
/// when most are seen once: on the loop corpus (5,404 distinct programs of up to 10,000 steps in 6,553 lines) caching
/// every program made `score` ~10% slower than caching none (docs/scale.md), while short programs, cheap to hold and
/// often repeated, are kept at once.
/// </remarks>
internal sealed class ProgramCache(long maxSteps)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, LinkedListNode<(string Key, Lazy<ResolvedProgram> Entry)>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Key, Lazy<ResolvedProgram> Entry)> _recency = new();
    private readonly HashSet<string> _charged = new(StringComparer.Ordinal);
    private readonly int[] _recentLongReads = new int[RecentLongReads];
    private long _longReads;
    private long _steps;

    /// <summary>How many of the latest long-program reads a long program must be among to be kept on its next read.</summary>
    public const int RecentLongReads = 64;

    public long MaxSteps { get; } = Math.Max(1, maxSteps);

    /// <summary>Steps above which a program is kept only from its second sighting (1% of <see cref="MaxSteps"/>).</summary>
    public long KeptAtOnceSteps => MaxSteps / 100;

    /// <summary>Programs read (cache misses).</summary>
    public long Reads { get; private set; }

    /// <summary>Lines whose program was already read.</summary>
    public long Hits { get; private set; }

    /// <summary>The program under <paramref name="key"/>, read with <paramref name="read"/> unless cached.</summary>
    public ResolvedProgram GetOrRead(string key, Func<ResolvedProgram> read)
    {
        Lazy<ResolvedProgram> entry;
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var node))
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
                Hits++;
                entry = node.Value.Entry;
            }
            else
            {
                entry = new Lazy<ResolvedProgram>(read, LazyThreadSafetyMode.ExecutionAndPublication);
                _entries[key] = _recency.AddFirst((key, entry));
                Reads++;
            }
        }

        var resolved = entry.Value;
        lock (_gate)
        {
            // Charged once read (its size is known then); the oldest entries make room.
            if (_entries.TryGetValue(key, out var node) && ReferenceEquals(node.Value.Entry, entry) && !_charged.Contains(key))
            {
                if (resolved.Cost > KeptAtOnceSteps && !SightedRecently(key))
                {
                    // Workers already waiting on this read still get it; the next request reads again and keeps it.
                    _recency.Remove(node);
                    _entries.Remove(key);
                    return resolved;
                }

                _charged.Add(key);
                _steps += resolved.Cost;
                while (_steps > MaxSteps && _recency.Last is { } last && !ReferenceEquals(last, node))
                {
                    Evict(last);
                }
            }
        }

        return resolved;
    }

    // Whether a long program under this key was read among the latest RecentLongReads long reads; records this read.
    // Keys are told apart by hash: a collision only keeps a long program one read early.
    private bool SightedRecently(string key)
    {
        var hash = StringComparer.Ordinal.GetHashCode(key);
        var seen = Array.IndexOf(_recentLongReads, hash, 0, (int)Math.Min(_longReads, RecentLongReads)) >= 0;
        _recentLongReads[_longReads++ % RecentLongReads] = hash;
        return seen;
    }

    private void Evict(LinkedListNode<(string Key, Lazy<ResolvedProgram> Entry)> node)
    {
        _recency.Remove(node);
        _entries.Remove(node.Value.Key);
        if (_charged.Remove(node.Value.Key) && node.Value.Entry.IsValueCreated)
        {
            _steps -= node.Value.Entry.Value.Cost;
        }
    }
}
