using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Faithful.Traces.Scoring;

/// <summary>
/// Global sequence alignment (Needleman–Wunsch) of claims against reference targets. A claim pairs with
/// a target, or stays unpaired (an extra line); a target may stay unclaimed (a missing line).
/// Ties go to the earliest pairing, so with no value evidence the k-th claim meets the k-th target
/// and a trace that stops early is read as missing its end, not its beginning.
/// </summary>
internal static class SequenceAligner
{
    /// <summary>Writes the pairing score of claim <paramref name="claim"/> with every target into <paramref name="row"/>.</summary>
    public delegate void RowScorer(int claim, Span<int> row);

    public const int MatchScore = 3;
    public const int MismatchScore = 0;
    public const int ExtraClaimScore = -1;
    public const int MissingTargetScore = -1;

    /// <summary>Added to a pairing whose claim line restates the target step's statement.</summary>
    public const int StatementBonus = 2;

    /// <summary>A pairing that must not happen (a claim naming another variable).</summary>
    public const int Forbidden = -1_000_000;

    /// <summary>
    /// For each of <paramref name="claimCount"/> claims, the target it pairs with, or -1.
    /// <paramref name="score"/> scores pairing a claim with a target (<see cref="MatchScore"/>, <see cref="MismatchScore"/> or <see cref="Forbidden"/>,
    /// plus <see cref="StatementBonus"/> when the claim restates the target's statement);
    /// <paramref name="optionalTarget"/> marks targets that cost nothing to leave unclaimed (an input a model need not restate).
    /// <paramref name="scoreRow"/> writes one claim's scores against every target at once (a caller that knows most of
    /// a row is <see cref="Forbidden"/> fills it without a call per cell); it must agree with <paramref name="score"/>
    /// cell by cell (the greedy fallback, past <see cref="MaxCells"/>, asks for single cells).
    /// </summary>
    public static int[] Align(int claimCount, int targetCount, Func<int, int, int> score, RowScorer scoreRow, Func<int, bool> optionalTarget, bool freeLeadingTargets = false, Func<int, bool>? optionalClaim = null)
    {
        if ((long)(claimCount + 1) * (targetCount + 1) > MaxCells)
        {
            return Greedy(claimCount, targetCount, score);
        }

        // The cost of leaving each target unclaimed, and the current claim's row of pairing scores.
        var skipCost = new int[targetCount];
        for (var t = 0; t < targetCount; t++)
        {
            skipCost[t] = SkipTargetScore(optionalTarget, t);
        }

        var row = new int[targetCount];

        // Row i of the score table: the best score aligning the first i claims with the first j targets. A row needs only
        // the one before it, so two are kept; the moves are kept for every cell, for the way back.
        var width = targetCount + 1;
        var (table, move) = Scratch(2 * width, (claimCount + 1) * width);
        table[0] = 0;

        for (var j = 1; j <= targetCount; j++)
        {
            table[j] = freeLeadingTargets ? 0 : table[j - 1] + skipCost[j - 1];
            move[j] = SkipTarget;
        }

        for (var i = 1; i <= claimCount; i++)
        {
            // A claim that may only restate (optional) costs nothing to leave unpaired.
            var extra = optionalClaim?.Invoke(i - 1) == true ? 0 : ExtraClaimScore;
            scoreRow(i - 1, row);
            FillRow(table.AsSpan(((i - 1) & 1) * width, width), table.AsSpan((i & 1) * width, width), move.AsSpan(i * width, width), row, skipCost, extra);
        }

        var pairing = new int[claimCount];
        Array.Fill(pairing, -1);
        int ci = claimCount, tj = targetCount;
        while (ci > 0 || tj > 0)
        {
            switch (move[ci * width + tj])
            {
                case Diagonal:
                    pairing[ci - 1] = tj - 1;
                    ci--;
                    tj--;
                    break;
                case SkipClaim:
                    ci--;
                    break;
                default:
                    tj--;
                    break;
            }
        }

        return pairing;
    }

    private const byte Diagonal = 0, SkipClaim = 1, SkipTarget = 2;

    // One row of the table (every cell of a reply's alignment passes through here): the previous row, this row, its
    // moves, the claim's pairing scores and the cost of skipping each target, all of the same width less one.
    private static void FillRow(ReadOnlySpan<int> previous, Span<int> current, Span<byte> moves, ReadOnlySpan<int> row, ReadOnlySpan<int> skipCost, int extra)
    {
        var left = current[0] = previous[0] + extra;
        moves[0] = SkipClaim;
        var targets = row.Length;
        if (previous.Length != targets + 1 || current.Length != targets + 1 || moves.Length != targets + 1 || skipCost.Length != targets)
        {
            throw new ArgumentException("The rows of an alignment table must have one cell more than the targets.");
        }

        // Lengths checked once above; the loop reads through references so that no cell is bounds-checked again.
        ref var up = ref MemoryMarshal.GetReference(previous);
        ref var here = ref MemoryMarshal.GetReference(current);
        ref var moved = ref MemoryMarshal.GetReference(moves);
        ref var pair = ref MemoryMarshal.GetReference(row);
        ref var skip = ref MemoryMarshal.GetReference(skipCost);
        for (var k = 0; k < targets; k++)
        {
            var best = Unsafe.Add(ref up, k) + Unsafe.Add(ref pair, k);
            var chosen = Diagonal;
            var skipTarget = left + Unsafe.Add(ref skip, k);

            // On a tie, leave the later target unclaimed: claims then sit as early as the evidence allows.
            if (skipTarget >= best)
            {
                best = skipTarget;
                chosen = SkipTarget;
            }

            var skipClaim = Unsafe.Add(ref up, k + 1) + extra;
            if (skipClaim > best)
            {
                best = skipClaim;
                chosen = SkipClaim;
            }

            Unsafe.Add(ref here, k + 1) = best;
            Unsafe.Add(ref moved, k + 1) = chosen;
            left = best;
        }
    }

    [ThreadStatic]
    private static int[]? t_table;

    [ThreadStatic]
    private static byte[]? t_move;

    // The moves of a reply to a long program run to megabytes; reused per thread they stop being large-object garbage
    // (every such array counts towards a full collection). Every cell read is written first, except the table's [0].
    private static (int[] Table, byte[] Move) Scratch(int tableCells, int moveCells)
    {
        // Kept per thread up to 2.5 MB of moves (and their two score rows); a rarer, larger table is allocated for the call alone.
        const int MaxKeptCells = 5 << 19;
        if (moveCells > MaxKeptCells)
        {
            return (new int[tableCells], new byte[moveCells]);
        }

        if (t_move is null || t_move.Length < moveCells)
        {
            t_move = new byte[Math.Max(moveCells, 4096)];
        }

        if (t_table is null || t_table.Length < tableCells)
        {
            t_table = new int[Math.Max(tableCells, 1024)];
        }

        return (t_table, t_move);
    }

    /// <summary>Above this many table cells (a flood of claims against a long program) alignment turns greedy, so work stays bounded.</summary>
    public const long MaxCells = 4_000_000;

    // Each claim takes the next target it may pair with, preferring one whose value matches within a short window.
    private static int[] Greedy(int claimCount, int targetCount, Func<int, int, int> score)
    {
        const int Window = 8;
        var pairing = new int[claimCount];
        var next = 0;
        for (var c = 0; c < claimCount; c++)
        {
            pairing[c] = -1;
            var fallback = -1;
            for (var t = next; t < targetCount && t < next + Window; t++)
            {
                var s = score(c, t);
                if (s >= MatchScore)
                {
                    pairing[c] = t;
                    break;
                }

                if (fallback < 0 && s > Forbidden)
                {
                    fallback = t;
                }
            }

            if (pairing[c] < 0)
            {
                pairing[c] = fallback;
            }

            if (pairing[c] >= 0)
            {
                next = pairing[c] + 1;
            }
        }

        return pairing;
    }

    private static int SkipTargetScore(Func<int, bool> optionalTarget, int target) => optionalTarget(target) ? 0 : MissingTargetScore;
}
