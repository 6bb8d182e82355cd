using Faithful.Model;

namespace Faithful.Traces.Parsing.Reading;

/// <summary>
/// Fits the offset between a reply's item numbers and the program's step numbers. Numbered lists often start with the
/// initial values (<c>1. a0=4; a1=-3</c>, then <c>2. a3 -= a0 -> ...</c>) or number outer iterations, so an item number
/// is trusted only when one offset makes most numbered, named items name the variable that step writes; otherwise the
/// numbers of named items are dropped and their names place them.
/// </summary>
internal static class ListNumberFit
{
    private const int MaxOffset = 10;

    public static void Apply(List<ReadEvent> events, ReaderKnowledge knowledge)
    {
        // Variables compared as numbers: each claim is tested against 21 steps.
        var stepVariables = knowledge.StepVariableIds;
        if (stepVariables.Length == 0)
        {
            return;
        }

        // An item number shared by several executions of one line ("2. After the first subtraction n_0 is -1, after the
        // second -3, ...") numbers the item, not the steps.
        var perLine = new Dictionary<int, int>();
        foreach (var e in events)
        {
            if (e.Kind == ReadEventKind.Claim && e.Claim.StepNumber is not null && Executes(e.Claim))
            {
                perLine[e.Line] = perLine.GetValueOrDefault(e.Line) + 1;
            }
        }

        foreach (var e in events)
        {
            if (e.Kind == ReadEventKind.Claim && e.Claim.StepNumber is not null && Executes(e.Claim) && perLine[e.Line] > 1)
            {
                e.Claim = e.Claim with { StepNumber = null };
            }
        }

        var numbered = 0;
        var listItems = 0;
        var distinct = new HashSet<int>();
        Span<int> fits = stackalloc int[(2 * MaxOffset) + 1];
        foreach (var e in events)
        {
            if (e.Kind != ReadEventKind.Claim || e.Claim is not { StepNumber: { } number, Name: { } name } || !Executes(e.Claim))
            {
                continue;
            }

            numbered++;
            listItems += e.ListItem ? 1 : 0;
            distinct.Add(number);
            var variable = knowledge.VariableId(StepNames.VariableOf(name));
            if (variable < 0)
            {
                // No step writes it: it fits no offset.
                continue;
            }

            // The offsets that land on a step (1 to the step count), each tested once.
            var low = (int)Math.Max(-MaxOffset, 1L - number);
            var high = (int)Math.Min(MaxOffset, (long)stepVariables.Length - number);
            for (var d = low; d <= high; d++)
            {
                if (stepVariables[number + d - 1] == variable)
                {
                    fits[d + MaxOffset]++;
                }
            }
        }

        if (numbered == 0)
        {
            return;
        }

        var best = 0;
        for (var d = 1; d <= MaxOffset; d++)
        {
            foreach (var candidate in (ReadOnlySpan<int>)[d, -d])
            {
                if (fits[candidate + MaxOffset] > fits[best + MaxOffset])
                {
                    best = candidate;
                }
            }
        }

        // Two items that happen to fit prove nothing: an offset needs three items, and numbers as given need most to fit.
        // List items number whatever the reply lists (iterations, remarks), so they must fit nearly all, over three items.
        var fitting = fits[best + MaxOffset];
        var trusted = listItems * 2 > numbered
            ? fitting * 10 >= numbered * 9 && distinct.Count >= 3
            : fitting * 4 >= numbered * 3 && (best == 0 ? fitting >= 1 : distinct.Count >= 3);
        foreach (var e in events)
        {
            if (e.Kind != ReadEventKind.Claim || e.Claim.StepNumber is not { } number)
            {
                continue;
            }

            if (trusted && (best == 0 || e.Claim.Name is null))
            {
                // Numbers that are step numbers place claims; shifted list numbers only help claims without a name.
                if (best != 0)
                {
                    e.Claim = e.Claim with { StepNumber = number + best };
                }
            }
            else if (e.Claim.Name is not null)
            {
                e.Claim = e.Claim with { StepNumber = null };
            }
        }
    }

    private static bool Executes(LineClaim claim) => claim.Kind is ReadingKind.Execution or ReadingKind.NoChangeExecution;
}
