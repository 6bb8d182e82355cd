namespace Faithful.Traces.Parsing.Reading;

/// <summary>
/// The proposals the recognisers make for one line, in listing order. <see cref="Clear"/> keeps the proposal objects,
/// and <see cref="Add"/> fills them again for the next line: a reply makes a proposal per clause, and allocating each
/// anew was a fifth of the reader's garbage.
/// </summary>
internal sealed class Proposals
{
    // Past this many, the proposals of one unusually long line are not kept for the lines after it.
    private const int MaxKept = 256;

    private readonly List<Proposal> _made = [];

    public int Count { get; private set; }

    public Proposal this[int index] => (uint)index < (uint)Count ? _made[index] : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>A new proposal at the end of the list; valid until the list is cleared.</summary>
    public Proposal Add(ReadingKind kind, int from, int to, int score)
    {
        if (Count == _made.Count)
        {
            _made.Add(new Proposal());
        }

        return _made[Count++].Reset(kind, from, to, score);
    }

    public void Clear()
    {
        Count = 0;
        if (_made.Count > MaxKept)
        {
            _made.RemoveRange(MaxKept, _made.Count - MaxKept);
        }
    }
}
