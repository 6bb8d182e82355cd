using System.Globalization;
using System.Text;

namespace Faithful.Reports.RunFiles.Compact;

/// <summary>
/// Integer lists in two compact textual forms: <see cref="Ranges"/> for sorted sets of indices (<c>3,5-9,12</c>) and
/// <see cref="Deltas"/> for sequences that mostly climb by a fixed step (<c>3,1x39,-2,1</c>: start at 3, then 39 times +1,
/// then -2, then +1), such as the reply lines of consecutive steps.
/// </summary>
public static class IntRuns
{
    public static string Ranges(IEnumerable<int> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var text = new StringBuilder();
        int? start = null, end = null;
        foreach (var value in values)
        {
            if (end is { } last && value == last + 1)
            {
                end = value;
                continue;
            }

            AppendRange(text, start, end);
            start = end = value;
        }

        AppendRange(text, start, end);
        return text.ToString();
    }

    /// <exception cref="FormatException">Not a range list.</exception>
    public static List<int> ParseRanges(string text, int maxCount = 1_000_000)
    {
        ArgumentNullException.ThrowIfNull(text);
        var values = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var dash = part.IndexOf('-', 1);
            var from = Int(dash < 0 ? part : part[..dash]);
            var to = dash < 0 ? from : Int(part[(dash + 1)..]);
            if (to < from || values.Count + ((long)to - from) >= maxCount)
            {
                throw new FormatException($"'{part}' is not a range of at most {maxCount} values.");
            }

            for (var v = from; v <= to; v++)
            {
                values.Add(v);
            }
        }

        return values;
    }

    public static string Deltas(IEnumerable<int> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var text = new StringBuilder();
        var previous = 0;
        int? delta = null;
        var run = 0;
        foreach (var value in values)
        {
            var d = value - previous;
            previous = value;
            if (d == delta)
            {
                run++;
                continue;
            }

            AppendDelta(text, delta, run);
            delta = d;
            run = 1;
        }

        AppendDelta(text, delta, run);
        return text.ToString();
    }

    /// <exception cref="FormatException">Not a delta list.</exception>
    public static List<int> ParseDeltas(string text, int maxCount = 1_000_000)
    {
        ArgumentNullException.ThrowIfNull(text);
        var values = new List<int>();
        var current = 0;
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var x = part.IndexOf('x', StringComparison.Ordinal);
            var delta = Int(x < 0 ? part : part[..x]);
            var count = x < 0 ? 1 : Int(part[(x + 1)..]);
            if (count < 1 || values.Count + (long)count > maxCount)
            {
                throw new FormatException($"'{part}' repeats more than {maxCount} values.");
            }

            for (var n = 0; n < count; n++)
            {
                current += delta;
                values.Add(current);
            }
        }

        return values;
    }

    private static void AppendRange(StringBuilder text, int? start, int? end)
    {
        if (start is not { } from || end is not { } to)
        {
            return;
        }

        if (text.Length > 0)
        {
            text.Append(',');
        }

        text.Append(from.ToString(CultureInfo.InvariantCulture));
        if (to != from)
        {
            text.Append('-').Append(to.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static void AppendDelta(StringBuilder text, int? delta, int run)
    {
        if (delta is not { } d)
        {
            return;
        }

        if (text.Length > 0)
        {
            text.Append(',');
        }

        text.Append(d.ToString(CultureInfo.InvariantCulture));
        if (run > 1)
        {
            text.Append('x').Append(run.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static int Int(string text) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"'{text}' is not a whole number.");
}
