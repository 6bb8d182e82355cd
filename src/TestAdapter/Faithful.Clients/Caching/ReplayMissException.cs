namespace Faithful.Clients.Caching;

/// <summary>A replay-only run asked for a response that was never recorded.</summary>
public sealed class ReplayMissException : Exception
{
    public ReplayMissException(CacheKey key, string directory)
        : base(
            $"No recorded response for this request in replay-only mode.{Environment.NewLine}" +
            $"  cache folder: {directory}{Environment.NewLine}" +
            $"  expected file: {key.Hash}.json{Environment.NewLine}" +
            $"  key: {key.Canonical}{Environment.NewLine}" +
            "Record it by running once with FAITHFUL_CACHE_MODE=record (and the model's key set), then commit the new file.")
    {
        Key = key;
        Directory = directory;
    }

    public ReplayMissException()
        : this(new CacheKey("", ""), "")
    {
    }

    public ReplayMissException(string message)
        : base(message)
    {
        Key = new CacheKey("", "");
        Directory = "";
    }

    public ReplayMissException(string message, Exception innerException)
        : base(message, innerException)
    {
        Key = new CacheKey("", "");
        Directory = "";
    }

    public CacheKey Key { get; }

    public string Directory { get; }
}
