using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Faithful.Reports.Sharding;

/// <summary>
/// Shard <see cref="Index"/> of <see cref="Count"/> (one-based, written <c>i/n</c> as in <c>faithful run --shard 2/4</c>).
/// A case belongs to exactly one shard, chosen from its case id alone: the first 8 bytes of SHA-256(UTF-8 case id),
/// read big-endian, modulo <see cref="Count"/>, plus one. Every model and protocol of a case lands on the same shard,
/// and the split does not depend on the machine, the .NET version or the order of the plan.
/// </summary>
public readonly record struct ShardSpec(int Index, int Count)
{
    /// <summary>Most shards a plan can be split into (a CI matrix larger than this is not useful).</summary>
    public const int MaxCount = 1024;

    /// <summary>The one-based shard a case id belongs to among <paramref name="count"/> shards.</summary>
    public static int ShardOf(string caseId, int count)
    {
        ArgumentNullException.ThrowIfNull(caseId);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(caseId), hash);
        return (int)(BinaryPrimitives.ReadUInt64BigEndian(hash) % (ulong)count) + 1;
    }

    /// <summary>Whether the case <paramref name="caseId"/> belongs to this shard.</summary>
    public bool Contains(string caseId) => ShardOf(caseId, Count) == Index;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");

    /// <summary>Reads <c>i/n</c> with 1 ≤ i ≤ n ≤ <see cref="MaxCount"/>.</summary>
    /// <exception cref="FormatException">The text is not such a shard; the message says what to write.</exception>
    public static ShardSpec Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0
            && int.TryParse(text.AsSpan(0, slash).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && int.TryParse(text.AsSpan(slash + 1).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            && count is >= 1 and <= MaxCount
            && index >= 1 && index <= count)
        {
            return new ShardSpec(index, count);
        }

        throw new FormatException(
            $"'{text}' is not a shard; write i/n with 1 <= i <= n <= {MaxCount}, e.g. --shard 2/4 for the second of four " +
            "(in a CI matrix: the job's one-based position and the number of jobs).");
    }

    public static bool TryParse(string? text, out ShardSpec shard)
    {
        shard = default;
        if (text is null)
        {
            return false;
        }

        try
        {
            shard = Parse(text);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
