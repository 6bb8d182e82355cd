using System.Globalization;
using System.Text.Json;

namespace Faithful.Reports.RunFiles.Streaming;

/// <summary>
/// Sorts more items than should be held in memory: items are gathered in a buffer of <see cref="BufferSize"/>; a full
/// buffer is sorted and written to a temporary JSON Lines file; <see cref="Sorted"/> merges the files (and the last
/// buffer) in one pass. Memory: one buffer and one item per file, whatever the count. Ties keep the order items were
/// added in. <see cref="Sorted"/> can be read more than once; the temporary files go when the sorter is disposed.
/// </summary>
public sealed class ExternalSorter<T> : IDisposable
{
    private readonly IComparer<T> _order;
    private readonly JsonSerializerOptions _json;
    private readonly List<(T Item, long Sequence)> _buffer = [];
    private readonly List<string> _runs = [];
    private long _sequence;
    private bool _spilledLast;

    public ExternalSorter(IComparer<T> order, JsonSerializerOptions json, int bufferSize = 20_000)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(json);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bufferSize);
        _order = order;
        _json = json;
        BufferSize = bufferSize;
    }

    public int BufferSize { get; }

    public long Count => _sequence;

    /// <summary>Temporary files written so far.</summary>
    public int Spills => _runs.Count;

    public void Add(T item)
    {
        if (_spilledLast)
        {
            throw new InvalidOperationException("items cannot be added once the sorted sequence has been read.");
        }

        _buffer.Add((item, _sequence++));
        if (_buffer.Count >= BufferSize)
        {
            Spill();
        }
    }

    public IEnumerable<T> Sorted()
    {
        if (_runs.Count == 0)
        {
            SortBuffer();
            foreach (var (item, _) in _buffer)
            {
                yield return item;
            }

            yield break;
        }

        if (_buffer.Count > 0)
        {
            Spill();
        }

        _spilledLast = true;
        var readers = _runs.Select(path => JsonLineReader.Open(path)).ToList();
        try
        {
            var heads = new PriorityQueue<int, (T Item, long Sequence)>(Comparer<(T Item, long Sequence)>.Create(Compare));
            var current = new (T Item, long Sequence)[readers.Count];
            for (var r = 0; r < readers.Count; r++)
            {
                if (Next(readers[r]) is { } first)
                {
                    current[r] = first;
                    heads.Enqueue(r, first);
                }
            }

            while (heads.TryDequeue(out var run, out _))
            {
                yield return current[run].Item;
                if (Next(readers[run]) is { } next)
                {
                    current[run] = next;
                    heads.Enqueue(run, next);
                }
            }
        }
        finally
        {
            readers.ForEach(r => r.Dispose());
        }
    }

    public void Dispose()
    {
        foreach (var run in _runs)
        {
            File.Delete(run);
        }

        _runs.Clear();
        _buffer.Clear();
    }

    private int Compare((T Item, long Sequence) a, (T Item, long Sequence) b) =>
        _order.Compare(a.Item, b.Item) is var c and not 0 ? c : a.Sequence.CompareTo(b.Sequence);

    private void SortBuffer() => _buffer.Sort(Compare);

    private void Spill()
    {
        SortBuffer();
        var path = Path.Combine(Path.GetTempPath(), string.Create(CultureInfo.InvariantCulture, $"faithful-sort-{Environment.ProcessId}-{Guid.NewGuid():N}.jsonl"));
        using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
        {
            foreach (var entry in _buffer)
            {
                JsonSerializer.Serialize(stream, new Entry(entry.Item, entry.Sequence), _json);
                stream.WriteByte((byte)'\n');
            }
        }

        _runs.Add(path);
        _buffer.Clear();
    }

    private (T Item, long Sequence)? Next(JsonLineReader reader)
    {
        if (!reader.TryRead(out var line))
        {
            return null;
        }

        var entry = JsonSerializer.Deserialize<Entry>(line.Bytes.Span, _json) ?? throw new InvalidDataException("a sorted run holds a null line.");
        return (entry.Item, entry.Sequence);
    }

    private sealed record Entry(T Item, long Sequence);
}
