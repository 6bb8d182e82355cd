namespace Faithful.GpuRef.Batches;

/// <summary>
/// An append-only array whose backing store the backends read directly (a <see cref="List{T}"/> hides its array):
/// the batch's columns are handed to the compiled delegates and copied to the device without repacking.
/// </summary>
internal sealed class GrowableBuffer<T>
    where T : unmanaged
{
    private T[] _items = new T[16];

    public int Count { get; private set; }

    /// <summary>The backing array; only the first <see cref="Count"/> items are meaningful.</summary>
    public T[] Items => _items;

    public T this[int index] => _items[index];

    public ReadOnlySpan<T> Span(int start, int count) => _items.AsSpan(start, count);

    public void Add(T item)
    {
        Reserve(1);
        _items[Count++] = item;
    }

    public void AddRange(ReadOnlySpan<T> items)
    {
        Reserve(items.Length);
        items.CopyTo(_items.AsSpan(Count));
        Count += items.Length;
    }

    private void Reserve(int more)
    {
        var needed = (long)Count + more;
        if (needed <= _items.Length)
        {
            return;
        }

        if (needed > Array.MaxLength)
        {
            throw new InvalidOperationException($"A batch column would need {needed} cells, more than one array holds: split the work into several batches.");
        }

        Array.Resize(ref _items, (int)Math.Min(Array.MaxLength, Math.Max(needed, 2L * _items.Length)));
    }
}
