using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Faithful.Reports.RunFiles.Streaming;

/// <summary>
/// A 128-bit digest of a result key, so that sets of keys over millions of results cost 16 bytes an entry instead of
/// the key strings (a collision between two keys is as likely as one in SHA-256's first 128 bits: never in practice).
/// </summary>
public static class ResultKeyHash
{
    public static UInt128 Of(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var byteCount = Encoding.UTF8.GetByteCount(key);
        var rented = byteCount <= 512 ? null : new byte[byteCount];
        Span<byte> bytes = rented ?? stackalloc byte[byteCount];
        Encoding.UTF8.GetBytes(key, bytes);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(bytes, hash);
        return BinaryPrimitives.ReadUInt128BigEndian(hash);
    }
}
