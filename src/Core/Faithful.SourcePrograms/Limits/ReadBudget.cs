using System.Globalization;
using Faithful.Analyzers.Extraction;

namespace Faithful.SourcePrograms.Limits;

/// <summary>The time one program read may take: the caller's token, cancelled as well when the budget runs out.</summary>
internal sealed class ReadBudget : IDisposable
{
    private readonly CancellationTokenSource _source;
    private readonly CancellationToken _caller;
    private long _started = System.Diagnostics.Stopwatch.GetTimestamp();

    public ReadBudget(ProgramReadLimits limits, CancellationToken caller)
    {
        _caller = caller;
        _source = CancellationTokenSource.CreateLinkedTokenSource(caller);
        _source.CancelAfter(limits.TimeBudget);
        Limit = limits.TimeBudget;
    }

    public CancellationToken Token => _source.Token;

    /// <summary>
    /// Throws when the caller cancelled or the budget is spent, measured now rather than when the budget's timer fires:
    /// work that checks in often (the syntax pass) then stops at the limit however short it is.
    /// </summary>
    public void ThrowIfSpent()
    {
        _caller.ThrowIfCancellationRequested();
        if (System.Diagnostics.Stopwatch.GetElapsedTime(_started) > Limit)
        {
            _source.Cancel();
        }

        _source.Token.ThrowIfCancellationRequested();
    }

    public TimeSpan Limit { get; }

    /// <summary>Whether a cancellation came from the budget rather than from the caller.</summary>
    public bool RanOut => _source.IsCancellationRequested && !_caller.IsCancellationRequested;

    /// <summary>
    /// Runs <paramref name="work"/> off the clock: the budget is the program's, not a one-time cost of the process (such
    /// as Roslyn's first load) that the read happens to pay. Once spent, the budget stays spent.
    /// </summary>
    public void Excluding(Action work)
    {
        // The timer is held while the work runs, so it cannot fire for time that is not the program's.
        _source.CancelAfter(Timeout.InfiniteTimeSpan);
        var before = System.Diagnostics.Stopwatch.GetTimestamp();
        work();
        _started += System.Diagnostics.Stopwatch.GetTimestamp() - before;
        var left = Limit - System.Diagnostics.Stopwatch.GetElapsedTime(_started);
        if (left > TimeSpan.Zero)
        {
            _source.CancelAfter(left);
        }
        else
        {
            _source.Cancel();
        }
    }

    public SourceProblem Problem(string path, string? programName) => new(
        ProblemKind.UnsupportedStatement,
        path,
        0,
        0,
        string.Create(CultureInfo.InvariantCulture, $"Reading the program took longer than {Limit.TotalSeconds:0.###} s, the limit for one program; simplify or split it."),
        programName);

    public void Dispose() => _source.Dispose();
}
