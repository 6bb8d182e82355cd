namespace Faithful.GpuRef.Bytecode;

/// <summary>A program does not fit the bytecode's <see cref="BytecodeLimits"/>.</summary>
public sealed class BytecodeLimitException : ArgumentException
{
    public BytecodeLimitException()
    {
    }

    public BytecodeLimitException(string message)
        : base(message)
    {
    }

    public BytecodeLimitException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public BytecodeLimitException(string programId, string limitName, int limit, int actual)
        : base($"Program {programId} needs {actual} {limitName} but GpuRef's bytecode allows at most {limit} " +
               $"(BytecodeLimits.Max{ToPascal(limitName)}). Split the program into smaller reference programs " +
               "or evaluate it with ReferenceEvaluator instead.")
    {
        ProgramId = programId;
        LimitName = limitName;
        Limit = limit;
        Actual = actual;
    }

    public string? ProgramId { get; }

    public string? LimitName { get; }

    public int Limit { get; }

    public int Actual { get; }

    private static string ToPascal(string words) =>
        string.Concat(words.Split(' ').Select(w => w.Length == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..]));
}
