namespace Faithful.GpuRef.Batches;

/// <summary>A backend's result differs from the reference evaluator's: a bug to report, never to ignore.</summary>
public sealed class GpuRefMismatchException : Exception
{
    public GpuRefMismatchException()
    {
    }

    public GpuRefMismatchException(string message)
        : base(message)
    {
    }

    public GpuRefMismatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
