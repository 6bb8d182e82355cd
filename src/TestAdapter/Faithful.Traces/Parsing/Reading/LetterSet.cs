using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Faithful.Traces.Parsing.Reading;

/// <summary>
/// The ASCII letters a text holds, as bits (a is bit 0, case folded): a phrase can only occur in a text that holds every
/// letter of it. Testing that first is exact and costs one pass over the text, where a phrase search costs several, so
/// the cue lists skip most lines ("a3 = 42", "State: a = -19, b = -7") without searching them.
/// </summary>
internal static class LetterSet
{
    /// <summary>
    /// The letters <paramref name="text"/> holds, either case. A non-ASCII character adds the ASCII letter it lower- or
    /// upper-cases to (the Kelvin sign gives 'k'), so the set still holds every letter the text
    /// can show once lower-cased or compared ignoring case; other non-ASCII characters ("→", "×") add nothing.
    /// </summary>
    public static uint Of(ReadOnlySpan<char> text)
    {
        var letters = 0u;
        var i = 0;
        if (Avx2.IsSupported && text.Length >= Vector256<ushort>.Count)
        {
            // Sixteen characters at a time: each ASCII letter becomes its bit in a 32-bit lane and the lanes are OR-ed;
            // a block holding a non-ASCII character is read one character at a time instead.
            ref var first = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text));
            var lanes = Vector256<uint>.Zero;
            for (; i <= text.Length - Vector256<ushort>.Count; i += Vector256<ushort>.Count)
            {
                var block = Vector256.LoadUnsafe(ref first, (nuint)i);
                if (Vector256.GreaterThanAny(block, Vector256.Create((ushort)127)))
                {
                    letters |= OneByOne(text.Slice(i, Vector256<ushort>.Count));
                    continue;
                }

                var (low, high) = Vector256.Widen(block);
                lanes |= LetterBits(low) | LetterBits(high);
            }

            var half = lanes.GetLower() | lanes.GetUpper();
            letters |= half.GetElement(0) | half.GetElement(1) | half.GetElement(2) | half.GetElement(3);
        }

        return letters | OneByOne(text[i..]);
    }

    // Each lane's letter bit (as OneByOne folds it), or 0 for a lane that holds no letter. A shift by 32 or more gives 0.
    private static Vector256<uint> LetterBits(Vector256<uint> characters)
    {
        var folded = (characters | Vector256.Create(0x20u)) - Vector256.Create((uint)'a');
        var bits = Avx2.ShiftLeftLogicalVariable(Vector256<uint>.One, folded);
        return bits & Vector256.LessThan(folded, Vector256.Create(26u));
    }

    private static uint OneByOne(ReadOnlySpan<char> text)
    {
        var letters = 0u;
        foreach (var c in text)
        {
            // Setting the 0x20 bit maps 'A'..'Z' onto 'a'..'z' and no other character into that range.
            var folded = (uint)((c | 0x20) - 'a');
            if (folded < 26)
            {
                letters |= 1u << (int)folded;
            }
            else if (c >= 128)
            {
                letters |= NonAscii(c);
            }
        }

        return letters;
    }

    // The ASCII letters a non-ASCII character becomes when lower- or upper-cased (invariant, as the readers compare).
    // Only a handful of characters do (the Kelvin sign and the long s, in .NET 10): they are found once, by casing
    // every non-ASCII character, and each character met after that is looked up among them instead of cased twice.
    private static uint NonAscii(char c)
    {
        var at = Array.BinarySearch(CasedToAscii.Chars, c);
        return at >= 0 ? CasedToAscii.Letters[at] : 0;
    }

    private static readonly (char[] Chars, uint[] Letters) CasedToAscii = FindCasedToAscii();

    private static (char[] Chars, uint[] Letters) FindCasedToAscii()
    {
        var chars = new List<char>();
        var letters = new List<uint>();
        for (var c = (char)128; ; c++)
        {
            if (CasedLetters(c) is var found and not 0)
            {
                chars.Add(c);
                letters.Add(found);
            }

            if (c == char.MaxValue)
            {
                return ([.. chars], [.. letters]);
            }
        }
    }

    // The ASCII letters c lower- or upper-cases to (invariant casing): those of the two cased characters.
    private static uint CasedLetters(char c) => Needed([char.ToLowerInvariant(c), char.ToUpperInvariant(c)]);

    /// <summary>
    /// The letters any occurrence of <paramref name="phrase"/> must hold: its ASCII letters. A non-ASCII character of
    /// the phrase adds nothing, so the set stays a necessary condition whatever the phrase.
    /// </summary>
    public static uint Needed(ReadOnlySpan<char> phrase)
    {
        var letters = 0u;
        foreach (var c in phrase)
        {
            var folded = (uint)((c | 0x20) - 'a');
            if (folded < 26 && c < 128)
            {
                letters |= 1u << (int)folded;
            }
        }

        return letters;
    }

    /// <summary>
    /// A few letters of which every one of <paramref name="needs"/> holds at least one, picked greedily (the letter most
    /// sets hold first); 0 when some set is empty, since no letter then covers it.
    /// </summary>
    public static uint HittingSet(IReadOnlyList<uint> needs)
    {
        if (needs.Count == 0 || needs.Any(n => n == 0))
        {
            return 0;
        }

        var chosen = 0u;
        var left = needs.ToList();
        while (left.Count > 0)
        {
            var best = Enumerable.Range(0, 26).MaxBy(letter => left.Count(n => (n & (1u << letter)) != 0));
            chosen |= 1u << best;
            left.RemoveAll(n => (n & (1u << best)) != 0);
        }

        return chosen;
    }

    /// <summary>Whether a text holding <paramref name="present"/> may hold a phrase needing <paramref name="needed"/>.</summary>
    public static bool MayHold(uint present, uint needed) => (needed & ~present) == 0;
}
