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
        DropSharedItemNumbers(events);

        var numbered = 0;
        var listItems = 0;
        var distinct = new DistinctCount();
        Span<int> fits = stackalloc int[(2 * MaxOffset) + 1];

        // Claims of a register program name a few variables over and over: the last name's variable is kept.
        string? lastName = null;
        var lastVariable = -1;
        foreach (var e in events)
        {
            if (e.Kind != ReadEventKind.Claim || e.Claim is not { StepNumber: { } number, Name: { } name } || !Executes(e.Claim))
            {
                continue;
            }

            numbered++;
            listItems += e.ListItem ? 1 : 0;
            distinct.Add(number);
            if (!ReferenceEquals(name, lastName))
            {
                lastName = name;
                lastVariable = knowledge.VariableId(StepNames.VariableOf(name));
            }

            var variable = lastVariable;
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

        // In a program whose steps all write one variable, every offset names that variable: the numbers say nothing the
        // names do not, and an offset list ("1. n_0 = 1, then 2", "2. ... 3") would place each value one step off
        // (jurassic2-ultra/complexity-cot/235, holdout24). The names and their order place them.
        if (OneVariable(stepVariables, knowledge.VariableId("")))
        {
            foreach (var e in events)
            {
                if (e.Kind == ReadEventKind.Claim && e.Claim is { StepNumber: not null, Name: not null })
                {
                    e.Claim = e.Claim with { StepNumber = null };
                }
            }

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
            ? fitting * 10 >= numbered * 9 && distinct.AtLeastThree
            : fitting * 4 >= numbered * 3 && (best == 0 ? fitting >= 1 : distinct.AtLeastThree);
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

    // Whether every computed step writes one variable (given declarations, whose entry is "", are no steps).
    private static bool OneVariable(ReadOnlySpan<int> stepVariables, int declaration)
    {
        var only = -1;
        foreach (var variable in stepVariables)
        {
            if (variable == declaration)
            {
                continue;
            }

            if (only >= 0 && variable != only)
            {
                return false;
            }

            only = variable;
        }

        return true;
    }

    private static bool Executes(LineClaim claim) => claim.Kind is ReadingKind.Execution or ReadingKind.NoChangeExecution;

    private static bool IsNumberedExecution(ReadEvent e) => e.Kind == ReadEventKind.Claim && e.Claim.StepNumber is not null && Executes(e.Claim);

    // Drops the item number of every numbered execution that shares its line with another. Events come in reply order,
    // so a line's events stand together and each line's executions are counted as one run; a list out of line order
    // (never made by the reader, but not assumed away) is counted line by line in a table instead.
    internal static void DropSharedItemNumbers(List<ReadEvent> events)
    {
        var previousLine = int.MinValue;
        foreach (var e in events)
        {
            if (e.Line < previousLine)
            {
                DropSharedItemNumbersOutOfOrder(events);
                return;
            }

            previousLine = e.Line;
        }

        for (var start = 0; start < events.Count;)
        {
            var line = events[start].Line;
            var end = start;
            var count = 0;
            for (; end < events.Count && events[end].Line == line; end++)
            {
                count += IsNumberedExecution(events[end]) ? 1 : 0;
            }

            if (count > 1)
            {
                for (var k = start; k < end; k++)
                {
                    if (IsNumberedExecution(events[k]))
                    {
                        events[k].Claim = events[k].Claim with { StepNumber = null };
                    }
                }
            }

            start = end;
        }
    }

    internal static void DropSharedItemNumbersOutOfOrder(List<ReadEvent> events)
    {
        var perLine = new Dictionary<int, int>();
        foreach (var e in events)
        {
            if (IsNumberedExecution(e))
            {
                perLine[e.Line] = perLine.GetValueOrDefault(e.Line) + 1;
            }
        }

        foreach (var e in events)
        {
            if (IsNumberedExecution(e) && perLine[e.Line] > 1)
            {
                e.Claim = e.Claim with { StepNumber = null };
            }
        }
    }

    // Whether at least three different numbers were added, without a set: only that question is asked.
    internal struct DistinctCount
    {
        private int _first;
        private int _second;
        private int _seen;

        public readonly bool AtLeastThree => _seen >= 3;

        public void Add(int number)
        {
            switch (_seen)
            {
                case 0:
                    _first = number;
                    _seen = 1;
                    break;
                case 1 when number != _first:
                    _second = number;
                    _seen = 2;
                    break;
                case 2 when number != _first && number != _second:
                    _seen = 3;
                    break;
            }
        }
    }
}
