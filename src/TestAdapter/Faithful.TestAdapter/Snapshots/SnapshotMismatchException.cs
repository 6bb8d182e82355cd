using Xunit.Sdk;

namespace Faithful.Testing;

/// <summary>A received snapshot differs from the verified one, or there is no verified one yet.</summary>
public sealed class SnapshotMismatchException : XunitException
{
    public SnapshotMismatchException(string message, SnapshotComparison? comparison = null)
        : base(message) => Comparison = comparison;

    public SnapshotMismatchException()
        : base("Snapshot mismatch.")
    {
    }

    public SnapshotMismatchException(string message)
        : base(message)
    {
    }

    public SnapshotMismatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SnapshotComparison? Comparison { get; }
}
