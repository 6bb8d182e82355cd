using System.Runtime.InteropServices;

namespace Faithful.Traces.Parsing.Reading;

/// <summary>
/// What one recogniser reads in a span of a line's tokens [<see cref="From"/>, <see cref="To"/>), with a score: the line
/// keeps the best-scoring set of proposals that do not overlap (<see cref="LineCover"/>). Made only by
/// <see cref="Proposals.Add"/>, which reuses the proposals of the line before.
/// </summary>
internal sealed class Proposal
{
    internal Proposal()
    {
    }

    public ReadingKind Kind { get; private set; }

    public int From { get; private set; }

    public int To { get; private set; }

    public int Score { get; private set; }

    // The first claim is held inline: most proposals make one claim, and then need no list (nor its array).
    private LineClaim _first;
    private int _count;
    private List<LineClaim>? _more;

    /// <summary>The claims the proposal makes (added with <see cref="With"/>).</summary>
    public ReadOnlySpan<LineClaim> Claims => _count switch
    {
        0 => [],
        1 => new ReadOnlySpan<LineClaim>(in _first),
        _ => CollectionsMarshal.AsSpan(_more),
    };

    // What few proposals carry (a pending statement, a prose answer, a problem) sits in a side object made only for
    // them: held inline, these fields doubled the size of every proposal, and a reply makes one per clause.
    private Rare? _rare;

    public PendingStatement? Pending => _rare?.Pending;

    public ProseAnswer? Answer => _rare?.Answer;

    public string? Unreadable => _rare?.Unreadable;

    /// <summary>Values of successive steps ("1, then 2, then 3"): never a loop summary, whatever the sentence says.</summary>
    public bool PerStep { get; private set; }

    private sealed class Rare
    {
        public PendingStatement? Pending { get; set; }

        public ProseAnswer? Answer { get; set; }

        public string? Unreadable { get; set; }
    }

    /// <summary>This proposal emptied and given a new span and score, for <see cref="Proposals.Add"/>.</summary>
    internal Proposal Reset(ReadingKind kind, int from, int to, int score)
    {
        Kind = kind;
        From = from;
        To = to;
        Score = score;
        _first = default;
        _count = 0;
        _rare = null;
        PerStep = false;

        // A list grown by one long line is not kept for every line after it.
        if (_more is { Capacity: > 64 })
        {
            _more = null;
        }

        _more?.Clear();
        return this;
    }

    public Proposal With(LineClaim claim)
    {
        switch (_count)
        {
            case 0:
                _first = claim;
                break;
            case 1:
                // A second claim: from here on the claims live in a list, the first one included.
                (_more ??= new List<LineClaim>(4)).Add(_first);
                _more.Add(claim);
                break;
            default:
                _more!.Add(claim);
                break;
        }

        _count++;
        return this;
    }

    public Proposal WithPending(PendingStatement pending)
    {
        (_rare ??= new()).Pending = pending;
        return this;
    }

    public Proposal WithAnswer(ProseAnswer answer)
    {
        (_rare ??= new()).Answer = answer;
        return this;
    }

    public Proposal WithUnreadable(string problem)
    {
        (_rare ??= new()).Unreadable = problem;
        return this;
    }

    public Proposal OfSuccessiveSteps()
    {
        PerStep = true;
        return this;
    }
}

/// <summary>Scores shared by the recognisers, so that their relative weights are read in one place.</summary>
internal static class ProposalScores
{
    /// <summary>A name assigned a value (<c>s3 = 14</c>).</summary>
    public const int Assignment = 10;

    /// <summary>Extra for work shown before the value.</summary>
    public const int WorkShown = 1;

    /// <summary>A value read from prose ("subtracting 2 gives -4").</summary>
    public const int ProseValue = 8;

    /// <summary>Each value of a list of successive values ("n_0 becomes 1, then 2, then 3").</summary>
    public const int ListValue = 11;

    /// <summary>Each pair of a state snapshot, plus one bonus for the snapshot (beats reading its pairs one by one).</summary>
    public const int SnapshotPair = 10;

    public const int SnapshotBonus = 3;

    /// <summary>Each pair framed as an echo of the initial values.</summary>
    public const int EchoPair = 13;

    /// <summary>A statement shown to leave its variable unchanged.</summary>
    public const int NoChange = 14;

    /// <summary>Each pair framed as a closing readout.</summary>
    public const int ReadoutPair = 12;

    /// <summary>A sentence that states the result of the whole program.</summary>
    public const int Answer = 20;

    /// <summary>A statement without a value (a re-print of code).</summary>
    public const int Statement = 5;
}
