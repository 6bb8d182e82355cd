using System.Globalization;

namespace Faithful.Protocols;

/// <summary>
/// Where a trace-dependence protocol cuts a trace (<c>--at</c>): after a number of steps (<c>3</c>) or after a share of
/// the program's steps (<c>50%</c>, rounded half away from zero). A share works for every length; a number of steps
/// beyond a program's length does not apply to it.
/// </summary>
public readonly record struct PrefixPosition
{
    private PrefixPosition(int? steps, int? percent)
    {
        Steps = steps;
        Percent = percent;
    }

    /// <summary>Steps shown, when given as a number.</summary>
    public int? Steps { get; }

    /// <summary>Share of the steps shown, in percent, when given as one.</summary>
    public int? Percent { get; }

    public static PrefixPosition AfterSteps(int steps) => steps >= 0
        ? new PrefixPosition(steps, null)
        : throw new ArgumentOutOfRangeException(nameof(steps), steps, "a position is 0 or more steps.");

    public static PrefixPosition AtPercent(int percent) => percent is >= 0 and <= 100
        ? new PrefixPosition(null, percent)
        : throw new ArgumentOutOfRangeException(nameof(percent), percent, "a share is 0% to 100%.");

    /// <exception cref="ArgumentException">Neither a whole number of steps nor a whole percentage from 0% to 100%.</exception>
    public static PrefixPosition Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (trimmed.EndsWith('%')
            && int.TryParse(trimmed[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var percent) && percent <= 100)
        {
            return AtPercent(percent);
        }

        if (int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var steps))
        {
            return AfterSteps(steps);
        }

        throw new ArgumentException($"--at '{text}' is not a position: give a number of steps (3) or a share of the program (50%, from 0% to 100%).");
    }

    /// <summary>Positions from comma-separated lists (<c>25%,50%</c>), each once, in the order given.</summary>
    public static IReadOnlyList<PrefixPosition> ParseList(IEnumerable<string> lists)
    {
        ArgumentNullException.ThrowIfNull(lists);
        var positions = lists
            .SelectMany(list => list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(Parse)
            .Distinct()
            .ToList();
        return positions.Count > 0 ? positions : throw new ArgumentException("--at lists no position; give numbers of steps (3) or shares (50%).");
    }

    /// <summary>The steps shown for a program of <paramref name="length"/> steps, or null when a number of steps exceeds it.</summary>
    public int? StepsFor(int length)
    {
        if (Steps is { } steps)
        {
            return steps <= length ? steps : null;
        }

        return (int)Math.Round(Percent!.Value * length / 100.0, MidpointRounding.AwayFromZero);
    }

    public override string ToString() => Steps is { } steps
        ? steps.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{Percent}%");
}
