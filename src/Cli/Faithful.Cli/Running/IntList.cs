using System.Globalization;

namespace Faithful.Cli.Running;

/// <summary>Reads <c>5,14,23</c>, <c>1..5</c> and <c>5..95/9</c> (from..to/step) lists of positive integers.</summary>
internal static class IntList
{
    public static IReadOnlyList<int> Parse(string text, string option)
    {
        var values = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var range = part.Split("..", 2);
            if (range.Length == 1)
            {
                values.Add(Number(part, option, text));
                continue;
            }

            var toAndStep = range[1].Split('/', 2);
            var from = Number(range[0], option, text);
            var to = Number(toAndStep[0], option, text);
            var step = toAndStep.Length == 2 ? Number(toAndStep[1], option, text) : 1;
            if (to < from || to - from > 10_000 * step)
            {
                throw new FormatException($"{option} '{text}': range {part} must go upwards and hold at most 10000 values.");
            }

            for (var v = from; v <= to; v += step)
            {
                values.Add(v);
            }
        }

        return values.Count > 0 ? values.Distinct().Order().ToList() : throw new FormatException($"{option} '{text}' holds no numbers; write e.g. 5,14,23 or 5..95/9.");
    }

    private static int Number(string text, string option, string whole) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new FormatException($"{option} '{whole}': '{text}' is not a positive whole number; write e.g. 5,14,23 or 5..95/9.");
}
