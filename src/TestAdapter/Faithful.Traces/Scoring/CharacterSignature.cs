namespace Faithful.Traces.Scoring;

/// <summary>
/// A set of the characters of a text, folded into 64 bits (bit <c>c % 64</c> for each character): if a text holds another
/// as a substring, its signature covers the other's. Bit 63 is always set, so that no signature is 0.
/// </summary>
internal static class CharacterSignature
{
    public static ulong Of(string text)
    {
        var signature = 1UL << 63;
        foreach (var c in text)
        {
            signature |= 1UL << (c & 63);
        }

        return signature;
    }
}
