namespace Faithful.Traces.Parsing.Reading;

/// <summary>
/// The best set of non-overlapping proposals for one line: weighted interval scheduling over token spans, ties going
/// to the earlier-listed proposal (recognisers are listed from the most specific). Lines hold a handful of proposals.
/// </summary>
internal static class LineCover
{
    // The chosen proposals of the line being read, reused on each thread: the caller is done with them before the next line.
    [ThreadStatic]
    private static List<Proposal>? ScratchChosen;

    /// <summary>The chosen proposals in line order; the list is reused by the next call on the same thread.</summary>
    public static List<Proposal> Best(Proposals proposals)
    {
        var chosen = ScratchChosen ??= [];
        chosen.Clear();
        if (proposals.Count <= 1)
        {
            if (proposals.Count == 1)
            {
                chosen.Add(proposals[0]);
            }

            return chosen;
        }

        // End order, ties by listing order: one key per proposal, sorted without a comparison delegate.
        var n = proposals.Count;
        Span<long> keys = n <= 128 ? stackalloc long[n] : new long[n];
        for (var i = 0; i < n; i++)
        {
            keys[i] = ((long)proposals[i].To << 32) | (uint)i;
        }

        keys.Sort();

        // best[k]: the best total using the first k proposals in end order; take[k]: whether proposal k-1 is in it.
        Span<int> best = n < 128 ? stackalloc int[n + 1] : new int[n + 1];
        Span<int> previous = n < 128 ? stackalloc int[n + 1] : new int[n + 1];
        Span<bool> take = n < 128 ? stackalloc bool[n + 1] : new bool[n + 1];
        best[0] = 0;
        take[0] = false;
        previous[0] = 0;
        for (var k = 1; k <= n; k++)
        {
            var p = proposals[(int)keys[k - 1]];
            var fit = k - 1;
            while (fit > 0 && proposals[(int)keys[fit - 1]].To > p.From)
            {
                fit--;
            }

            var with = best[fit] + p.Score;
            if (with > best[k - 1])
            {
                best[k] = with;
                take[k] = true;
                previous[k] = fit;
            }
            else
            {
                best[k] = best[k - 1];
                take[k] = false;
                previous[k] = k - 1;
            }
        }

        var at = n;
        while (at > 0)
        {
            if (take[at])
            {
                chosen.Add(proposals[(int)keys[at - 1]]);
            }

            at = previous[at];
        }

        chosen.Sort(static (a, b) => a.From.CompareTo(b.From));
        return chosen;
    }
}
