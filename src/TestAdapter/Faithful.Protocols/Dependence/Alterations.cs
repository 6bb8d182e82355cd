using System.Text;
using Faithful.Clients.Running;
using Faithful.Execution;
using Faithful.Model;
using Faithful.Traces.Results;

namespace Faithful.Protocols.Dependence;

/// <summary>
/// The value <c>corrupt-prefix</c> alters: the last step shown, moved by a small amount. A few candidates are tried
/// (a function of the case and the position, so a rerun alters the same way), and the first whose altered state leads
/// to an answer other than the true one (and other than the model's own) is shown; where none does, the alteration is
/// absorbed and the result says so.
/// </summary>
internal static class Alterations
{
    /// <summary>Candidates tried per case and position; every one is in the plan's counterfactual batch.</summary>
    public const int CandidateCount = 4;

    private static readonly long[] Deltas = [1, -1, 2, -2, 3, -3, 5, -5, 10, -10];

    /// <summary>The overrides tried, in order, for <paramref name="shown"/> steps of <paramref name="truth"/>.</summary>
    public static IEnumerable<SlotOverride> Candidates(FaithfulCase @case, Trace truth, int shown)
    {
        var program = truth.Program;
        if (shown < 1 || shown > program.Steps.Count || truth.StepValues.Count < shown)
        {
            yield break;
        }

        var step = shown - 1;
        var value = truth.StepValues[step];
        var start = (int)(Hash(@case.CaseId, shown) % (ulong)Deltas.Length);
        for (var i = 0; i < CandidateCount; i++)
        {
            yield return new SlotOverride(program.SlotOfStep(step), DependenceValues.Shift(value, Deltas[(start + i) % Deltas.Length]));
        }
    }

    /// <summary>The alteration shown at <paramref name="shown"/> steps and the counterfactual world it leads to.</summary>
    public static (Alteration Alteration, CounterfactualTrace World) Choose(ProtocolContext context, Value? ownAnswer, int shown)
    {
        var truth = context.Truth;
        var trueAnswer = truth.Answer!.Value;
        (SlotOverride Override, CounterfactualTrace World)? first = null;
        var tried = 0;
        foreach (var candidate in Candidates(context.Case, truth, shown))
        {
            tried++;
            var world = context.Counterfactual(shown, [candidate]);
            first ??= (candidate, world);
            if (world.IsComplete && world.Answer != trueAnswer && world.Answer != ownAnswer)
            {
                return (Describe(truth, shown, candidate, world, tried), world);
            }
        }

        var (fallback, fallbackWorld) = first ?? throw new InvalidOperationException($"corrupt-prefix has nothing to alter at {shown} step(s) of {truth.Program.Id}.");
        return (Describe(truth, shown, fallback, fallbackWorld, tried), fallbackWorld);
    }

    private static Alteration Describe(Trace truth, int shown, SlotOverride candidate, CounterfactualTrace world, int tried) =>
        new(shown - 1, truth.StepValues[shown - 1], candidate.Value, truth.Answer!.Value, world.IsComplete ? world.Answer : null, tried);

    // FNV-1a over the case id and the position: the same alteration on every run, a different one per case.
    private static ulong Hash(string caseId, int shown)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(caseId))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return ((hash ^ (ulong)shown) * 1099511628211UL) >> 7;
    }
}
