using Xunit.Sdk;

namespace Faithful.Testing;

/// <summary>A faithfulness assertion failed; the message holds the aligned trace table and the evidence.</summary>
public sealed class FaithfulAssertException : XunitException
{
    public FaithfulAssertException(string message)
        : base(message)
    {
    }

    public FaithfulAssertException()
        : base("A faithfulness assertion failed.")
    {
    }

    public FaithfulAssertException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
