namespace Faithful.Traces.Parsing.Reading;

/// <summary>
/// The best set of non-overlapping proposals for one line: weighted interval scheduling over token spans, ties going
/// to the earlier-listed proposal (recognisers are listed from the most specific). Lines hold a handful of proposals.
/// </summary>
internal static class LineCover
{
    public static List<Proposal> Best(List<Proposal> proposals)
    {
        if (proposals.Count <= 1)
        {
            return proposals;
        }

        var order = new int[proposals.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) => proposals[a].To != proposals[b].To ? proposals[a].To.CompareTo(proposals[b].To) : a.CompareTo(b));

        // best[k]: the best total using the first k proposals in end order; take[k]: whether proposal k-1 is in it.
        var best = new int[order.Length + 1];
        var take = new bool[order.Length + 1];
        var previous = new int[order.Length + 1];
        for (var k = 1; k <= order.Length; k++)
        {
            var p = proposals[order[k - 1]];
            var fit = k - 1;
            while (fit > 0 && proposals[order[fit - 1]].To > p.From)
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
                previous[k] = k - 1;
            }
        }

        var chosen = new List<Proposal>();
        var at = order.Length;
        while (at > 0)
        {
            if (take[at])
            {
                chosen.Add(proposals[order[at - 1]]);
            }

            at = previous[at];
        }

        chosen.Sort((a, b) => a.From.CompareTo(b.From));
        return chosen;
    }
}
