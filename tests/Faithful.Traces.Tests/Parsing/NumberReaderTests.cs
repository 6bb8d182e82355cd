using System.Globalization;
using CsCheck;
using Faithful.Traces.Parsing.Reading;

namespace Faithful.Traces.Tests.Parsing;

/// <summary>
/// The number reader's shortcuts (small integers read straight into their shared box, short decimals divided instead of
/// parsed) give exactly what the general path gives: the same end, text, value bits and box.
/// </summary>
public sealed class NumberReaderTests
{
    // Digits, signs and what may follow a number in a reply: group separators, points, exponents, letters.
    private static readonly Gen<string> NumberLikeText =
        Gen.OneOf(Gen.Const("-"), Gen.Const("+"), Gen.Char['0', '9'].Select(c => c.ToString()), Gen.Char['0', '9'].Select(c => c.ToString()),
                Gen.OneOf(Gen.Const("."), Gen.Const(","), Gen.Const(" "), Gen.Const("e"), Gen.Const("E"), Gen.Const("_"), Gen.Const("'"), Gen.Const("\u202F"), Gen.Const("x"), Gen.Const(")")))
            .Array[1, 14]
            .Select(parts => string.Concat(parts));

    [Fact]
    public void A_small_integer_read_through_the_shortcut_is_what_the_full_reader_reads()
    {
        NumberLikeText.Sample(text =>
        {
            var negative = text[0] == '-';
            if (NumberReader.TryReadShared(text, 0, negative, out var end) is not { } box)
            {
                return;
            }

            var fullEnd = NumberReader.TryRead(text, 0, allowSign: negative, out var full);
            Assert.Equal(fullEnd, end);
            Assert.Equal(text[..end], full.Text);
            Assert.Equal(full.Int64, box.Value.Int64);
            Assert.Same(full.Text, box.Value.Text);
            Assert.Equal(BitConverter.DoubleToInt64Bits(full.Real), BitConverter.DoubleToInt64Bits(box.Value.Real));
            Assert.Same(NumberReader.Box(full), box);
        }, iter: 20000);
    }

    [Theory]
    [InlineData("7", 1)]
    [InlineData("-42 + 3", 3)]
    [InlineData("9999)", 4)]
    [InlineData("15.", 2)]
    [InlineData("12, 13", 2)]
    [InlineData("0 * 3", 1)]
    public void Small_integers_written_plainly_take_the_shortcut(string text, int end)
    {
        Assert.NotNull(NumberReader.TryReadShared(text, 0, text[0] == '-', out var read));
        Assert.Equal(end, read);
    }

    [Theory]
    [InlineData("007")]
    [InlineData("-0")]
    [InlineData("10000")]
    [InlineData("-1000")]
    [InlineData("1,234")]
    [InlineData("12 345")]
    [InlineData("1.5")]
    [InlineData("2e5")]
    public void Numbers_the_shortcut_cannot_share_go_to_the_full_reader(string text) =>
        Assert.Null(NumberReader.TryReadShared(text, 0, text[0] == '-', out _));

    [Fact]
    public void A_short_decimal_reads_as_the_correctly_rounded_double()
    {
        var decimals = Gen.Select(Gen.Bool, Gen.Long[0, 999_999_999_999_999], Gen.Int[1, 15], (negative, digits, fraction) =>
        {
            var text = digits.ToString(CultureInfo.InvariantCulture).PadLeft(fraction + 1, '0');
            return (negative ? "-" : "") + text[..^fraction] + "." + text[^fraction..];
        });
        decimals.Sample(text =>
        {
            var end = NumberReader.TryRead(text, 0, allowSign: true, out var value);
            Assert.Equal(text.Length, end);
            Assert.Equal(BitConverter.DoubleToInt64Bits(double.Parse(text, CultureInfo.InvariantCulture)), BitConverter.DoubleToInt64Bits(value.Real));
        }, iter: 20000);
    }
}
