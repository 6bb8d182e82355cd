using Faithful.Model;
using Faithful.Traces.Prompts;
using Faithful.Traces.Results;

namespace Faithful.Protocols.PlanExecute;

/// <summary>
/// Checks a plan against the program: the same steps in the same order, each writing the same variable and reading
/// the same earlier values (the dependency structure), and computing the same expression.
/// </summary>
public static class PlanComparison
{
    /// <summary>Mismatches kept per case.</summary>
    public const int MaxMismatches = 50;

    public static (bool SameStructure, bool SameComputation, IReadOnlyList<PlanMismatch> Mismatches) Compare(StepProgram program, StepProgram plan)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(plan);
        var structure = program.Steps.Count == plan.Steps.Count;
        var computation = structure;
        var mismatches = new List<PlanMismatch>();
        for (var i = 0; i < Math.Max(program.Steps.Count, plan.Steps.Count); i++)
        {
            var expected = i < program.Steps.Count ? StepDisplay.Statement(program, program.Steps[i]) : "(no such step)";
            if (i >= plan.Steps.Count)
            {
                Add(mismatches, new PlanMismatch(i, expected, null, "missing from the plan"));
                continue;
            }

            var planned = $"{plan.Steps[i].Variable} = {ExprFormatter.ToCSharp(plan.Steps[i].Expression, slot => StepDisplay.VariableOf(plan, slot))}";
            if (i >= program.Steps.Count)
            {
                Add(mismatches, new PlanMismatch(i, expected, planned, "the program has no such step"));
                continue;
            }

            var want = program.Steps[i];
            var got = plan.Steps[i];
            var wantReads = Reads(want.Expression);
            var gotReads = Reads(got.Expression);
            if (want.Variable != got.Variable)
            {
                structure = computation = false;
                Add(mismatches, new PlanMismatch(i, expected, planned, $"writes {got.Variable} instead of {want.Variable}"));
            }
            else if (!wantReads.SetEquals(gotReads))
            {
                structure = computation = false;
                Add(mismatches, new PlanMismatch(i, expected, planned, $"reads {Names(plan, gotReads)} instead of {Names(program, wantReads)}"));
            }
            else if (Canonical(want.Expression) != Canonical(got.Expression))
            {
                computation = false;
                Add(mismatches, new PlanMismatch(i, expected, planned, "reads the right values but computes something else"));
            }
        }

        return (structure, computation, mismatches);
    }

    private static HashSet<int> Reads(Expr expression)
    {
        var slots = new List<int>();
        LookBack.CollectReads(expression, slots);
        return [.. slots];
    }

    // Both printed through the same printer with slot numbers for names: equal text, equal computation.
    private static string Canonical(Expr expression) => ExprFormatter.ToCSharp(expression, slot => "$" + slot);

    private static string Names(StepProgram program, HashSet<int> slots) =>
        slots.Count == 0 ? "nothing" : string.Join(", ", slots.Order().Select(s => s < program.SlotCount ? program.SlotName(s) : "?"));

    private static void Add(List<PlanMismatch> mismatches, PlanMismatch mismatch)
    {
        if (mismatches.Count < MaxMismatches)
        {
            mismatches.Add(mismatch);
        }
    }
}
