namespace Faithful.Reports.Sharding;

/// <summary>Shard files that cannot be merged: the message names the files and says what to do.</summary>
public sealed class ShardMergeException : Exception
{
    public ShardMergeException()
    {
    }

    public ShardMergeException(string message)
        : base(message)
    {
    }

    public ShardMergeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
