using System.Globalization;
using Faithful.Model;

namespace Faithful.Families;

/// <summary>Integer lists for command lines: <c>5..95:9</c> (from, to, step), <c>1..5</c> (step 1), <c>5,20,50</c>, or a mix <c>5,10..30:10</c>.</summary>
public static class GridRange
{
    /// <exception cref="FormatException">The text is not such a list; the message shows the accepted forms.</exception>
    public static EquatableArray<int> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var values = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var dots = part.IndexOf("..", StringComparison.Ordinal);
            if (dots < 0)
            {
                values.Add(Int(part, text));
                continue;
            }

            var colon = part.IndexOf(':', dots);
            var from = Int(part[..dots], text);
            var to = Int(colon < 0 ? part[(dots + 2)..] : part[(dots + 2)..colon], text);
            var step = colon < 0 ? 1 : Int(part[(colon + 1)..], text);
            if (step < 1 || to < from || (to - from) / step > 100_000)
            {
                throw new FormatException($"In '{text}': range '{part}' needs from <= to and a step of at least 1 (and at most 100000 values).");
            }

            for (var value = from; value <= to; value += step)
            {
                values.Add(value);
            }
        }

        return values.Count > 0 ? values.Distinct().ToEquatableArray() : throw new FormatException($"'{text}' lists no values; use e.g. 5..95:9, 1..5 or 5,20,50.");
    }

    public static string Format(EquatableArray<int> values) => string.Join(",", values.Select(v => v.ToString(CultureInfo.InvariantCulture)));

    private static int Int(string part, string text) =>
        int.TryParse(part, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"In '{text}': '{part}' is not an integer; use e.g. 5..95:9, 1..5 or 5,20,50.");
}
