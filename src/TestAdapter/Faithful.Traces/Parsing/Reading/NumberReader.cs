using System.Globalization;
using System.Text;

namespace Faithful.Traces.Parsing.Reading;

/// <summary>
/// Reads one number the way models write them: a sign (<c>-</c>, already normalized from unicode minus),
/// digits with thousands separators (<c>1,234</c>, <c>1 234</c>, <c>1_234</c>, thin spaces), decimals and an exponent.
/// </summary>
internal static class NumberReader
{
    /// <summary>Tries to read a number starting at <paramref name="start"/>; returns the end index (exclusive) or -1.</summary>
    public static int TryRead(string text, int start, bool allowSign, out ParsedValue value)
    {
        value = default;
        var i = start;
        var negative = false;
        if (allowSign && i < text.Length && text[i] is '-' or '+')
        {
            negative = text[i] == '-';
            i++;
        }

        if (i >= text.Length || !IsDigit(text[i]))
        {
            return -1;
        }

        // The digits as read, without separators: on the stack unless a number is absurdly long.
        var digits = new DigitBuffer(stackalloc char[64]);
        if (negative)
        {
            digits.Append('-');
        }

        var groupStart = i;
        while (i < text.Length && IsDigit(text[i]))
        {
            digits.Append(text[i]);
            i++;
        }

        // Grouping separators: only when the first group has 1-3 digits and each later group exactly 3.
        var firstGroup = i - groupStart;
        if (firstGroup <= 3)
        {
            while (GroupAt(text, i))
            {
                digits.Append(text.AsSpan(i + 1, 3));
                i += 4;
            }
        }

        var isInteger = true;
        if (DecimalsAt(text, i))
        {
            isInteger = false;
            digits.Append('.');
            i++;
            while (i < text.Length && IsDigit(text[i]))
            {
                digits.Append(text[i]);
                i++;
            }
        }

        var hasExponent = false;
        if (ExponentMayStartAt(text, i))
        {
            var j = i + 1;
            if (j < text.Length && text[j] is '+' or '-')
            {
                j++;
            }

            if (j < text.Length && IsDigit(text[j]))
            {
                var exponentEnd = j;
                while (exponentEnd < text.Length && IsDigit(text[exponentEnd]) && exponentEnd - j < 4)
                {
                    exponentEnd++;
                }

                // An exponent is part of the number only when no letter follows ("2e5" yes, "2em" no).
                if (exponentEnd >= text.Length || !char.IsLetter(text[exponentEnd]))
                {
                    isInteger = false;
                    hasExponent = true;
                    digits.Append('e');
                    digits.Append(text.AsSpan(i + 1, exponentEnd - i - 1));
                    i = exponentEnd;
                }
            }
        }

        var numberSpan = digits.Written;
        if (isInteger && TryReadPlainInteger(numberSpan, out var plain))
        {
            // Most numbers in a reply are short integers: read them directly (as exactly as the parsers below would).
            value = new ParsedValue(Text(numberSpan, plain), plain, plain == 0 && negative ? -0.0 : plain);
            return i;
        }

        if (!(!hasExponent && TryReadShortDecimal(numberSpan, out var real))
            && !double.TryParse(numberSpan, NumberStyles.Float, CultureInfo.InvariantCulture, out real))
        {
            return -1;
        }

        long? exact = null;
        if (isInteger && long.TryParse(numberSpan, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
        {
            exact = parsed;
        }
        else if (!isInteger && real == Math.Floor(real) && Math.Abs(real) < 9e15 && !hasExponent)
        {
            // "42.0" is the integer 42 for a long step.
            exact = (long)real;
        }

        var numberText = digits.ToString();
        value = new ParsedValue(numberText, exact, real);
        return i;
    }

    /// <summary>
    /// The token box of a small integer written the way it prints ("7", "-42"; not "007", "-0", "+5" or "1,000") at
    /// <paramref name="start"/>, and the end of its digits in <paramref name="end"/>; null when the number needs
    /// <see cref="TryRead"/>. The box, value and text are those that <see cref="TryRead"/> and <see cref="Box"/> give, read
    /// without copying the digits: most numbers in a reply are such integers.
    /// </summary>
    /// <param name="negative">Whether <paramref name="start"/> holds a '-' that is the number's sign.</param>
    public static NumberBox? TryReadShared(string text, int start, bool negative, out int end)
    {
        end = -1;
        var digitsStart = negative ? start + 1 : start;
        var i = digitsStart;
        var value = 0;
        while (i < text.Length && IsDigit(text[i]))
        {
            if (i - digitsStart == 4)
            {
                // Five digits or more: past the shared range.
                return null;
            }

            value = (value * 10) + (text[i] - '0');
            i++;
        }

        var count = i - digitsStart;
        if (count == 0 || (count > 1 && text[digitsStart] == '0') || (negative && value == 0))
        {
            return null;
        }

        // What TryRead would read on: thousands groups after a short first group, decimals, an exponent.
        if ((count <= 3 && GroupAt(text, i)) || DecimalsAt(text, i) || ExponentMayStartAt(text, i))
        {
            return null;
        }

        if (negative)
        {
            value = -value;
        }

        if (value < SharedMin)
        {
            return null;
        }

        end = i;
        return SharedBox(value);
    }

    // An optional '-' and at most 15 digits: the long is exact and so is its double (below 2^53), which is what
    // double.Parse and long.Parse give for the same text.
    private static bool TryReadPlainInteger(ReadOnlySpan<char> text, out long value)
    {
        value = 0;
        var negative = text.Length > 0 && text[0] == '-';
        var digits = negative ? text[1..] : text;
        if (digits.Length is 0 or > 15)
        {
            return false;
        }

        foreach (var c in digits)
        {
            if (!IsDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        if (negative)
        {
            value = -value;
        }

        return true;
    }

    // "-3.25": an optional '-', digits, a point and digits, at most 15 digits in all. The digits as an integer and the
    // power of ten are both exact doubles, so their quotient is the correctly rounded value, as double.Parse gives it.
    private static bool TryReadShortDecimal(ReadOnlySpan<char> text, out double value)
    {
        value = 0;
        var negative = text.Length > 0 && text[0] == '-';
        var digits = negative ? text[1..] : text;
        var point = digits.IndexOf('.');
        if (point <= 0 || point == digits.Length - 1 || digits.Length > 16)
        {
            return false;
        }

        long mantissa = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            if (i == point)
            {
                continue;
            }

            if (!IsDigit(digits[i]))
            {
                return false;
            }

            mantissa = (mantissa * 10) + (digits[i] - '0');
        }

        value = mantissa / PowersOfTen[digits.Length - point - 1];
        if (negative)
        {
            value = -value;
        }

        return true;
    }

    private static readonly double[] PowersOfTen = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

    // Small integers written plainly ("7", "-42") share one string each instead of a new one per number read.
    private const int SharedMin = -999;
    private const int SharedMax = 9999;
    private static readonly string[] SharedTexts = [.. Enumerable.Range(SharedMin, SharedMax - SharedMin + 1).Select(v => v.ToString(CultureInfo.InvariantCulture))];

    // The boxes of small integers read from their shared text, made on first use (a race makes two equal boxes: harmless).
    private static readonly NumberBox?[] SharedBoxes = new NumberBox?[SharedMax - SharedMin + 1];

    // The shared box of small integer 'value' (SharedMin to SharedMax), read from its shared text.
    private static NumberBox SharedBox(int value)
    {
        ref var slot = ref SharedBoxes[value - SharedMin];
        return slot ??= new NumberBox(new ParsedValue(SharedTexts[value - SharedMin], value, value));
    }

    /// <summary>A box for a token's number: one shared box per small integer written plainly, else a new one.</summary>
    public static NumberBox Box(ParsedValue number)
    {
        if (number.Int64 is { } value && value is >= SharedMin and <= SharedMax && ReferenceEquals(number.Text, SharedTexts[value - SharedMin])
            && number.Real == value)
        {
            // The number is then exactly the shared one: its shared text, the value, and the value as a double.
            return SharedBox((int)value);
        }

        return new NumberBox(number);
    }

    private static string Text(ReadOnlySpan<char> written, long value)
    {
        if (value is >= SharedMin and <= SharedMax && SharedTexts[value - SharedMin] is var shared && written.SequenceEqual(shared))
        {
            return shared;
        }

        return written.ToString();
    }

    // Appends into a stack buffer and moves to the heap only past its end.
    private ref struct DigitBuffer(Span<char> initial)
    {
        private Span<char> _chars = initial;
        private StringBuilder? _overflow;
        private int _length;

        public readonly ReadOnlySpan<char> Written => _overflow is null ? _chars[.._length] : _overflow.ToString().AsSpan();

        public void Append(char c)
        {
            if (_overflow is null && _length < _chars.Length)
            {
                _chars[_length++] = c;
                return;
            }

            Spill().Append(c);
        }

        public void Append(ReadOnlySpan<char> chars)
        {
            if (_overflow is null && _length + chars.Length <= _chars.Length)
            {
                chars.CopyTo(_chars[_length..]);
                _length += chars.Length;
                return;
            }

            Spill().Append(chars);
        }

        public override readonly string ToString() => _overflow?.ToString() ?? new string(_chars[.._length]);

        private StringBuilder Spill() => _overflow ??= new StringBuilder(_length * 2).Append(_chars[.._length]);
    }

    public static bool IsDigit(char c) => c is >= '0' and <= '9';

    // A thousands separator and a group of exactly three digits at i: "1,234", "1 234".
    private static bool GroupAt(string text, int i) => i + 3 < text.Length && IsGroupSeparator(text[i]) && HasThreeDigitGroup(text, i + 1);

    // A decimal point with a digit after it at i ("3.25"; "15." ends a sentence).
    private static bool DecimalsAt(string text, int i) => i + 1 < text.Length && text[i] == '.' && IsDigit(text[i + 1]);

    // An 'e' with something after it at i: TryRead then decides whether it is an exponent ("2e5") or a word ("2em").
    private static bool ExponentMayStartAt(string text, int i) => i + 1 < text.Length && text[i] is 'e' or 'E';

    private static bool IsGroupSeparator(char c) => c is ',' or '_' or ' ' or '\u2009' or '\u202F' or '\u00A0' or '\'';

    private static bool HasThreeDigitGroup(string text, int at) =>
        at + 2 < text.Length
        && IsDigit(text[at]) && IsDigit(text[at + 1]) && IsDigit(text[at + 2])
        && (at + 3 >= text.Length || !IsDigit(text[at + 3]));
}
