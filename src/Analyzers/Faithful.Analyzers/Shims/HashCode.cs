namespace System;

/// <summary>
/// The part of <c>System.HashCode</c> the Faithful.Core files use (netstandard2.0 lacks it). Hashes only need to agree
/// within one process, so a simple multiplicative combine serves.
/// </summary>
internal struct HashCode
{
    private int _hash;
    private bool _started;

    public void Add<T>(T value)
    {
        var itemHash = value is null ? 0 : Collections.Generic.EqualityComparer<T>.Default.GetHashCode(value);
        _hash = _started ? unchecked((_hash * 31) + itemHash) : unchecked(17 * 31 + itemHash);
        _started = true;
    }

    public readonly int ToHashCode() => _hash;
}
